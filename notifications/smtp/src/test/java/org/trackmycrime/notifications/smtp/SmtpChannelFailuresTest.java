package org.trackmycrime.notifications.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.smtp.FakeSmtpServer.Mode;

/** Reply codes, timeouts and connection handling, against a scriptable SMTP server. */
class SmtpChannelFailuresTest {
  FakeSmtpServer server;
  SmtpChannel channel;

  @BeforeEach
  void start() {
    server = new FakeSmtpServer();
    channel = channel(server.port(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    channel.close();
    server.close();
  }

  static SmtpChannel channel(int port, Duration timeout) {
    return SmtpChannel.create(
        SmtpConfig.builder("127.0.0.1", "victim-updates@force.example")
            .port(port)
            .security(SmtpConfig.Security.NONE)
            .timeouts(timeout)
            .connections(1)
            .build());
  }

  static OutgoingMessage message(String to) {
    return new OutgoingMessage(
        "key-" + System.nanoTime(),
        Channel.EMAIL,
        to,
        "Victim updates",
        Language.EN,
        "There is an update on your report",
        "There is an update on your report.",
        "<p>There is an update on your report.</p>",
        "VICTIM_UPDATE",
        Map.of());
  }

  @Test
  void a421GreetingIsTransient() {
    server.mode(Mode.BUSY_421);

    assertThat(channel.send(message("alex@example.org")))
        .isEqualTo(new SendResult.Transient("421", "the server would not start a session", null));
  }

  @Test
  void aRefusedRecipientIsPermanentAndTheReasonDoesNotQuoteTheAddress() {
    server.mode(Mode.RCPT_550);

    SendResult result = channel.send(message("alex@example.org"));

    assertThat(result).isInstanceOf(SendResult.Permanent.class);
    SendResult.Permanent p = (SendResult.Permanent) result;
    assertThat(p.code()).isEqualTo("550");
    assertThat(p.reason()).doesNotContain("alex");
  }

  @Test
  void aFullMailboxIsTransient() {
    server.mode(Mode.RCPT_452);

    assertThat(channel.send(message("alex@example.org")))
        .isInstanceOfSatisfying(
            SendResult.Transient.class, t -> assertThat(t.code()).isEqualTo("452"));
  }

  @Test
  void aRefusedMessageIsPermanent() {
    server.mode(Mode.DATA_554);

    assertThat(channel.send(message("alex@example.org")))
        .isInstanceOfSatisfying(
            SendResult.Permanent.class, p -> assertThat(p.code()).isEqualTo("554"));
  }

  @Test
  void aRefusedSenderIsOurProblemNotTheVictimsSoTransient() {
    server.mode(Mode.MAIL_550);

    assertThat(channel.send(message("alex@example.org")))
        .as("never marks the victim's address unusable")
        .isInstanceOfSatisfying(
            SendResult.Transient.class, t -> assertThat(t.code()).isEqualTo("550"));
  }

  @Test
  void anInvalidAddressIsPermanentWithoutTouchingTheServer() {
    assertThat(channel.send(message("not an address")))
        .isInstanceOfSatisfying(
            SendResult.Permanent.class, p -> assertThat(p.code()).isEqualTo("INVALID_ADDRESS"));
    assertThat(server.connections()).isZero();
  }

  @Test
  void aServerThatHangsTimesOut() {
    SmtpChannel quick = channel(server.port(), Duration.ofMillis(500));
    server.mode(Mode.HANG);
    try {
      long started = System.nanoTime();
      SendResult result = quick.send(message("alex@example.org"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(result)
          .isInstanceOfSatisfying(
              SendResult.Transient.class, t -> assertThat(t.code()).isEqualTo("TIMEOUT"));
      assertThat(took)
          .isLessThan(Duration.ofSeconds(15)); // not the minutes a hung server would hold it
    } finally {
      quick.close();
    }
  }

  @Test
  void aServerThatStopsAnsweringMidConnectionTimesOutAndIsNotRetried() {
    assertThat(channel.send(message("alex@example.org"))).isInstanceOf(SendResult.Accepted.class);
    server.mode(Mode.HANG);

    long started = System.nanoTime();
    SendResult result = channel.send(message("alex@example.org"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result)
        .isInstanceOfSatisfying(
            SendResult.Transient.class, t -> assertThat(t.code()).isEqualTo("TIMEOUT"));
    assertThat(took).as("one timeout, not two").isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aClosedPortIsConnectionRefused() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SmtpChannel nowhere = channel(port, Duration.ofSeconds(2));
    try {
      assertThat(nowhere.send(message("alex@example.org")))
          .isInstanceOfSatisfying(
              SendResult.Transient.class,
              t -> assertThat(t.code()).isEqualTo("CONNECTION_REFUSED"));
    } finally {
      nowhere.close();
    }
  }

  @Test
  void oneConnectionCarriesManyMessages() {
    for (int i = 0; i < 5; i++) {
      assertThat(channel.send(message("alex@example.org"))).isInstanceOf(SendResult.Accepted.class);
    }

    assertThat(server.messages()).hasSize(5);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionIsReplacedWithoutLosingTheMessage() {
    server.mode(Mode.DROP_AFTER_MESSAGE);
    assertThat(channel.send(message("alex@example.org"))).isInstanceOf(SendResult.Accepted.class);

    // the server hung up after the first message: the next send reconnects and goes through
    assertThat(channel.send(message("sam@example.org"))).isInstanceOf(SendResult.Accepted.class);

    assertThat(server.messages()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aFailedConnectionIsNotReused() {
    server.mode(Mode.BUSY_421);
    assertThat(channel.send(message("alex@example.org"))).isInstanceOf(SendResult.Transient.class);
    server.mode(Mode.ACCEPT);

    assertThat(channel.send(message("alex@example.org"))).isInstanceOf(SendResult.Accepted.class);
  }

  @Test
  void aClosedChannelFailsTransiently() {
    channel.close();

    assertThat(channel.send(message("alex@example.org")))
        .isInstanceOfSatisfying(
            SendResult.Transient.class, t -> assertThat(t.code()).isEqualTo("CLOSED"));
  }

  @Test
  void theConfigurationReportsEveryProblemAndHidesThePassword() {
    assertThatThrownBy(
            () ->
                SmtpConfig.builder(" ", "not-an-address")
                    .port(0)
                    .login("user", null)
                    .timeouts(Duration.ZERO)
                    .connections(0)
                    .name("SMTP!")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsExactlyInAnyOrder(
                        "host",
                        "port",
                        "username",
                        "fromAddress",
                        "connectTimeout",
                        "readTimeout",
                        "writeTimeout",
                        "connections",
                        "name"));
    SmtpConfig config =
        SmtpConfig.builder("smtp.force.example", "victim-updates@force.example")
            .login("victim-updates", "s3cret-value")
            .build();
    assertThat(config.toString()).doesNotContain("s3cret-value").contains("smtp.force.example");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
