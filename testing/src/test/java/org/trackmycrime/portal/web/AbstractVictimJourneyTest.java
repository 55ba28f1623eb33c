package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.browser.BrowserSupport;

/**
 * A victim's journey in a real headless Chromium: invitation → activation → sign in → crime page →
 * … → sign out, with an axe scan of every page in English and Welsh.
 */
abstract class AbstractVictimJourneyTest {
  static BrowserSupport browser;

  abstract TmcDatabase db();

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
    site = new WebFixture(db());
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Clicks and waits until the page it leads to has loaded. */
  static void click(Page page, String selector) {
    page.click(selector);
    page.waitForLoadState();
  }

  /** The repository's docs folder (tests run in testing/). */
  static Path docs(String file) {
    Path here = Paths.get("").toAbsolutePath();
    Path root = here.getFileName().toString().equals("testing") ? here.getParent() : here;
    return root.resolve("docs").resolve(file);
  }

  @Test
  void aVictimActivatesSignsInAndFollowsTheirCrime() {
    Page page = browser.newPage();
    page.navigate(site.url(site.invitationLink(WebFixture.FORCE, WebFixture.CRIME_A, "")));
    assertThat(page.url()).endsWith("/activate");
    assertThat(page.title()).startsWith("Set up your account");
    BrowserSupport.assertAccessible(page);

    // a wrong reference first: the error summary and the field error
    page.fill("#crimeReference", "43/999999/26");
    page.fill("#password", WebFixture.PASSWORD);
    click(page, "button[type=submit]");
    assertThat(page.title()).startsWith("Error: Set up your account");
    assertThat(page.textContent(".govuk-error-summary")).contains("does not match");
    BrowserSupport.assertAccessible(page);

    // a breached password
    page.fill("#crimeReference", WebFixture.CRIME_A);
    page.fill("#password", "password123");
    click(page, "button[type=submit]");
    assertThat(page.textContent("#password-error")).contains("too easy to guess");

    page.fill("#crimeReference", " 43 / 123456 / 26 ");
    page.fill("#password", WebFixture.PASSWORD);
    click(page, "button[type=submit]");
    assertThat(page.url()).endsWith("/crimes");
    assertThat(page.title()).isEqualTo("My crimes – Track my crime – Demo Police");
    BrowserSupport.assertAccessible(page);

    // sign out, then sign in with the email the invitation went to
    click(page, "footer button[type=submit]");
    assertThat(page.url()).endsWith("/signed-out");
    BrowserSupport.assertAccessible(page);
    page.navigate(site.url("sign-in"));
    BrowserSupport.assertAccessible(page);
    page.fill("#login", WebFixture.EMAIL_A);
    page.fill("#password", "not the password");
    click(page, "main button[type=submit]");
    assertThat(page.textContent(".govuk-error-summary")).contains("is not right");
    page.fill("#login", WebFixture.EMAIL_A.toUpperCase());
    page.fill("#password", WebFixture.PASSWORD);
    click(page, "main button[type=submit]");
    assertThat(page.url()).endsWith("/crimes");

    // the crime page: officer, timeline newest first, next update due
    click(page, "main a.govuk-link >> text=Burglary");
    assertThat(page.title()).isEqualTo("Your crime – Track my crime – Demo Police");
    // the crime's reference (43/123456/26) in no form; the port and the random id may hold "43"
    assertThat(java.net.URI.create(page.url()).getPath())
        .doesNotContain("123456")
        .doesNotContain("43/")
        .doesNotContain("43%2F");
    assertThat(page.textContent("#officer-name")).contains("Detective Constable Priya Shah");
    assertThat(page.textContent("main")).contains("Burglary Team").contains("By ");
    assertThat(page.locator(".tmc-timeline > li").first().textContent())
        .contains("We have checked the CCTV");
    BrowserSupport.assertAccessible(page);
    BrowserSupport.screenshot(page, docs("screenshots/crime-page.png"));
    String crimeUrl = page.url();

    // a message: an urgent-looking one first gets the prompt, then it is sent anyway
    click(page, "main nav >> text=Messages");
    assertThat(page.textContent("main")).contains("not watched 24 hours a day");
    BrowserSupport.assertAccessible(page);
    page.check("#topic");
    page.fill("#body", "When will someone look at the CCTV again?");
    click(page, "#send");
    assertThat(page.url()).endsWith("/messages/sent");
    assertThat(page.textContent(".tmc-status")).isEqualTo("Received by the Command Hub");
    BrowserSupport.assertAccessible(page);
    page.check("#topic-1");
    page.fill("#body", "He is outside my house right now");
    click(page, "#send");
    assertThat(page.isVisible("#urgent-prompt")).isTrue();
    assertThat(page.textContent("#urgent-prompt")).contains("999");
    BrowserSupport.assertAccessible(page);
    click(page, "#send-anyway");
    assertThat(page.locator(".tmc-message").count()).isEqualTo(2);

    // the hub replies through the messaging API; the reply shows in the thread
    var threads = site.tmc.messaging().threadsForVictim(WebFixture.FORCE, WebFixture.CRIME_A, "V1");
    String first =
        threads.stream()
            .filter(t -> t.body().startsWith("When will"))
            .findFirst()
            .orElseThrow()
            .messageId();
    site.tmc
        .messaging()
        .reply(WebFixture.FORCE, first, WebFixture.STAFF, "We will look again on Monday.");
    page.reload();
    assertThat(page.textContent("#threads")).contains("We will look again on Monday.");
    assertThat(page.textContent("#threads")).contains("Replied");
    BrowserSupport.assertAccessible(page);

    click(page, "main nav >> text=Property");
    assertThat(page.textContent("main")).contains("Silver laptop").contains("Stolen");
    BrowserSupport.assertAccessible(page);

    click(page, "nav >> text=Support and advice");
    assertThat(page.textContent("main")).contains("Victim Support");
    BrowserSupport.assertAccessible(page);

    // the language switch on any page
    click(page, "a[hreflang=cy]");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("cy");
    assertThat(page.textContent("h1")).isEqualTo("Cymorth a chyngor");
    BrowserSupport.assertAccessible(page);
    click(page, "a[hreflang=en]");

    // settings: the victim chooses Welsh for their alerts, and the pages follow
    click(page, "nav >> text=Settings");
    BrowserSupport.assertAccessible(page);
    click(page, "main ul a.govuk-link");
    BrowserSupport.assertAccessible(page);
    page.check("input[name=language][value=cy]");
    click(page, "#save-settings");
    assertThat(page.url()).endsWith("/settings");
    assertThat(page.textContent("h1")).isEqualTo("Gosodiadau");
    BrowserSupport.assertAccessible(page);
    for (String path :
        new String[] {"settings/password", "settings/contact", "settings/second-factor"}) {
      page.navigate(site.url(path));
      BrowserSupport.assertAccessible(page);
    }
    page.navigate(site.url("crimes"));
    assertThat(page.textContent("h1")).isEqualTo("Fy nhroseddau");
    BrowserSupport.assertAccessible(page);
    page.navigate(crimeUrl);
    assertThat(page.textContent("main")).contains("Rydym wedi gwirio");
    BrowserSupport.assertAccessible(page);
    for (String section : new String[] {"/messages", "/property"}) {
      page.navigate(crimeUrl + section);
      BrowserSupport.assertAccessible(page);
    }
    page.navigate(site.url("sign-in/nowhere"));
    assertThat(page.textContent("h1")).isEqualTo("Heb ddod o hyd i'r dudalen");
    BrowserSupport.assertAccessible(page);
    click(page, "footer button[type=submit]");
    assertThat(page.textContent("h1")).isEqualTo("Rydych wedi allgofnodi");
    BrowserSupport.assertAccessible(page);
    page.navigate(crimeUrl);
    assertThat(page.url()).endsWith("/sign-in");
    BrowserSupport.assertAccessible(page);
    page.navigate(site.url(""));
    BrowserSupport.assertAccessible(page);
    page.navigate(site.url("support"));
    BrowserSupport.assertAccessible(page);
  }
}
