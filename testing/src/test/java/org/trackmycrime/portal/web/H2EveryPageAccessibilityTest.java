package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.portal.internal.Totp;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.browser.BrowserSupport;

/** axe-core (WCAG 2.2 A and AA) on every page of the victim portal, in English and in Welsh. */
class H2EveryPageAccessibilityTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  static BrowserSupport browser;
  WebFixture site;

  @BeforeAll
  static void openBrowser() {
    browser = BrowserSupport.open();
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  @BeforeEach
  void start() {
    site = new WebFixture(db);
    site.account(WebFixture.FORCE, WebFixture.CRIME_A);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private List<String> scan(Page page, List<String> paths) {
    List<String> seen = new ArrayList<>();
    for (String lang : List.of("en", "cy")) {
      page.navigate(site.url("language/" + lang));
      for (String path : paths) {
        page.navigate(site.url(path));
        assertThat(page.locator("html").getAttribute("lang")).as(path).isEqualTo(lang);
        BrowserSupport.assertAccessible(page);
        seen.add(lang + " " + path + " → " + page.title());
      }
    }
    return seen;
  }

  @Test
  void everyPageSignedOut() {
    Page page = browser.newPage();
    List<String> seen =
        scan(page, List.of("", "sign-in", "signed-out", "support", "activate", "no/such/page"));
    // the forms that need a cookie from a link: an invitation, a pending sign-in
    page.navigate(site.url(site.invitationLink(WebFixture.FORCE, WebFixture.CRIME_B, "")));
    // A has an authenticator app: signing in stops at the code step
    var session =
        site.portal
            .signIn(WebFixture.FORCE, WebFixture.EMAIL_A, WebFixture.PASSWORD, null, null)
            .session()
            .orElseThrow();
    String secret = site.portal.startTotp(session).secret();
    assertThat(
            site.portal.confirmTotp(
                session, Totp.code(secret, Totp.step(site.db.clock().instant()))))
        .isTrue();
    page.navigate(site.url("sign-in"));
    page.fill("#login", WebFixture.EMAIL_A);
    page.fill("#password", WebFixture.PASSWORD);
    page.click("main button[type=submit]");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/sign-in/code");
    seen.addAll(scan(page, List.of("activate", "activate/link", "sign-in/code")));
    // a form with errors
    page.navigate(site.url("sign-in"));
    page.click("main button[type=submit]");
    page.waitForLoadState();
    assertThat(page.title()).startsWith("Gwall:");
    BrowserSupport.assertAccessible(page);
    assertThat(seen).hasSize(18);
  }

  @Test
  void everyPageSignedIn() {
    Page page = browser.newPage();
    page.navigate(site.url("sign-in"));
    page.fill("#login", WebFixture.EMAIL_A);
    page.fill("#password", WebFixture.PASSWORD);
    page.click("main button[type=submit]");
    page.waitForLoadState();
    String id = WebFixture.crimeId(WebFixture.FORCE, WebFixture.CRIME_A);
    List<String> seen =
        scan(
            page,
            List.of(
                "crimes",
                "crimes/" + id,
                "crimes/" + id + "/property",
                "crimes/" + id + "/messages",
                "crimes/" + id + "/messages/sent",
                "crimes/" + id + "/settings",
                "settings",
                "settings/password",
                "settings/contact",
                "settings/second-factor",
                "support",
                "crimes/AAAAAAAAAAAAAAAAAAAAAA"));
    assertThat(seen).hasSize(24);
    // forms with errors
    page.navigate(site.url("crimes/" + id + "/messages"));
    page.click("#send");
    page.waitForLoadState();
    BrowserSupport.assertAccessible(page);
    page.navigate(site.url("crimes/" + id + "/property"));
    page.click("main form button[type=submit]");
    page.waitForLoadState();
    assertThat(page.textContent(".govuk-error-summary")).isNotBlank();
    BrowserSupport.assertAccessible(page);
    page.navigate(site.url("settings/second-factor"));
    page.click("main form button[type=submit]");
    page.waitForLoadState();
    assertThat(page.isVisible("#totp-secret")).isTrue();
    BrowserSupport.assertAccessible(page);
  }
}
