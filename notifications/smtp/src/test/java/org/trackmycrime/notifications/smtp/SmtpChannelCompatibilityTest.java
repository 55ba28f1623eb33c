package org.trackmycrime.notifications.smtp;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.testing.notifications.NotificationChannelCompatibilityKit;

/** The SMTP channel passes the kit every channel must pass, against a scriptable SMTP server. */
class SmtpChannelCompatibilityTest extends NotificationChannelCompatibilityKit {
  private FakeSmtpServer server;

  @AfterEach
  void stopServer() {
    server.close();
    server = null;
  }

  @Override
  protected NotificationChannel createChannel(Duration timeout) {
    return SmtpChannel.create(
        SmtpConfig.builder("127.0.0.1", "victim-updates@force.example")
            .port(server.port())
            .security(SmtpConfig.Security.NONE)
            .timeouts(timeout)
            .build());
  }

  @Override
  protected String recipient() {
    return "victim@example.org";
  }

  @Override
  protected void providerAccepts() {
    ensureServer().mode(FakeSmtpServer.Mode.ACCEPT);
  }

  @Override
  protected void providerFailsTransiently() {
    server.mode(FakeSmtpServer.Mode.BUSY_421);
  }

  @Override
  protected void providerFailsPermanently() {
    server.mode(FakeSmtpServer.Mode.RCPT_550);
  }

  @Override
  protected void providerHangs() {
    server.mode(FakeSmtpServer.Mode.HANG);
  }

  @Override
  protected List<String> receivedTexts() {
    return server.messages().stream().map(Mime::plainText).toList();
  }

  /** The kit's @BeforeEach runs before a subclass's: start the server on first use. */
  private FakeSmtpServer ensureServer() {
    if (server == null) {
      server = new FakeSmtpServer();
    }
    return server;
  }
}
