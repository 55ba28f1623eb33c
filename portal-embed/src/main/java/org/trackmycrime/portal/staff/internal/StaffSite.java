package org.trackmycrime.portal.staff.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.core.EnrolmentException;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.messaging.Assignee;
import org.trackmycrime.core.messaging.CloseReason;
import org.trackmycrime.core.messaging.MessagingException;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.Replacement;
import org.trackmycrime.portal.SecurityHeaders;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.staff.ConsultationPurpose;
import org.trackmycrime.portal.staff.DemoStaffIdentity;
import org.trackmycrime.portal.staff.StaffAccessException;
import org.trackmycrime.portal.staff.StaffConsole;
import org.trackmycrime.portal.staff.StaffIdentity;
import org.trackmycrime.portal.staff.StaffMember;
import org.trackmycrime.portal.staff.StaffRole;
import org.trackmycrime.portal.web.internal.Assets;
import org.trackmycrime.portal.web.internal.Form;
import org.trackmycrime.portal.web.internal.Page;
import org.trackmycrime.portal.web.internal.Templates;
import org.trackmycrime.portal.web.internal.Texts;
import org.trackmycrime.portal.web.internal.Web;

/**
 * The staff pages: routes, handlers and what their templates ({@code src/main/jte/staff}) draw.
 * Every page after sign-in goes through {@link #staff}: the member comes from the host's {@link
 * StaffIdentity} only; the {@link StaffConsole} checks roles and force, and its refusals become 403
 * and 404 pages. Forms carry a double-submit CSRF token ({@link Web#preSessionCsrf}). English only.
 */
public final class StaffSite {
  /** What the site is configured with (see {@code StaffPortalWeb.Builder}). */
  public record Config(
      TrackMyCrime tmc,
      StaffConsole console,
      StaffIdentity identity,
      DemoStaffIdentity demo,
      String basePath,
      String serviceName) {}

  /** A signed-in request: the member and the CSRF token its forms carry. */
  record Visit(PortalRequest request, StaffMember staff, String csrf, boolean newCsrf) {}

  /** One piece of a preview: text, or a replacement to highlight. */
  public record Segment(String text, boolean marked) {}

  private interface Action {
    PortalResponse handle(Visit v);
  }

  private final Config config;
  private final TrackMyCrime tmc;
  private final StaffConsole console;
  private final String base;
  private final Assets assets;

  public StaffSite(Config config) {
    this.config = config;
    this.tmc = config.tmc();
    this.console = config.console();
    this.base = config.basePath();
    this.assets = new Assets(base);
  }

  // ---------------------------------------------------------------- routes

  public void register(Router r) {
    r.get(base, req -> staff(req, this::home));
    if (config.demo() != null) {
      r.get(base + "sign-in", this::signInPage);
      r.post(base + "sign-in", this::signIn);
    }
    r.post(base + "sign-out", this::signOut);
    r.get(base + "hub", req -> staff(req, this::hubInbox));
    r.get(base + "my-messages", req -> staff(req, this::officerMessages));
    r.route("GET", base + "messages/{id}", (req, p) -> staff(req, v -> message(v, p.get("id"))));
    r.route(
        "POST",
        base + "messages/{id}/{action}",
        (req, p) -> staffPost(req, v -> messageAction(v, p.get("id"), p.get("action"))));
    r.get(base + "crimes", req -> staff(req, this::myCrimes));
    r.route("GET", base + "crimes/{crime}", (req, p) -> staff(req, v -> crime(v, p.get("crime"))));
    r.route(
        "GET",
        base + "crimes/{crime}/update",
        (req, p) -> staff(req, v -> writeUpdate(v, p.get("crime"), Form.empty())));
    r.route(
        "POST",
        base + "crimes/{crime}/update/{step}",
        (req, p) -> staffPost(req, v -> update(v, p.get("crime"), p.get("step"))));
    r.route(
        "GET",
        base + "crimes/{crime}/victims/{victim}",
        (req, p) -> staff(req, v -> victim(v, p.get("crime"), p.get("victim"), Form.empty())));
    r.route(
        "POST",
        base + "crimes/{crime}/victims/{victim}/{action}",
        (req, p) ->
            staffPost(req, v -> victimAction(v, p.get("crime"), p.get("victim"), p.get("action"))));
    r.get(base + "compliance", req -> staff(req, v -> compliance(v, null)));
    r.route(
        "GET",
        base + "compliance/{month}",
        (req, p) -> staff(req, v -> compliance(v, p.get("month"))));
    r.route(
        "GET",
        base + "compliance/{month}/csv",
        (req, p) -> staff(req, v -> complianceCsv(v, p.get("month"))));
    r.route("GET", base + "assets/{rest*}", (req, p) -> assets.serve(p.get("rest")));
    r.notFound(req -> staff(req, v -> error(v, 404)));
  }

  // ---------------------------------------------------------------- scaffolding

  private PortalResponse staff(PortalRequest request, Action action) {
    Optional<StaffMember> member = config.identity().current(request);
    if (member.isEmpty()) {
      if (config.demo() != null) {
        return Web.seeOther(base + "sign-in");
      }
      return PortalResponse.text(401, "Sign in through your force's staff sign-in first.")
          .withDefaults(SecurityHeaders.forPersonalPage());
    }
    Optional<String> cookie = Web.preSessionCsrf(request);
    Visit v =
        new Visit(request, member.get(), cookie.orElseGet(Web::newCsrfToken), cookie.isEmpty());
    PortalResponse response;
    try {
      response = action.handle(v);
    } catch (StaffAccessException e) {
      response = error(v, 403);
    } catch (NotFoundException e) {
      response = error(v, 404);
    } catch (MessagingException | EnrolmentException e) {
      response = error(v, 409);
    }
    return v.newCsrf()
        ? response.withHeader("Set-Cookie", Web.preSessionCsrfCookie(v.csrf()))
        : response;
  }

  private PortalResponse staffPost(PortalRequest request, Action action) {
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(Texts.of(Language.EN));
    }
    return staff(request, action);
  }

  private Page.Builder page(Visit v, String title, String active) {
    StaffMember s = v.staff();
    List<Page.NavItem> nav = new ArrayList<>();
    if (s.has(StaffRole.HUB_OPERATOR) || s.has(StaffRole.ADMIN)) {
      nav.add(new Page.NavItem(base + "hub", "Hub inbox", active.equals("hub")));
    }
    if (s.has(StaffRole.OFFICER)) {
      nav.add(new Page.NavItem(base + "crimes", "My crimes", active.equals("crimes")));
      nav.add(new Page.NavItem(base + "my-messages", "My messages", active.equals("messages")));
    }
    if (s.has(StaffRole.SUPERVISOR) || s.has(StaffRole.ADMIN)) {
      nav.add(new Page.NavItem(base + "compliance", "Compliance", active.equals("compliance")));
    }
    return Page.builder(Texts.of(Language.EN), base)
        .title(title)
        .serviceName(serviceName())
        .organisationName(forceName(s.force()))
        .csrfToken(v.csrf())
        .signedIn(true)
        .nav(nav)
        .zone(zone(s.force()));
  }

  private String serviceName() {
    return config.serviceName() != null ? config.serviceName() : "Track my crime: staff";
  }

  private String forceName(String force) {
    return tmc.forces().find(force).map(f -> f.name()).orElse(force);
  }

  private ZoneId zone(String force) {
    return tmc.forces()
        .find(force)
        .map(f -> f.settings().zone())
        .orElse(ZoneId.of("Europe/London"));
  }

  private PortalResponse render(int status, String template, Page page, Object... params) {
    Map<String, Object> m = new HashMap<>();
    m.put("page", page);
    for (int i = 0; i < params.length; i += 2) {
      m.put((String) params[i], params[i + 1]);
    }
    return Templates.page(status, template, m);
  }

  private PortalResponse error(Visit v, int status) {
    String title =
        switch (status) {
          case 403 -> "You cannot see this page";
          case 404 -> "Page not found";
          default -> "That cannot be done now";
        };
    String text =
        switch (status) {
          case 403 -> "Your role does not give you access to this page or action.";
          case 404 -> "There is nothing at this address in your force.";
          default ->
              "Someone may already have dealt with it, or it does not apply in its current state."
                  + " Go back and check the latest details.";
        };
    return render(status, "staff/error.jte", page(v, title, "").build(), "text", text);
  }

  /** A crime reference as one URL path segment (references hold slashes). */
  public static String crimeId(String crimeReference) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(crimeReference.getBytes(StandardCharsets.UTF_8));
  }

  private static String crimeRef(String id) {
    try {
      return new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String segment(String raw) {
    return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  private static Optional<String> field(Visit v, String name) {
    return v.request().field(name).map(String::strip).filter(s -> !s.isEmpty());
  }

  // ---------------------------------------------------------------- sign-in (demo only)

  private PortalResponse signInPage(PortalRequest request) {
    return signInForm(request, Form.empty(), 200);
  }

  private PortalResponse signInForm(PortalRequest request, Form form, int status) {
    Optional<String> cookie = Web.preSessionCsrf(request);
    String csrf = cookie.orElseGet(Web::newCsrfToken);
    Page p =
        Page.builder(Texts.of(Language.EN), base)
            .title("Sign in (demonstration)")
            .serviceName(serviceName())
            .organisationName("Demonstration only")
            .csrfToken(csrf)
            .hasErrors(form.hasErrors())
            .build();
    PortalResponse r =
        render(status, "staff/signIn.jte", p, "form", form, "accounts", config.demo().accounts());
    return cookie.isEmpty() ? r.withHeader("Set-Cookie", Web.preSessionCsrfCookie(csrf)) : r;
  }

  private PortalResponse signIn(PortalRequest request) {
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(Texts.of(Language.EN));
    }
    Optional<String> session =
        config
            .demo()
            .signIn(request.field("account").orElse(null), request.field("password").orElse(null));
    if (session.isEmpty()) {
      Form form =
          Form.of(request, "account").error("password", "The account or demo password is wrong");
      return signInForm(request, form, 400);
    }
    return Web.seeOther(base).withHeader("Set-Cookie", DemoStaffIdentity.cookie(session.get()));
  }

  private PortalResponse signOut(PortalRequest request) {
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(Texts.of(Language.EN));
    }
    if (config.demo() != null) {
      config.demo().signOut(request);
      return Web.seeOther(base + "sign-in")
          .withHeader("Set-Cookie", DemoStaffIdentity.clearCookie());
    }
    return Web.seeOther(base);
  }

  // ---------------------------------------------------------------- pages

  private PortalResponse home(Visit v) {
    StaffMember s = v.staff();
    if (s.has(StaffRole.HUB_OPERATOR) || s.has(StaffRole.ADMIN)) {
      return Web.seeOther(base + "hub");
    }
    if (s.has(StaffRole.OFFICER)) {
      return Web.seeOther(base + "crimes");
    }
    return Web.seeOther(base + "compliance");
  }

  private PortalResponse hubInbox(Visit v) {
    return render(
        200,
        "staff/inbox.jte",
        page(v, "Command Hub inbox", "hub").build(),
        "heading",
        "Command Hub inbox",
        "items",
        console.hubInbox(v.staff()),
        "ids",
        new Ids());
  }

  private PortalResponse officerMessages(Visit v) {
    return render(
        200,
        "staff/inbox.jte",
        page(v, "Messages passed to you", "messages").build(),
        "heading",
        "Messages passed to you",
        "items",
        console.officerMessages(v.staff()),
        "ids",
        new Ids());
  }

  private PortalResponse message(Visit v, String id) {
    return messagePage(v, segment(id), Form.empty(), 200);
  }

  private PortalResponse messagePage(Visit v, String id, Form form, int status) {
    var c = console.openMessage(v.staff(), id);
    StaffMember s = v.staff();
    boolean hub = s.has(StaffRole.HUB_OPERATOR) || s.has(StaffRole.ADMIN);
    boolean answers = hub || s.has(StaffRole.OFFICER);
    return render(
        status,
        "staff/message.jte",
        page(v, "Message", hub ? "hub" : "messages").hasErrors(form.hasErrors()).build(),
        "c",
        c,
        "form",
        form,
        "canForward",
        hub,
        "canAnswer",
        answers,
        "closeReasons",
        List.of(CloseReason.values()),
        "ids",
        new Ids());
  }

  private PortalResponse messageAction(Visit v, String rawId, String action) {
    String id = segment(rawId);
    StaffMember s = v.staff();
    Form form = Form.of(v.request(), "officerRef", "unit", "note", "text", "reason");
    try {
      switch (action) {
        case "forward" -> console.forward(s, id, field(v, "officerRef").orElse(null), note(v));
        case "reassign" -> {
          Optional<String> officer = field(v, "officerRef");
          Optional<String> unit = field(v, "unit");
          if (officer.isPresent() == unit.isPresent()) {
            return messagePage(
                v,
                id,
                form.error("officerRef", "Enter an officer's reference or a unit, not both"),
                400);
          }
          console.reassign(
              s,
              id,
              officer.map(Assignee::officer).orElseGet(() -> Assignee.unit(unit.get())),
              note(v));
        }
        case "reply" -> console.reply(s, id, v.request().field("text").orElse(null));
        case "close" -> {
          Optional<CloseReason> reason = field(v, "reason").flatMap(StaffSite::closeReason);
          if (reason.isEmpty()) {
            return messagePage(
                v, id, form.error("reason", "Choose why the message is closed"), 400);
          }
          console.close(s, id, reason.get(), note(v));
        }
        default -> {
          return error(v, 404);
        }
      }
    } catch (ValidationException e) {
      for (ValidationException.Problem p : e.problems()) {
        form.error(formField(p.field()), fieldLabel(p.field()) + " " + p.rule());
      }
      return messagePage(v, id, form, 400);
    }
    return Web.seeOther(base + "messages/" + rawId);
  }

  private static String formField(String problemField) {
    return switch (problemField) {
      case "officerRef", "assignee" -> "officerRef";
      case "unit" -> "unit";
      case "text", "body" -> "text";
      case "reason" -> "reason";
      default -> "note";
    };
  }

  private static String fieldLabel(String problemField) {
    return switch (problemField) {
      case "officerRef", "assignee" -> "The officer";
      case "unit" -> "The unit";
      case "text" -> "The reply";
      case "reason" -> "The reason";
      case "note" -> "The note";
      default -> "The " + problemField;
    };
  }

  private static Optional<CloseReason> closeReason(String value) {
    try {
      return Optional.of(CloseReason.valueOf(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String note(Visit v) {
    return field(v, "note").orElse(null);
  }

  private PortalResponse myCrimes(Visit v) {
    return render(
        200,
        "staff/crimes.jte",
        page(v, "My crimes", "crimes").build(),
        "crimes",
        console.myCrimes(v.staff()),
        "ids",
        new Ids());
  }

  private PortalResponse crime(Visit v, String id) {
    String ref = crimeRef(id);
    var view = console.crime(v.staff(), ref);
    return render(
        200,
        "staff/crime.jte",
        page(v, "Crime " + view.crime().crimeReference(), "crimes").build(),
        "view",
        view,
        "id",
        id);
  }

  private PortalResponse writeUpdate(Visit v, String id, Form form) {
    String ref = crimeRef(id);
    var crime = console.crime(v.staff(), ref).crime();
    return render(
        form.hasErrors() ? 400 : 200,
        "staff/update.jte",
        page(v, "Write an update", "crimes").hasErrors(form.hasErrors()).build(),
        "crime",
        crime,
        "id",
        id,
        "form",
        form);
  }

  private PortalResponse update(Visit v, String id, String step) {
    String ref = crimeRef(id);
    Form form = Form.of(v.request(), "text");
    String text = v.request().field("text").orElse("");
    try {
      switch (step) {
        case "preview" -> {
          Depersonalised d = console.preview(v.staff(), ref, text);
          return render(
              200,
              "staff/preview.jte",
              page(v, "Check your update", "crimes").build(),
              "id",
              id,
              "text",
              text,
              "preview",
              d,
              "segments",
              segments(d));
        }
        case "publish" -> {
          console.publish(v.staff(), ref, text);
          return Web.seeOther(base + "crimes/" + id);
        }
        case "edit" -> {
          return writeUpdate(v, id, form);
        }
        default -> {
          return error(v, 404);
        }
      }
    } catch (ValidationException e) {
      form.error("text", "Enter the update, up to 4,000 characters");
      return writeUpdate(v, id, form);
    }
  }

  /** The preview cut into plain and highlighted pieces, in order. */
  static List<Segment> segments(Depersonalised d) {
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (Replacement r : d.replacements()) {
      if (r.start() > at) {
        out.add(new Segment(d.text().substring(at, r.start()), false));
      }
      out.add(new Segment(d.textOf(r), true));
      at = r.end();
    }
    if (at < d.text().length()) {
      out.add(new Segment(d.text().substring(at), false));
    }
    return out;
  }

  private PortalResponse victim(Visit v, String id, String victimRaw, Form form) {
    String ref = crimeRef(id);
    String victimRef = segment(victimRaw);
    var view = console.crime(v.staff(), ref);
    var summary =
        view.victims().stream()
            .filter(x -> x.victimRef().equals(victimRef))
            .findFirst()
            .orElseThrow(() -> Access.notFound(v.staff(), "victim"));
    return render(
        form.hasErrors() ? 400 : 200,
        "staff/victim.jte",
        page(v, "Victim " + victimRef, "crimes").hasErrors(form.hasErrors()).build(),
        "crime",
        view.crime(),
        "id",
        id,
        "victim",
        summary,
        "form",
        form,
        "purposes",
        List.of(ConsultationPurpose.values()),
        "reasonCodes",
        RISK_REASON_CODES);
  }

  /** The reason codes offered on the risk assessment form. */
  public static final List<String> RISK_REASON_CODES =
      List.of(
          "DOMESTIC_ABUSE",
          "SHARED_CONTACT_DETAILS",
          "SAFEGUARDING_CONCERN",
          "VICTIM_VULNERABLE",
          "VICTIM_REQUEST",
          "OTHER");

  private PortalResponse victimAction(Visit v, String id, String victimRaw, String action) {
    String ref = crimeRef(id);
    String victimRef = segment(victimRaw);
    StaffMember s = v.staff();
    Form form = Form.of(v.request(), "purpose", "suitable", "note", "reason");
    try {
      switch (action) {
        case "details" -> {
          Optional<ConsultationPurpose> purpose = field(v, "purpose").flatMap(StaffSite::purpose);
          if (purpose.isEmpty()) {
            return victim(
                v, id, victimRaw, form.error("purpose", "Choose why you need the details"));
          }
          var details = console.victimDetails(s, ref, victimRef, purpose.get());
          return render(
              200,
              "staff/victimDetails.jte",
              page(v, "Victim details", "crimes").build(),
              "id",
              id,
              "details",
              details);
        }
        case "risk" -> {
          Optional<String> suitable = field(v, "suitable");
          if (suitable.isEmpty()) {
            return victim(
                v, id, victimRaw, form.error("suitable", "Choose whether contact is suitable"));
          }
          List<String> codes =
              v.request().form().getOrDefault("reasonCodes", List.of()).stream()
                  .filter(RISK_REASON_CODES::contains)
                  .toList();
          console.assessRisk(s, ref, victimRef, suitable.get().equals("yes"), codes, note(v));
        }
        case "opt-out" -> console.optOut(s, ref, victimRef, field(v, "reason").orElse(null));
        case "opt-in" -> console.optIn(s, ref, victimRef, field(v, "reason").orElse(null));
        default -> {
          return error(v, 404);
        }
      }
    } catch (ValidationException e) {
      for (ValidationException.Problem p : e.problems()) {
        String f =
            switch (p.field()) {
              case "reasonCodes" -> "reasonCodes";
              case "reason" -> "reason";
              default -> "note";
            };
        String message =
            switch (p.field()) {
              case "reasonCodes" -> "Choose at least one reason when contact is not suitable";
              case "reason" -> "Enter the reason";
              default -> "Check the note: " + p.rule();
            };
        form.error(f, message);
      }
      return victim(v, id, victimRaw, form);
    }
    return Web.seeOther(base + "crimes/" + id);
  }

  private static Optional<ConsultationPurpose> purpose(String value) {
    try {
      return Optional.of(ConsultationPurpose.valueOf(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private YearMonth month(Visit v, String month) {
    if (month == null) {
      return YearMonth.from(LocalDate.ofInstant(tmc.clock().instant(), zone(v.staff().force())));
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw Access.notFound(v.staff(), "month");
    }
  }

  private PortalResponse compliance(Visit v, String raw) {
    YearMonth m = month(v, raw);
    var view = console.compliance(v.staff(), m.atDay(1), m.atEndOfMonth());
    return render(
        200,
        "staff/compliance.jte",
        page(v, "Compliance", "compliance").build(),
        "view",
        view,
        "month",
        m,
        "ids",
        new Ids());
  }

  private PortalResponse complianceCsv(Visit v, String raw) {
    YearMonth m = month(v, raw);
    var view = console.compliance(v.staff(), m.atDay(1), m.atEndOfMonth());
    return new PortalResponse(
            200,
            Map.of(
                "Content-Type",
                List.of("text/csv; charset=utf-8"),
                "Content-Disposition",
                List.of("attachment; filename=\"compliance-" + m + ".csv\"")),
            view.toCsv().getBytes(StandardCharsets.UTF_8))
        .withDefaults(SecurityHeaders.forPersonalPage());
  }

  /** Builds links for templates. */
  public final class Ids {
    public String crime(String crimeReference) {
      return base + "crimes/" + crimeId(crimeReference);
    }

    public String message(String messageId) {
      return base + "messages/" + java.net.URLEncoder.encode(messageId, StandardCharsets.UTF_8);
    }

    public String waited(java.time.Duration d) {
      long h = d.toHours();
      return h >= 48 ? (h / 24) + " days" : h >= 1 ? h + " hours" : d.toMinutes() + " minutes";
    }
  }
}
