package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.portal.internal.Totp;
import org.trackmycrime.testing.TmcDatabase;

/** The account pages over HTTP on the account API: second factor, password, contact details. */
class H2AccountPagesTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  WebFixture site;
  Http a;

  @BeforeEach
  void start() {
    site = new WebFixture(db);
    site.account(WebFixture.FORCE, WebFixture.CRIME_A);
    a = new Http(site.url(""));
    assertThat(a.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD).statusCode()).isEqualTo(303);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void anAuthenticatorAppIsTurnedOnAndThenAskedForAtSignIn() {
    HttpResponse<String> started =
        a.post("settings/second-factor/app", Map.of("csrf", a.sessionCsrf()));
    Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(started.body());
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    String csrf = Http.csrf(started);

    HttpResponse<String> wrong =
        a.post("settings/second-factor/app/confirm", Map.of("csrf", csrf, "code", "000000"));
    assertThat(wrong.body()).contains("The code is not right");

    String code = Totp.code(secret, Totp.step(site.db.clock().instant()));
    HttpResponse<String> confirmed =
        a.post("settings/second-factor/app/confirm", Map.of("csrf", csrf, "code", code));
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(a.get("settings").body()).contains("Authenticator app");

    // signing in now needs the code
    site.db.clock().advance(Duration.ofSeconds(60));
    Http again = new Http(site.url(""));
    HttpResponse<String> first = again.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD);
    assertThat(first.headers().firstValue("Location")).hasValue("/sign-in/code");
    assertThat(again.cookies).doesNotContainKey(SessionCookie.NAME);
    HttpResponse<String> form = again.get("sign-in/code");
    assertThat(form.body()).contains("authenticator app");
    String now = Totp.code(secret, Totp.step(site.db.clock().instant()));
    HttpResponse<String> in =
        again.post("sign-in/code", Map.of("csrf", Http.csrf(form), "code", now));
    assertThat(in.headers().firstValue("Location")).hasValue("/crimes");
    assertThat(again.get("crimes").statusCode()).isEqualTo(200);
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndRotatesTheSession() {
    String old = a.cookies.get(SessionCookie.NAME);
    String csrf = a.sessionCsrf();
    HttpResponse<String> wrong =
        a.post(
            "settings/password",
            Map.of(
                "csrf",
                csrf,
                "currentPassword",
                "nope nope nope",
                "password",
                "a new long passphrase"));
    assertThat(wrong.body()).contains("Your password is not right");
    HttpResponse<String> weak =
        a.post(
            "settings/password",
            Map.of(
                "csrf",
                csrf,
                "currentPassword",
                WebFixture.PASSWORD,
                "password",
                "demo police station"));
    assertThat(weak.body()).contains("must not contain the name of the police force");
    HttpResponse<String> done =
        a.post(
            "settings/password",
            Map.of(
                "csrf",
                csrf,
                "currentPassword",
                WebFixture.PASSWORD,
                "password",
                "a new long passphrase"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(a.cookies.get(SessionCookie.NAME)).isNotEqualTo(old);
    assertThat(a.get("crimes").statusCode()).isEqualTo(200);
    Http fresh = new Http(site.url(""));
    assertThat(fresh.signIn(WebFixture.EMAIL_A, "a new long passphrase").statusCode())
        .isEqualTo(303);
  }

  @Test
  void contactDetailsChangeOnlyWithThePassword() {
    String csrf = a.sessionCsrf();
    HttpResponse<String> wrong =
        a.post(
            "settings/contact",
            Map.of(
                "csrf",
                csrf,
                "email",
                "new.address@example.org",
                "currentPassword",
                "not it at all"));
    assertThat(wrong.body()).contains("Your password is not right");
    assertThat(
            site.tmc
                .victims()
                .find(WebFixture.FORCE, WebFixture.CRIME_A, "V1")
                .orElseThrow()
                .email())
        .isEqualTo(WebFixture.EMAIL_A);
    HttpResponse<String> done =
        a.post(
            "settings/contact",
            Map.of(
                "csrf",
                csrf,
                "email",
                "new.address@example.org",
                "currentPassword",
                WebFixture.PASSWORD));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(
            site.tmc
                .victims()
                .find(WebFixture.FORCE, WebFixture.CRIME_A, "V1")
                .orElseThrow()
                .email())
        .isEqualTo("new.address@example.org");
  }

  @Test
  void aVictimWithAnAccountLinksANewCrimeBySigningInFromItsInvitation() {
    site.recordCrime(WebFixture.FORCE, "43/777777/26", "Robbery", "V1", WebFixture.EMAIL_A, null);
    Http h = new Http(site.url(""));
    h.get(site.invitationLink(WebFixture.FORCE, "43/777777/26", ""));
    HttpResponse<String> form = h.get("activate");
    HttpResponse<String> exists =
        h.post(
            "activate",
            Map.of(
                "csrf", Http.csrf(form),
                "crimeReference", "43/777777/26",
                "password", "another long passphrase"));
    assertThat(exists.headers().firstValue("Location")).hasValue("/activate/link");
    HttpResponse<String> link = h.get("activate/link");
    assertThat(link.body()).contains("You already have an account");
    HttpResponse<String> wrongRef =
        h.post(
            "activate/link",
            Map.of(
                "csrf",
                Http.csrf(link),
                "crimeReference",
                "43/000000/26",
                "login",
                WebFixture.EMAIL_A,
                "password",
                WebFixture.PASSWORD));
    assertThat(wrongRef.body()).contains("does not match this invitation");
    HttpResponse<String> linked =
        h.post(
            "activate/link",
            Map.of(
                "csrf",
                Http.csrf(link),
                "crimeReference",
                "43/777777/26",
                "login",
                WebFixture.EMAIL_A,
                "password",
                WebFixture.PASSWORD));
    assertThat(linked.headers().firstValue("Location")).hasValue("/crimes");
    assertThat(h.get("crimes").body()).contains("43/777777/26").contains(WebFixture.CRIME_A);
    assertThat(h.get("activate").body()).contains("This link does not work");
  }

  @Test
  void alertSettingsAreStoredAndOptingOutShowsTheWayBack() {
    String id = WebFixture.crimeId(WebFixture.FORCE, WebFixture.CRIME_A);
    String csrf = a.sessionCsrf();
    HttpResponse<String> bad =
        a.post(
            "crimes/" + id + "/settings",
            Map.of("csrf", csrf, "language", "en", "quietFrom", "25:99", "channel.EMAIL", "yes"));
    assertThat(bad.body()).contains("Enter a time like 21:00").contains("govuk-error-summary");
    HttpResponse<String> ok =
        a.post(
            "crimes/" + id + "/settings",
            Map.of(
                "csrf", csrf,
                "language", "en",
                "quietFrom", "21:00",
                "quietUntil", "08:00",
                "channel.EMAIL", "yes"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(a.get("crimes/" + id + "/settings").body()).contains("value=\"21:00\"");
    assertThat(
            a.post("crimes/" + id + "/settings/alerts", Map.of("csrf", csrf, "alerts", "off"))
                .statusCode())
        .isEqualTo(303);
    assertThat(a.get("crimes/" + id + "/settings").body()).contains("Start updates again");
  }
}
