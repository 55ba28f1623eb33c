package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.portal.staff.StaffFixture.ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.C1;
import static org.trackmycrime.portal.staff.StaffFixture.EVERYONE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE_SUPERVISOR;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.HUB;
import static org.trackmycrime.portal.staff.StaffFixture.OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.SUPERVISOR;
import static org.trackmycrime.portal.staff.StaffFixture.X1;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.testing.TmcDatabase;

/**
 * Every staff route × every role × both forces, over the portal's HTTP contract (the router, as any
 * adapter calls it): 2xx/3xx where the rules allow, 403 for a role that does not, 404 for another
 * force's records, 401 signed out, 403 for a form without its CSRF token.
 */
abstract class AbstractStaffWebAccessTest {
  static final String BASE = "/staff/";
  static final String CSRF = "c".repeat(43);

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  Router router;
  int sent;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    StaffFixture.load(tmc, db().clock().instant());
    Map<String, StaffMember> byId = new HashMap<>();
    EVERYONE.forEach(s -> byId.put(s.id(), s));
    StaffIdentity identity = request -> request.cookie("test-staff").map(byId::get);
    router = StaffPortalWeb.builder(tmc, identity).basePath(BASE).build().routes();
  }

  static String crimeId(String ref) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ref.getBytes(StandardCharsets.UTF_8));
  }

  /** Puts V1 of both crimes in the consent a route needs: opted out before "opt-in", else in. */
  void consent(String route) {
    boolean out = route.startsWith("opt-in");
    for (String crime : List.of(C1, X1)) {
      String force = crime.equals(X1) ? StaffFixture.OTHER : FORCE;
      boolean isOut =
          tmc.victims().find(force, crime, "V1").orElseThrow().enrolment().consent()
              == org.trackmycrime.core.model.Consent.OPTED_OUT;
      if (out && !isOut) {
        tmc.enrolment()
            .optOut(force, crime, "V1", org.trackmycrime.core.model.Actor.system(), "test");
      } else if (!out && isOut) {
        tmc.enrolment()
            .optIn(force, crime, "V1", org.trackmycrime.core.model.Actor.system(), "test");
      }
    }
  }

  String newMessage() {
    if (++sent % 15 == 0) {
      db().clock().advance(Duration.ofHours(25));
    }
    return tmc.messaging()
        .send(NewVictimMessage.of(FORCE, C1, "V1", MessageTopic.QUESTION, "Any news?"))
        .messageId();
  }

  PortalResponse call(
      StaffMember s, String method, String path, Map<String, String> form, boolean csrf) {
    Map<String, String> cookies = new HashMap<>();
    if (s != null) {
      cookies.put("test-staff", s.id());
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    form.forEach((k, v) -> fields.put(k, List.of(v)));
    if (csrf) {
      cookies.put("__Host-tmc-csrf", CSRF);
      fields.put("csrf", List.of(CSRF));
    }
    return router.handle(
        new PortalRequest(method, BASE + path, Map.of(), cookies, fields, "127.0.0.1"));
  }

  /** One route: how to call it (a fresh message each time) and who may. */
  record Route(
      String name,
      Function<String, String> path,
      String method,
      Map<String, String> form,
      Function<StaffMember, Integer> expected) {}

  static int crimeRule(StaffMember s, String crime) {
    boolean rolesReachCrimes =
        s.has(StaffRole.OFFICER) || s.has(StaffRole.SUPERVISOR) || s.has(StaffRole.ADMIN);
    if (!rolesReachCrimes) {
      return 403;
    }
    boolean local = s.force().equals(crime.equals(X1) ? StaffFixture.OTHER : FORCE);
    if (!local) {
      return 404;
    }
    if (s.force().equals(StaffFixture.OTHER)) {
      return 200; // the other force's officer 4321 and admin on X1
    }
    return s == StaffFixture.OTHER_OFFICER ? 403 : 200;
  }

  static int ok(int expected, int success) {
    return expected == 200 ? success : expected;
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    Function<StaffMember, Integer> hub =
        s -> s.has(StaffRole.HUB_OPERATOR) || s.has(StaffRole.ADMIN) ? 200 : 403;
    Function<StaffMember, Integer> officer = s -> s.has(StaffRole.OFFICER) ? 200 : 403;
    Function<StaffMember, Integer> supervisor =
        s -> s.has(StaffRole.SUPERVISOR) || s.has(StaffRole.ADMIN) ? 200 : 403;
    r.add(new Route("home", m -> "", "GET", Map.of(), s -> 303));
    r.add(new Route("hub", m -> "hub", "GET", Map.of(), hub));
    r.add(new Route("my-messages", m -> "my-messages", "GET", Map.of(), officer));
    r.add(new Route("crimes", m -> "crimes", "GET", Map.of(), officer));
    r.add(new Route("compliance", m -> "compliance", "GET", Map.of(), supervisor));
    r.add(new Route("compliance/month", m -> "compliance/2026-03", "GET", Map.of(), supervisor));
    r.add(new Route("compliance/csv", m -> "compliance/2026-03/csv", "GET", Map.of(), supervisor));
    // messages on C1 (officer 4321, unit Burglary)
    Function<StaffMember, Integer> open =
        s -> {
          if (s.force().equals(StaffFixture.OTHER)) {
            return 404;
          }
          return s == HUB || s == ADMIN || s == OFFICER || s == SUPERVISOR || s == FORCE_SUPERVISOR
              ? 200
              : 403;
        };
    r.add(new Route("message", m -> "messages/" + m, "GET", Map.of(), open));
    r.add(
        new Route(
            "message/forward",
            m -> "messages/" + m + "/forward",
            "POST",
            Map.of("officerRef", "4321"),
            s -> s == FOREIGN_ADMIN ? 404 : s == HUB || s == ADMIN ? 303 : 403));
    Function<StaffMember, Integer> answer =
        s ->
            s.force().equals(StaffFixture.OTHER)
                ? 404
                : s == HUB || s == ADMIN || s == OFFICER ? 303 : 403;
    r.add(
        new Route(
            "message/reassign",
            m -> "messages/" + m + "/reassign",
            "POST",
            Map.of("unit", "CID"),
            answer));
    r.add(
        new Route(
            "message/reply",
            m -> "messages/" + m + "/reply",
            "POST",
            Map.of("text", "Thanks"),
            answer));
    r.add(
        new Route(
            "message/close",
            m -> "messages/" + m + "/close",
            "POST",
            Map.of("reason", "NO_REPLY_NEEDED"),
            answer));
    for (String crime : List.of(C1, X1)) {
      String c = "crimes/" + crimeId(crime);
      r.add(new Route("crime " + crime, m -> c, "GET", Map.of(), s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "update " + crime, m -> c + "/update", "GET", Map.of(), s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "preview " + crime,
              m -> c + "/update/preview",
              "POST",
              Map.of("text", "An update"),
              s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "edit " + crime,
              m -> c + "/update/edit",
              "POST",
              Map.of("text", "An update"),
              s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "publish " + crime,
              m -> c + "/update/publish",
              "POST",
              Map.of("text", "An update"),
              s -> ok(crimeRule(s, crime), 303)));
      r.add(
          new Route(
              "victim " + crime,
              m -> c + "/victims/V1",
              "GET",
              Map.of(),
              s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "details " + crime,
              m -> c + "/victims/V1/details",
              "POST",
              Map.of("purpose", "SAFEGUARDING"),
              s -> crimeRule(s, crime)));
      r.add(
          new Route(
              "risk " + crime,
              m -> c + "/victims/V1/risk",
              "POST",
              Map.of("suitable", "yes"),
              s -> ok(crimeRule(s, crime), 303)));
      r.add(
          new Route(
              "opt-out " + crime,
              m -> c + "/victims/V1/opt-out",
              "POST",
              Map.of("reason", "asked"),
              s -> ok(crimeRule(s, crime), 303)));
      r.add(
          new Route(
              "opt-in " + crime,
              m -> c + "/victims/V1/opt-in",
              "POST",
              Map.of("reason", "asked again"),
              s -> ok(crimeRule(s, crime), 303)));
    }
    return r;
  }

  @Test
  void accessMatrixOverEveryRouteRoleAndForce() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Route route : routes()) {
      for (StaffMember s : EVERYONE) {
        consent("");
        String path = route.path().apply(newMessage());
        consent(route.name());
        PortalResponse res = call(s, route.method(), path, route.form(), true);
        int expected = route.expected().apply(s);
        checked++;
        if (res.status() != expected) {
          wrong.add(route.name() + " by " + s.id() + ": " + res.status() + " not " + expected);
        }
        if (res.status() == 200 || res.status() == 403 || res.status() == 404) {
          assertThat(res.headers().get("Cache-Control")).as(route.name()).contains("no-store");
        }
      }
      consent("");
      PortalResponse signedOut =
          call(null, route.method(), route.path().apply(newMessage()), route.form(), true);
      if (signedOut.status() != 401) {
        wrong.add(route.name() + " signed out: " + signedOut.status());
      }
      if (route.method().equals("POST")) {
        consent("");
        PortalResponse noCsrf =
            call(ADMIN, "POST", route.path().apply(newMessage()), route.form(), false);
        if (noCsrf.status() != 403) {
          wrong.add(route.name() + " without CSRF: " + noCsrf.status());
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void anotherForcesMessageIdIsNotFoundAndUnknownPathsAre404() {
    String id = newMessage();
    assertThat(call(FOREIGN_ADMIN, "GET", "messages/" + id, Map.of(), false).status())
        .isEqualTo(404);
    assertThat(call(ADMIN, "GET", "messages/nope", Map.of(), false).status()).isEqualTo(404);
    assertThat(call(ADMIN, "GET", "crimes/%%%", Map.of(), false).status()).isEqualTo(404);
    assertThat(call(ADMIN, "GET", "compliance/not-a-month", Map.of(), false).status())
        .isEqualTo(404);
    assertThat(call(FOREIGN_OFFICER, "GET", "nowhere", Map.of(), false).status()).isEqualTo(404);
  }

  @Test
  void previewHighlightsEveryReplacementAndEscapesTheText() {
    String c = "crimes/" + crimeId(C1);
    PortalResponse res =
        call(
            OFFICER,
            "POST",
            c + "/update/preview",
            Map.of("text", "Jordan Blake <b>called</b> from 07700 900123"),
            true);
    assertThat(res.status()).isEqualTo(200);
    String html = res.bodyText();
    assertThat(html)
        .contains("<mark>The suspect</mark>")
        .contains("<mark>[phone number]</mark>")
        .contains("&lt;b&gt;called&lt;/b&gt;")
        .doesNotContain("<b>called</b>");
    assertThat(Optional.ofNullable(res.headers().get("Cache-Control")))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void theComplianceCsvIsTheReportsCsv() {
    PortalResponse res = call(SUPERVISOR, "GET", "compliance/2026-03/csv", Map.of(), false);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.headers().get("Content-Type")).containsExactly("text/csv; charset=utf-8");
    assertThat(res.bodyText())
        .isEqualTo(
            new StaffConsole(tmc)
                .compliance(
                    SUPERVISOR,
                    java.time.LocalDate.parse("2026-03-01"),
                    java.time.LocalDate.parse("2026-03-31"))
                .toCsv());
  }
}
