package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The portal's web layer against the ASVS items it carries, over plain HTTP: cookie flags and
 * rotation, timeouts on the settable clock, headers on every route, CSRF refusal, hostile text from
 * the records system rendered inert, and an access matrix over every route.
 */
abstract class AbstractWebSecurityTest {
  abstract TmcDatabase db();

  WebFixture site;
  String idA;
  String idB;

  @BeforeEach
  void start() {
    site = new WebFixture(db());
    site.account(WebFixture.FORCE, WebFixture.CRIME_A);
    site.account(WebFixture.FORCE, WebFixture.CRIME_B);
    site.account(WebFixture.OTHER_FORCE, WebFixture.CRIME_OTHER);
    idA = WebFixture.crimeId(WebFixture.FORCE, WebFixture.CRIME_A);
    idB = WebFixture.crimeId(WebFixture.FORCE, WebFixture.CRIME_B);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  Http victimA() {
    Http h = new Http(site.url(""));
    assertThat(h.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD).statusCode()).isEqualTo(303);
    return h;
  }

  Http victimB() {
    Http h = new Http(site.url(""));
    assertThat(h.signIn(WebFixture.EMAIL_B, WebFixture.PASSWORD).statusCode()).isEqualTo(303);
    return h;
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void theSessionCookieIsHostPrefixedSecureHttpOnlyLaxAndRotatedAtSignIn() {
    Http h = new Http(site.url(""));
    String csrf = Http.csrf(h.get("sign-in"));
    h.cookies.put(SessionCookie.NAME, "planted-by-an-attacker-0123456789");
    HttpResponse<String> r =
        h.post(
            "sign-in",
            Map.of("login", WebFixture.EMAIL_A, "password", WebFixture.PASSWORD, "csrf", csrf));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/crimes");
    String cookie =
        Http.setCookies(r).stream()
            .filter(c -> c.startsWith(SessionCookie.NAME + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("; Path=/")
        .contains("; Secure")
        .contains("; HttpOnly")
        .contains("; SameSite=Lax")
        .doesNotContainIgnoringCase("domain=");
    String first = h.cookies.get(SessionCookie.NAME);
    assertThat(first)
        .isNotEqualTo("planted-by-an-attacker-0123456789")
        .hasSizeGreaterThanOrEqualTo(22);

    // signing in again gives a new id and ends the old session
    Http again = new Http(site.url(""));
    again.cookies.putAll(h.cookies);
    // (a signed-in browser is sent past the form; it posts with the token its cookie holds)
    again.post(
        "sign-in",
        Map.of(
            "login",
            WebFixture.EMAIL_A,
            "password",
            WebFixture.PASSWORD,
            "csrf",
            again.cookies.get("__Host-tmc-csrf")));
    assertThat(again.cookies.get(SessionCookie.NAME)).isNotEqualTo(first);
    assertThat(h.get("crimes").statusCode()).isEqualTo(303);
    assertThat(again.get("crimes").statusCode()).isEqualTo(200);
  }

  @Test
  void anIdleSessionEndsAfterFifteenMinutesAndAnyAfterTwelveHours() {
    Http h = victimA();
    site.db.clock().advance(Duration.ofMinutes(14));
    assertThat(h.get("crimes").statusCode()).isEqualTo(200);
    site.db.clock().advance(Duration.ofMinutes(15));
    HttpResponse<String> r = h.get("crimes");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/sign-in");

    Http busy = victimA();
    for (int i = 0; i < 12 * 6; i++) {
      site.db.clock().advance(Duration.ofMinutes(10));
      busy.get("crimes");
    }
    assertThat(busy.get("crimes").statusCode()).isEqualTo(303);
  }

  @Test
  void signInFailuresGiveOneGenericMessageThenTheThrottle() {
    Http h = new Http(site.url(""));
    HttpResponse<String> unknown = h.signIn("nobody@example.org", "wrong password here");
    HttpResponse<String> wrong = h.signIn(WebFixture.EMAIL_A, "wrong password here");
    assertThat(unknown.body()).contains("is not right");
    assertThat(wrong.body()).contains("is not right");
    for (int i = 0; i < 5; i++) {
      h.signIn(WebFixture.EMAIL_A, "wrong password here");
    }
    HttpResponse<String> throttled = h.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD);
    assertThat(throttled.body()).contains("too many attempts");
    assertThat(h.cookies).doesNotContainKey(SessionCookie.NAME);
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    Http h = victimA();
    String old = h.cookies.get(SessionCookie.NAME);
    HttpResponse<String> out = h.post("sign-out", Map.of("csrf", h.sessionCsrf()));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(Http.setCookies(out)).anyMatch(c -> c.startsWith(SessionCookie.NAME + "=;"));
    Http replay = new Http(site.url(""));
    replay.cookies.put(SessionCookie.NAME, old);
    assertThat(replay.get("crimes").statusCode()).isEqualTo(303);
  }

  // ---------------------------------------------------------------- headers

  @Test
  void everyRouteSendsTheSecurityHeadersAndPersonalOnesAreNotStored() {
    Http a = victimA();
    Http out = new Http(site.url(""));
    for (String path : allGetPaths()) {
      for (Http who : List.of(a, out)) {
        HttpResponse<String> r = who.get(path);
        var h = r.headers();
        assertThat(h.firstValue("Content-Security-Policy"))
            .as(path)
            .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(h.firstValue("Strict-Transport-Security")).as(path).isPresent();
        assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        if (path.startsWith("assets/")) {
          assertThat(h.firstValue("Cache-Control"))
              .as(path)
              .hasValue("public, max-age=31536000, immutable");
        } else {
          assertThat(h.firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
      }
    }
  }

  @Test
  void theStylesheetAndFontsComeFromThePortalItself() {
    Http h = new Http(site.url(""));
    HttpResponse<String> css = h.get("assets/5.14.0/govuk-frontend.min.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(css.body())
        .contains("url(/assets/5.14.0/assets/fonts/")
        .doesNotContain("url(/assets/fonts/");
    assertThat(h.get("assets/5.14.0/assets/images/govuk-crest.svg").statusCode()).isEqualTo(200);
    assertThat(h.get("assets/5.14.0/../../../../etc/passwd").statusCode()).isEqualTo(404);
    assertThat(h.get("assets/5.14.0/package.json").statusCode()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- CSRF

  @Test
  void aFormPostedWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
    Http a = victimA();
    Map<String, String> message = new LinkedHashMap<>();
    message.put("topic", "QUESTION");
    message.put("body", "Any news?");
    assertThat(a.post("crimes/" + idA + "/messages", message).statusCode()).isEqualTo(403);
    message.put("csrf", "x".repeat(43));
    assertThat(a.post("crimes/" + idA + "/messages", message).statusCode()).isEqualTo(403);
    assertThat(a.post("sign-out", Map.of()).statusCode()).isEqualTo(403);
    assertThat(
            a.post("api/crimes/" + idA + "/messages", Map.of("topic", "QUESTION", "body", "Hi"))
                .statusCode())
        .isEqualTo(403);
    assertThat(site.tmc.messaging().threadsForVictim(WebFixture.FORCE, WebFixture.CRIME_A, "V1"))
        .isEmpty();
    // with the token it goes through
    message.put("csrf", a.sessionCsrf());
    assertThat(a.post("crimes/" + idA + "/messages", message).statusCode()).isEqualTo(303);
    String token = a.sessionCsrf();
    assertThat(
            a.post(
                    "api/crimes/" + idA + "/messages",
                    Map.of("topic", "QUESTION", "body", "And now?"),
                    Map.of("X-CSRF-Token", token))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void formsBeforeSignInNeedTheirDoubleSubmitToken() {
    Http h = new Http(site.url(""));
    h.get("sign-in");
    HttpResponse<String> r =
        h.post("sign-in", Map.of("login", WebFixture.EMAIL_A, "password", WebFixture.PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    Http fresh = new Http(site.url(""));
    assertThat(
            fresh
                .post(
                    "sign-in",
                    Map.of(
                        "login", WebFixture.EMAIL_A,
                        "password", WebFixture.PASSWORD,
                        "csrf", "y".repeat(43)))
                .statusCode())
        .isEqualTo(403);
  }

  // ---------------------------------------------------------------- hostile record text

  @Test
  void hostileTextFromTheRecordsSystemIsShownAsText() {
    String hostile =
        "<script>alert(1)</script>\r\nSet-Cookie: x=1 ${jndi:ldap://x} \"'><img src=x onerror=alert(2)>";
    Instant now = site.db.clock().instant();
    site.tmc
        .officers()
        .save(
            new Officer(
                WebFixture.FORCE,
                "4321",
                "<b>Priya</b>",
                "DC\"><script>",
                "Unit ${jndi:ldap://x}",
                null));
    site.tmc
        .crimes()
        .save(
            site.tmc
                .crimes()
                .find(WebFixture.FORCE, WebFixture.CRIME_A)
                .orElseThrow()
                .withOutcome(hostile));
    site.tmc
        .timeline()
        .add(
            new TimelineEntry(
                WebFixture.FORCE,
                WebFixture.CRIME_A,
                "hostile",
                TimelineKind.OFFICER_UPDATE,
                LocalizedText.same(hostile),
                now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(2))));
    Http a = victimA();
    HttpResponse<String> page = a.get("crimes/" + idA);
    assertThat(page.statusCode()).isEqualTo(200);
    String body = page.body();
    assertThat(body)
        .doesNotContain("<script>alert(1)")
        .doesNotContain("<img src=x")
        .doesNotContain("<b>Priya")
        .doesNotContain("DC\"><script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;b&gt;Priya&lt;/b&gt;")
        .contains("${jndi:ldap://x}");
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("x="));
    assertThat(page.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("x"));
    HttpResponse<String> json = a.get("api/crimes/" + idA);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.body()).contains("\\r\\n").doesNotContain("\r\n");
  }

  // ---------------------------------------------------------------- access matrix

  /** Every GET path of the site (with victim A's crime id), for the header checks. */
  List<String> allGetPaths() {
    List<String> paths = new ArrayList<>();
    for (String route : site.router.describe()) {
      if (route.startsWith("GET ")) {
        String path = route.substring(5);
        path =
            path.replace("{crime}", idA)
                .replace("{token}", "t".repeat(43))
                .replace("{lang}", "cy")
                .replace(
                    "{rest*}",
                    path.startsWith("assets/") ? "5.14.0/govuk-frontend.min.css" : "crimes");
        paths.add(path);
      }
    }
    return paths;
  }

  /** The crime routes: victim A's id is A's, anyone else's 404, signed out → sign in. */
  static final List<String> CRIME_ROUTES =
      List.of(
          "GET crimes/{crime}",
          "GET crimes/{crime}/property",
          "POST crimes/{crime}/property",
          "GET crimes/{crime}/messages",
          "GET crimes/{crime}/messages/sent",
          "POST crimes/{crime}/messages",
          "GET crimes/{crime}/settings",
          "POST crimes/{crime}/settings",
          "POST crimes/{crime}/settings/alerts",
          "GET api/crimes/{crime}",
          "GET api/crimes/{crime}/timeline",
          "GET api/crimes/{crime}/property",
          "GET api/crimes/{crime}/messages",
          "POST api/crimes/{crime}/messages");

  /** Routes for the signed-in victim's own account (no crime id). */
  static final List<String> ACCOUNT_ROUTES =
      List.of(
          "GET crimes",
          "GET settings",
          "GET settings/password",
          "POST settings/password",
          "GET settings/contact",
          "POST settings/contact",
          "GET settings/second-factor",
          "POST settings/second-factor/app",
          "POST settings/second-factor/app/confirm",
          "POST settings/second-factor/text",
          "POST settings/second-factor/text/confirm",
          "POST settings/second-factor/off",
          "POST sign-out",
          "GET api/session",
          "GET api/crimes");

  /** Routes anyone may use (signing in, activation, reset, support, language, assets, errors). */
  static final Set<String> PUBLIC_ROUTES =
      Set.of(
          "GET ",
          "GET sign-in",
          "POST sign-in",
          "GET signed-out",
          "GET activate",
          "POST activate",
          "GET activate/link",
          "POST activate/link",
          "GET a/{token}",
          "GET support",
          "GET sign-in/code",
          "POST sign-in/code",
          "POST sign-in/code/resend",
          "GET language/{lang}",
          "GET language/{lang}/{rest*}",
          "GET assets/{rest*}",
          "GET api/{rest*}",
          "POST api/{rest*}",
          "GET reset",
          "POST reset",
          "GET reset/sent",
          "GET r/{token}",
          "GET reset/new",
          "POST reset/new");

  @Test
  void theMatrixCoversEveryRouteTheSiteHas() {
    Set<String> covered = new TreeSet<>();
    CRIME_ROUTES.forEach(r -> covered.add(r));
    ACCOUNT_ROUTES.forEach(r -> covered.add(r));
    covered.addAll(PUBLIC_ROUTES);
    for (String route : site.router.describe()) {
      String relative = route.replaceFirst(" /", " ");
      assertThat(covered).as("route %s is in the access matrix", route).contains(relative);
    }
  }

  private HttpResponse<String> call(Http who, String route, String crimeId, String csrf) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace("{crime}", crimeId);
    if (method.equals("GET")) {
      return who.get(path);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf == null ? "" : csrf);
    form.put("topic", "QUESTION");
    form.put("body", "Is there any news?");
    form.put("language", "en");
    form.put("channel.EMAIL", "yes");
    form.put("alerts", "off");
    form.put("item", "P1");
    form.put("serialNumber", "SN-1");
    form.put("currentPassword", "not the password");
    return who.post(path, form, csrf == null ? Map.of() : Map.of("X-CSRF-Token", csrf));
  }

  @Test
  void aVictimReachesOnlyTheirOwnCrimes() {
    Http a = victimA();
    Http b = victimB();
    Http other = new Http(site.otherUrl(""));
    assertThat(other.signIn(WebFixture.EMAIL_OTHER, WebFixture.PASSWORD).statusCode())
        .isEqualTo(303);
    Http otherHere = new Http(site.url(""));
    otherHere.cookies.putAll(other.cookies);
    Http out = new Http(site.url(""));
    String csrfB = b.sessionCsrf();
    String csrfOther = other.sessionCsrf();

    for (String route : CRIME_ROUTES) {
      boolean api = route.contains(" api/");
      // victim B, with a valid session and token, asking for A's crime
      assertThat(call(b, route, idA, csrfB).statusCode()).as("B " + route).isEqualTo(404);
      // a victim of another force on their own force's portal, asking for A's id
      assertThat(call(other, route, idA, csrfOther).statusCode())
          .as("other force " + route)
          .isEqualTo(404);
      // the other force's session on this force's portal is no session here
      HttpResponse<String> foreign = call(otherHere, route, idA, csrfOther);
      HttpResponse<String> signedOut = call(out, route, idA, null);
      for (HttpResponse<String> r : List.of(foreign, signedOut)) {
        if (api) {
          assertThat(r.statusCode()).as("signed out " + route).isEqualTo(401);
        } else {
          assertThat(r.statusCode()).as("signed out " + route).isEqualTo(303);
          assertThat(r.headers().firstValue("Location")).as(route).hasValue("/sign-in");
        }
      }
      // an id that is no crime's
      assertThat(call(b, route, "AAAAAAAAAAAAAAAAAAAAAA", csrfB).statusCode())
          .as(route)
          .isEqualTo(404);
    }
    // A reaches every GET crime route on A's crime
    for (String route : CRIME_ROUTES) {
      if (route.startsWith("GET")) {
        assertThat(call(a, route, idA, null).statusCode()).as("A " + route).isEqualTo(200);
      }
    }
    assertThat(site.tmc.messaging().threadsForVictim(WebFixture.FORCE, WebFixture.CRIME_A, "V1"))
        .as("nothing was sent on A's crime by anyone else")
        .isEmpty();

    for (String route : ACCOUNT_ROUTES) {
      HttpResponse<String> r = call(out, route, idA, null);
      if (route.contains(" api/")) {
        assertThat(r.statusCode()).as("signed out " + route).isEqualTo(401);
      } else {
        assertThat(r.statusCode()).as("signed out " + route).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).as(route).hasValue("/sign-in");
      }
    }
    // B's own lists never show A's crime
    assertThat(b.get("crimes").body())
        .doesNotContain(WebFixture.CRIME_A)
        .contains(WebFixture.CRIME_B);
    assertThat(b.get("api/crimes").body()).doesNotContain(WebFixture.CRIME_A).contains(idB);
    assertThat(b.get("settings").body()).doesNotContain(WebFixture.CRIME_A);
    assertThat(a.get("crimes").body())
        .contains(WebFixture.CRIME_A)
        .doesNotContain(WebFixture.CRIME_B);
  }

  @Test
  void aCrimeMovedToAnotherAccountClosesAtOnceForTheFirstAndOpensForTheSecond() throws Exception {
    Http a = victimA();
    Http b = victimB();
    // A's page has been read, so A's crime list is remembered by the site
    assertThat(a.get("crimes/" + idA).statusCode()).isEqualTo(200);
    assertThat(b.get("crimes/" + idA).statusCode()).isEqualTo(404);
    // staff move the link of A's crime to B's account (as a re-link does)
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "UPDATE tmc_portal_account_victim SET account_id = (SELECT account_id FROM"
                    + " tmc_portal_account_victim WHERE force_slug = ? AND crime_ref = ?)"
                    + " WHERE force_slug = ? AND crime_ref = ?")) {
      st.setString(1, WebFixture.FORCE);
      st.setString(2, WebFixture.CRIME_B);
      st.setString(3, WebFixture.FORCE);
      st.setString(4, WebFixture.CRIME_A);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    HttpResponse<String> gone = a.get("crimes/" + idA);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).doesNotContain(WebFixture.CRIME_A);
    assertThat(a.get("crimes/" + idA + "/property").statusCode()).isEqualTo(404);
    assertThat(a.get("crimes").body()).doesNotContain(WebFixture.CRIME_A);
    HttpResponse<String> moved = b.get("crimes/" + idA);
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(moved.body()).contains(WebFixture.CRIME_A);
  }

  @Test
  void pageTitlesAndAddressesCarryNoCrimeDetails() {
    Http a = victimA();
    for (String path : allGetPaths()) {
      HttpResponse<String> r = a.get(path);
      String body = r.body();
      int start = body.indexOf("<title>");
      if (start >= 0) {
        String title = body.substring(start, body.indexOf("</title>"));
        assertThat(title).as(path).doesNotContain("43/").doesNotContain("Burglary");
      }
      assertThat(r.uri().toString()).doesNotContain("43%2F").doesNotContain("Burglary");
      r.headers()
          .firstValue("Location")
          .ifPresent(
              l ->
                  assertThat(l)
                      .doesNotContain("123456")
                      .doesNotContain("43/")
                      .doesNotContain("43%2F"));
    }
  }
}
