package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.portal.Invitation;
import org.trackmycrime.portal.PasswordHasher;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.portal.web.VictimPortalWeb;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.browser.BrowserSupport;

/**
 * The staff side in a real headless Chromium, next to the victim portal: a victim's message goes
 * through the Command Hub to the officer (whose email arrives in GreenMail through the real
 * dispatcher), the officer replies and the victim reads it and is alerted; an officer's update
 * naming the suspect is previewed with the redaction highlighted and the victim reads "the
 * suspect". Every staff page is scanned with axe.
 */
abstract class AbstractStaffJourneyTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String DEMO_PASSWORD = "demo password only";
  static final String VICTIM_PASSWORD = "correct horse battery staple";
  static final String STAFF_URL = "https://staff.example.org/staff/";

  static BrowserSupport browser;

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  HttpServer victimServer;
  HttpServer staffServer;
  Dispatcher dispatcher;

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
    tmc = db().trackMyCrime();
    StaffFixture.load(tmc, db().clock().instant());
    VictimPortal portal =
        VictimPortal.builder(tmc)
            .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
            .build();
    Invitation inv =
        portal.invite(
            StaffFixture.FORCE, StaffFixture.C1, "V1", Channel.EMAIL, Actor.staff("setup"));
    assertThat(portal.activate(inv.token(), StaffFixture.C1, VICTIM_PASSWORD).signedIn()).isTrue();
    byte[] key = new byte[32];
    victimServer =
        serve(
            VictimPortalWeb.builder(tmc, portal)
                .force(StaffFixture.FORCE)
                .secretKey(key)
                .build()
                .routes());
    DemoStaffIdentity identity =
        new DemoStaffIdentity(
            List.of(
                StaffFixture.HUB,
                StaffFixture.OFFICER,
                StaffFixture.SUPERVISOR,
                StaffFixture.ADMIN),
            DEMO_PASSWORD,
            tmc.clock());
    staffServer = serve(StaffPortalWeb.builder(tmc, identity).basePath("/staff/").build().routes());
    dispatcher =
        Dispatcher.builder()
            .trackMyCrime(tmc)
            .channel(new SmtpTestChannel(MAIL.getSmtp().getPort()))
            .config(
                DispatchConfig.builder()
                    .noQuietHours()
                    .defaultMessaging(
                        ForceMessaging.builder("https://victims.example.org")
                            .staffPortalUrl(STAFF_URL)
                            .build())
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    victimServer.stop(0);
    staffServer.stop(0);
  }

  private static HttpServer serve(org.trackmycrime.portal.http.Router router) {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      JdkHttpServerAdapter.mount(s, router);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String victimUrl(String path) {
    return "http://localhost:" + victimServer.getAddress().getPort() + "/" + path;
  }

  String staffUrl(String path) {
    return "http://localhost:" + staffServer.getAddress().getPort() + "/staff/" + path;
  }

  static Path docs(String file) {
    Path here = Paths.get("").toAbsolutePath();
    Path root = here.getFileName().toString().equals("testing") ? here.getParent() : here;
    return root.resolve("docs").resolve(file);
  }

  /** Sends what was due: the clock moves on past any coalescing window first. */
  void dispatch() {
    db().clock().advance(Duration.ofMinutes(30));
    dispatcher.runOnce();
  }

  List<MimeMessage> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  Page victimSignedIn() {
    Page page = browser.newPage();
    page.navigate(victimUrl("sign-in"));
    page.fill("#login", StaffFixture.VICTIM_EMAIL);
    page.fill("#password", VICTIM_PASSWORD);
    page.click("main button[type=submit]");
    assertThat(page.url()).endsWith("/crimes");
    page.click("main a.govuk-link >> text=Burglary");
    return page;
  }

  Page staffSignedIn(StaffMember who) {
    Page page = browser.newPage();
    page.navigate(staffUrl(""));
    assertThat(page.url()).endsWith("/staff/sign-in");
    BrowserSupport.assertAccessible(page);
    page.selectOption("#account", who.id());
    page.fill("#password", DEMO_PASSWORD);
    page.click("main button[type=submit]");
    return page;
  }

  @Test
  void aVictimsMessageGoesThroughTheHubToTheOfficerWhoseReplyTheVictimReads() throws Exception {
    Page victim = victimSignedIn();
    String crimeUrl = victim.url();
    victim.navigate(crimeUrl + "/messages");
    victim.check("#topic");
    victim.fill("#body", "Has anyone looked at the doorbell camera footage?");
    victim.click("#send");
    assertThat(victim.url()).endsWith("/messages/sent");

    // another one, urgent-looking and sent anyway, then two hours pass
    tmc.messaging()
        .send(
            NewVictimMessage.of(
                    StaffFixture.FORCE,
                    StaffFixture.C1,
                    "V1",
                    MessageTopic.FURTHER_INFORMATION,
                    "He is outside my house right now")
                .acknowledgingUrgency());
    db().clock().advance(Duration.ofHours(2));

    // the hub operator sees both, urgent first, with how long each waited, and forwards one
    Page hub = staffSignedIn(StaffFixture.HUB);
    assertThat(hub.url()).endsWith("/staff/hub");
    assertThat(hub.locator("tbody tr").first().textContent()).contains("Urgent");
    assertThat(hub.textContent("main")).contains("Message: question").contains("2 hours");
    BrowserSupport.assertAccessible(hub);
    BrowserSupport.screenshot(hub, docs("screenshots/hub-inbox.png"));
    hub.click("main a.govuk-link >> text=Message: question");
    assertThat(hub.textContent("#message-body")).contains("doorbell camera");
    BrowserSupport.assertAccessible(hub);
    hub.fill("#officerRef", "9999");
    hub.click("button >> text=Forward");
    assertThat(hub.textContent(".govuk-error-summary")).contains("officer");
    BrowserSupport.assertAccessible(hub);
    hub.fill("#officerRef", "4321");
    hub.fill("#forward-note", "Victim sounds worried");
    hub.click("button >> text=Forward");
    assertThat(hub.textContent("#message-status")).isEqualTo("forwarded");

    // the officer's email, through the outbox, the real dispatcher and SMTP
    dispatch();
    List<MimeMessage> officerMail = mailTo("4321@police.example.org");
    assertThat(officerMail).hasSize(1);
    String body = GreenMailUtil.getBody(officerMail.get(0));
    assertThat(body).contains(STAFF_URL).doesNotContain("doorbell");

    // the officer follows the link, replies in the console
    Page officer = staffSignedIn(StaffFixture.OFFICER);
    assertThat(officer.url()).endsWith("/staff/crimes");
    BrowserSupport.assertAccessible(officer);
    officer.click("nav >> text=My messages");
    BrowserSupport.assertAccessible(officer);
    officer.click("main a.govuk-link >> text=Message: question");
    assertThat(officer.textContent("main")).contains("Victim sounds worried");
    BrowserSupport.assertAccessible(officer);
    officer.fill("#text", "Yes, we have the footage and are reviewing it this week.");
    officer.click("button >> text=Send reply");
    assertThat(officer.textContent("#message-status")).isEqualTo("replied");

    // the victim got an alert and reads the reply, never the internal note
    dispatch();
    assertThat(tmc.outbox().forCrime(StaffFixture.FORCE, StaffFixture.C1))
        .filteredOn(m -> m.kind().equals(OutboxMessage.VICTIM_REPLY))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxMessage.Status.SENT));
    assertThat(mailTo(StaffFixture.VICTIM_EMAIL))
        .anyMatch(m -> subject(m).equals("You have a reply to your message"));
    victim = victimSignedIn(); // the clock moved on past the session's idle timeout
    victim.navigate(victim.url() + "/messages");
    assertThat(victim.textContent("#threads"))
        .contains("we have the footage")
        .doesNotContain("sounds worried");
  }

  @Test
  void anUpdateNamingTheSuspectIsPreviewedRedactedAndTheVictimReadsTheSuspect() {
    Page officer = staffSignedIn(StaffFixture.OFFICER);
    officer.click("main a.govuk-link >> text=" + StaffFixture.C1);
    assertThat(officer.textContent("main")).contains("Regular update").contains("due by");
    BrowserSupport.assertAccessible(officer);
    officer.click("text=Write an update to the victims");
    BrowserSupport.assertAccessible(officer);
    officer.click("button >> text=Preview");
    assertThat(officer.textContent(".govuk-error-summary")).contains("Enter the update");
    BrowserSupport.assertAccessible(officer);
    officer.fill("#text", "Jordan Blake was interviewed today and released on bail.");
    officer.click("button >> text=Preview");
    assertThat(officer.innerHTML("#preview"))
        .contains("<mark>The suspect</mark> was interviewed today");
    assertThat(officer.textContent("#preview")).doesNotContain("Blake");
    BrowserSupport.assertAccessible(officer);
    officer.click("button >> text=Publish update");
    assertThat(officer.textContent("#timeline")).contains("The suspect was interviewed today");

    Page victim = victimSignedIn();
    assertThat(victim.textContent("main"))
        .contains("The suspect was interviewed today")
        .doesNotContain("Blake");
  }

  @Test
  void everyOtherStaffPageIsAccessible() {
    Page officer = staffSignedIn(StaffFixture.OFFICER);
    officer.click("main a.govuk-link >> text=" + StaffFixture.C1);
    officer.click("main a.govuk-link >> text=V1");
    BrowserSupport.assertAccessible(officer);
    officer.click("button >> text=Record assessment");
    assertThat(officer.textContent(".govuk-error-summary")).contains("suitable");
    BrowserSupport.assertAccessible(officer);
    officer.check("#suitable-no");
    officer.click("button >> text=Record assessment");
    assertThat(officer.textContent(".govuk-error-summary")).contains("at least one reason");
    BrowserSupport.assertAccessible(officer);
    officer.selectOption("#purpose", "SAFEGUARDING");
    officer.click("button >> text=See details");
    assertThat(officer.textContent("main")).contains(StaffFixture.VICTIM_EMAIL);
    BrowserSupport.assertAccessible(officer);
    officer.navigate(staffUrl("hub"));
    assertThat(officer.textContent("h1")).isEqualTo("You cannot see this page");
    BrowserSupport.assertAccessible(officer);
    officer.navigate(staffUrl("crimes/" + UUID.randomUUID()));
    assertThat(officer.textContent("h1")).isEqualTo("Page not found");
    BrowserSupport.assertAccessible(officer);

    Page supervisor = staffSignedIn(StaffFixture.SUPERVISOR);
    assertThat(supervisor.url()).endsWith("/staff/compliance");
    BrowserSupport.assertAccessible(supervisor);
    db().clock().advance(Duration.ofDays(40));
    supervisor = staffSignedIn(StaffFixture.SUPERVISOR); // the demo session timed out meanwhile
    supervisor.navigate(staffUrl("compliance/2026-03"));
    assertThat(supervisor.textContent("main")).contains("Overdue now").contains(StaffFixture.C1);
    BrowserSupport.assertAccessible(supervisor);
    supervisor.click("footer button >> text=Sign out");
    assertThat(supervisor.url()).endsWith("/staff/sign-in");
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Delivers over SMTP to GreenMail. The SDK's SmtpChannel cannot be used from this module:
   * trackmycrime-smtp's tests depend on trackmycrime-testing, so the reverse dependency would be a
   * cycle in the reactor.
   */
  static final class SmtpTestChannel implements NotificationChannel {
    private final Session session;

    SmtpTestChannel(int port) {
      Properties p = new Properties();
      p.put("mail.smtp.host", "127.0.0.1");
      p.put("mail.smtp.port", Integer.toString(port));
      this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
      return "greenmail-smtp";
    }

    @Override
    public Channel kind() {
      return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
      try {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("no-reply@force.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
        m.setSubject(message.subject() == null ? "" : message.subject(), "UTF-8");
        m.setText(message.textBody(), "UTF-8");
        Transport.send(m);
        return new SendResult.Accepted(UUID.randomUUID().toString());
      } catch (MessagingException e) {
        return new SendResult.Transient("smtp", e.getClass().getSimpleName(), null);
      }
    }

    @Override
    public void close() {}
  }
}
