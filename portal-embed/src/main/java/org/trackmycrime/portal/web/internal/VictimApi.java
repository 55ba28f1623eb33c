package org.trackmycrime.portal.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.messaging.MessageThread;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.MessagingException;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.portal.PortalSession;
import org.trackmycrime.portal.SecurityHeaders;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.web.internal.VictimSite.CrimeRef;
import org.trackmycrime.portal.web.internal.VictimSite.CrimeView;

/**
 * The same data as the pages, as JSON under {@code <base>api/}, for hosts with their own front end.
 * The session cookie signs the caller in (401 without one); a write carries the session's CSRF
 * token in the {@code X-CSRF-Token} header (403 without it) and its fields URL-encoded, like a
 * form. A crime id that is not the caller's own gives 404, as on the pages.
 */
final class VictimApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VictimSite site;
  private final VictimPortal portal;
  private final String base;

  VictimApi(VictimSite site, VictimPortal portal, String base) {
    this.site = site;
    this.portal = portal;
    this.base = base;
  }

  void register(Router r) {
    String api = base + "api/";
    r.get(api + "session", req -> call(req, this::session));
    r.get(api + "crimes", req -> call(req, this::crimes));
    r.route("GET", api + "crimes/{crime}", (req, p) -> call(req, s -> crime(s, p.get("crime"))));
    r.route(
        "GET",
        api + "crimes/{crime}/timeline",
        (req, p) -> call(req, s -> withCrime(s, p.get("crime"), this::timeline)));
    r.route(
        "GET",
        api + "crimes/{crime}/property",
        (req, p) -> call(req, s -> withCrime(s, p.get("crime"), this::property)));
    r.route(
        "GET",
        api + "crimes/{crime}/messages",
        (req, p) -> call(req, s -> withCrime(s, p.get("crime"), this::messages)));
    r.route(
        "POST",
        api + "crimes/{crime}/messages",
        (req, p) -> call(req, s -> withCrime(s, p.get("crime"), c -> send(req, c))));
    r.route("GET", api + "{rest*}", (req, p) -> json(404, Map.of("error", "not_found")));
    r.route("POST", api + "{rest*}", (req, p) -> json(404, Map.of("error", "not_found")));
  }

  interface ApiHandler {
    PortalResponse handle(PortalSession session);
  }

  private PortalResponse call(PortalRequest request, ApiHandler handler) {
    Optional<PortalSession> session =
        request.cookie(SessionCookie.NAME).flatMap(portal::session).filter(site::ourForce);
    if (session.isEmpty()) {
      return json(401, Map.of("error", "signed_out"));
    }
    if (!request.method().equals("GET")
        && !request.method().equals("HEAD")
        && !VictimPortal.checkCsrf(session.get(), request.header(Web.CSRF_HEADER).orElse(null))) {
      return json(403, Map.of("error", "csrf"));
    }
    return handler.handle(session.get());
  }

  private PortalResponse withCrime(
      PortalSession session, String id, java.util.function.Function<CrimeRef, PortalResponse> f) {
    Optional<CrimeRef> ref = site.crime(session, id);
    return ref.isEmpty() ? json(404, Map.of("error", "not_found")) : f.apply(ref.get());
  }

  private PortalResponse session(PortalSession session) {
    return json(200, Map.of("csrfToken", session.csrfToken()));
  }

  private PortalResponse crimes(PortalSession session) {
    List<Object> out = new ArrayList<>();
    for (CrimeRef ref : site.crimes(session)) {
      site.audit(ref, "crime list read (api)");
      out.add(summary(site.view(ref)));
    }
    return json(200, Map.of("crimes", out));
  }

  private PortalResponse crime(PortalSession session, String id) {
    return withCrime(
        session,
        id,
        ref -> {
          CrimeView v = site.view(ref);
          site.audit(ref, "crime read (api)");
          Map<String, Object> m = summary(v);
          m.put("outcome", v.crime().outcome());
          if (v.officer() != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", v.officer().displayName());
            o.put("rank", v.officer().rank());
            o.put("unit", v.officer().unit());
            m.put("officer", o);
          } else {
            m.put("officer", null);
          }
          m.put("timeline", timelineOf(v.timeline()));
          return json(200, m);
        });
  }

  private static Map<String, Object> summary(CrimeView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.ref().id());
    m.put("crimeReference", v.crime().crimeReference());
    m.put("offenceCategory", v.crime().offenceCategory());
    m.put("status", v.crime().status().name());
    m.put("nextUpdateDueBy", v.nextUpdateDue() == null ? null : v.nextUpdateDue().toString());
    return m;
  }

  private PortalResponse timeline(CrimeRef ref) {
    site.audit(ref, "timeline read (api)");
    return json(200, Map.of("timeline", timelineOf(site.view(ref).timeline())));
  }

  private static List<Object> timelineOf(List<TimelineEntry> entries) {
    List<Object> out = new ArrayList<>();
    for (TimelineEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", e.kind().name());
      m.put("occurredAt", e.occurredAt().toString());
      m.put("text", text(e.text()));
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> text(LocalizedText t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("en", t.en());
    m.put("cy", t.cy());
    return m;
  }

  private PortalResponse property(CrimeRef ref) {
    site.audit(ref, "property read (api)");
    List<Object> out = new ArrayList<>();
    for (PropertyItem i : site.tmc().property().list(ref.force(), ref.crimeReference())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("itemRef", i.itemRef());
      m.put("description", i.description());
      m.put("status", i.status().name());
      m.put("updatedAt", i.updatedAt().toString());
      out.add(m);
    }
    return json(200, Map.of("items", out));
  }

  private PortalResponse messages(CrimeRef ref) {
    List<Object> out = new ArrayList<>();
    for (MessageThread t :
        site.tmc()
            .messaging()
            .threadsForVictim(ref.force(), ref.crimeReference(), ref.victimRef())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("messageId", t.messageId());
      m.put("topic", t.topic().name());
      m.put("body", t.body());
      m.put("sentAt", t.sentAt().toString());
      m.put("status", t.status().name());
      m.put("closeReason", t.closeReason() == null ? null : t.closeReason().name());
      List<Object> replies = new ArrayList<>();
      t.replies().forEach(r -> replies.add(Map.of("text", r.text(), "at", r.at().toString())));
      m.put("replies", replies);
      out.add(m);
    }
    return json(200, Map.of("messages", out));
  }

  private PortalResponse send(PortalRequest request, CrimeRef ref) {
    String topicName = request.field("topic").orElse("");
    MessageTopic topic =
        topicName.equals("QUESTION") || topicName.equals("FURTHER_INFORMATION")
            ? MessageTopic.valueOf(topicName)
            : null;
    boolean acknowledged = request.field("urgentAcknowledged").orElse("").equals("true");
    String body = request.field("body").orElse("");
    if (topic != null
        && !acknowledged
        && site.tmc().messaging().check(ref.force(), body).urgent()) {
      return json(
          422,
          Map.of(
              "error",
              "urgent",
              "message",
              "The text looks urgent or like a new crime: show the prompt to call 999 or 101,"
                  + " then send again with urgentAcknowledged=true."));
    }
    try {
      var sent =
          site.tmc()
              .messaging()
              .send(
                  new NewVictimMessage(
                      ref.force(),
                      ref.crimeReference(),
                      ref.victimRef(),
                      topic,
                      body,
                      null,
                      acknowledged));
      return json(201, Map.of("messageId", sent.messageId(), "status", "RECEIVED_BY_HUB"));
    } catch (ValidationException e) {
      List<Object> problems = new ArrayList<>();
      e.problems().forEach(p -> problems.add(Map.of("field", p.field(), "rule", p.rule())));
      return json(400, Map.of("error", "invalid", "problems", problems));
    } catch (MessagingException e) {
      return json(429, Map.of("error", "rate_limited"));
    }
  }

  static PortalResponse json(int status, Object value) {
    try {
      return new PortalResponse(
              status,
              Map.of("Content-Type", List.of("application/json")),
              JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8))
          .withDefaults(SecurityHeaders.forPersonalPage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON", e);
    }
  }
}
