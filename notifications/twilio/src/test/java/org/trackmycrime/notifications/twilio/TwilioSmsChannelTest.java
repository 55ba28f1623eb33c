package org.trackmycrime.notifications.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.twilio.FakeTwilio.Reply;
import org.trackmycrime.notifications.twilio.FakeTwilio.Seen;

class TwilioSmsChannelTest {
  static final String VICTIM = "+447700900123";
  static final String SENDER = "+447700900001";
  static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
  static final String TEXT = "Avon and Somerset Police: there is an update on your crime report.";

  FakeTwilio twilio;

  @BeforeEach
  void start() throws Exception {
    twilio = new FakeTwilio();
  }

  @AfterEach
  void stop() {
    twilio.close();
  }

  TwilioConfig.Builder config() {
    return TwilioConfig.builder()
        .accountSid(FakeTwilio.ACCOUNT_SID)
        .authToken(FakeTwilio.AUTH_TOKEN)
        .fromNumber(SENDER)
        .apiBaseUrl(twilio.baseUrl())
        .statusCallbackUrl(URI.create("https://alerts.example.police.uk/twilio/status"));
  }

  static OutgoingMessage sms(String key) {
    return sms(key, VICTIM);
  }

  static OutgoingMessage sms(String key, String to) {
    return new OutgoingMessage(
        key,
        Channel.SMS,
        to,
        "Avon and Somerset Police",
        Language.EN,
        null,
        TEXT,
        null,
        "update-available",
        Map.of());
  }

  SendResult send(TwilioConfig config, OutgoingMessage message) {
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config)) {
      return channel.send(message);
    }
  }

  @Test
  void postsTheFormTwilioExpectsWithBasicAuthAndReturnsTheMessageSid() {
    SendResult result = send(config().build(), sms("alert-1:sms"));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).providerId())
        .as("Twilio's message SID is the provider id, to match receipts")
        .matches("SM[0-9a-f]{32}");
    Seen request = twilio.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
    assertThat(request.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN)
                            .getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.form())
        .as("To, From, Body and StatusCallback, nothing else")
        .containsOnlyKeys("To", "From", "Body", "StatusCallback")
        .containsEntry("To", VICTIM)
        .containsEntry("From", SENDER)
        .containsEntry("Body", TEXT)
        .containsEntry(
            "StatusCallback",
            "https://alerts.example.police.uk/twilio/status?tmcKey=alert-1%3Asms");
    assertThat(request.header("I-Twilio-Idempotency-Token")).isEqualTo("alert-1:sms");
  }

  @Test
  void sendsThroughTheMessagingServiceWhenOneIsConfigured() {
    SendResult result =
        send(config().fromNumber(null).messagingServiceSid(SERVICE).build(), sms("alert-2:sms"));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(twilio.onlyRequest().form())
        .containsEntry("MessagingServiceSid", SERVICE)
        .doesNotContainKey("From");
  }

  @Test
  void sendsNoStatusCallbackWhenNoneIsConfigured() {
    send(config().statusCallbackUrl(null).build(), sms("alert-3:sms"));

    assertThat(twilio.onlyRequest().form()).doesNotContainKey("StatusCallback");
  }

  @Test
  void keepsTheQueryOfTheConfiguredCallbackUrl() {
    send(
        config()
            .statusCallbackUrl(URI.create("https://alerts.example.police.uk/cb?force=avon"))
            .build(),
        sms("k 1"));

    assertThat(twilio.onlyRequest().form().get("StatusCallback"))
        .isEqualTo("https://alerts.example.police.uk/cb?force=avon&tmcKey=k+1");
  }

  @Test
  void addsThePathOfTheBaseUrlInFrontOfTwilios() {
    send(config().apiBaseUrl(URI.create(twilio.baseUrl() + "/twilio-proxy/")).build(), sms("k"));

    assertThat(twilio.onlyRequest().path())
        .isEqualTo(
            "/twilio-proxy/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
  }

  @Test
  void anInvalidToNumberIsPermanentAndTheNumberIsNotRepeated() {
    twilio.enqueue(
        Reply.error(400, 21211, "The 'To' number +447700900123 is not a valid phone number."));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isInstanceOf(SendResult.Permanent.class);
    SendResult.Permanent p = (SendResult.Permanent) result;
    assertThat(p.code()).isEqualTo("21211");
    assertThat(p.reason()).contains("400").doesNotContain("7700900123");
  }

  @ParameterizedTest(name = "Twilio error {0} is permanent")
  @ValueSource(ints = {21211, 21614, 21610, 21408, 30005, 30006, 21612, 21217})
  void recipientErrorsArePermanent(int code) {
    twilio.enqueue(Reply.error(400, code, "refused"));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result)
        .as("error %d should stop retries and mark the number unusable", code)
        .isEqualTo(
            new SendResult.Permanent(
                String.valueOf(code), ((SendResult.Permanent) result).reason()));
  }

  @Test
  void anUnknownClientErrorIsPermanentWithTwiliosMessageMasked() {
    twilio.enqueue(Reply.error(400, 21999, "Something about +44 7700 900123 or a@b.example"));

    SendResult.Permanent p = (SendResult.Permanent) send(config().build(), sms("k"));

    assertThat(p.code()).isEqualTo("21999");
    assertThat(p.reason())
        .contains("[number]")
        .contains("[address]")
        .doesNotContain("900123")
        .doesNotContain("a@b");
  }

  @Test
  void badCredentialsArePermanentAndMarkedAsConfiguration() {
    twilio.enqueue(Reply.error(401, 20003, "Authenticate"));

    SendResult.Permanent p = (SendResult.Permanent) send(config().build(), sms("k"));

    assertThat(p.code()).as("a setup problem, not the victim's number").isEqualTo("config-20003");
    assertThat(p.reason()).contains("accountSid").contains("authToken");
  }

  @Test
  void aWrongSenderIsAConfigurationProblem() {
    twilio.enqueue(Reply.error(400, 21606, "The From phone number is not a valid, SMS-capable"));

    SendResult.Permanent p = (SendResult.Permanent) send(config().build(), sms("k"));

    assertThat(p.code()).isEqualTo("config-21606");
  }

  @Test
  void tooManyRequestsIsTransientAndHonoursRetryAfterSeconds() {
    twilio.enqueue(Reply.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "7"));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    SendResult.Transient t = (SendResult.Transient) result;
    assertThat(t.code()).isEqualTo("20429");
    assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    twilio.enqueue(
        Reply.error(429, 20429, "Too Many Requests")
            .withHeader("Retry-After", "Sat, 01 Mar 2025 10:02:00 GMT"));

    SendResult result;
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config().build(), clock)) {
      result = channel.send(sms("k"));
    }

    assertThat(((SendResult.Transient) result).retryAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void http429WithoutATwilioBodyIsStillTransient() {
    twilio.enqueue(new Reply(429, Map.of(), "", false));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("http-429");
    assertThat(((SendResult.Transient) result).retryAfter()).isNull();
  }

  @Test
  void aServerErrorIsTransientAndTriedOnlyOnceSoNoTextIsSentTwice() {
    twilio.enqueue(Reply.error(500, 20500, "Internal Server Error"));
    twilio.enqueue(Reply.error(500, 20500, "Internal Server Error"));
    twilio.enqueue(Reply.error(500, 20500, "Internal Server Error"));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("20500");
    assertThat(twilio.requests())
        .as("the SDK's own client retries a 5xx POST three times; ours must not")
        .hasSize(1);
  }

  @Test
  void aGatewayErrorWithAnHtmlBodyIsTransient() {
    twilio.enqueue(
        new Reply(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", false));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("http-502");
  }

  @Test
  void aHangingServerTimesOutWithinTheConfiguredTimeout() {
    twilio.enqueue(Reply.hanging());
    TwilioConfig config = config().requestTimeout(Duration.ofMillis(400)).build();

    long start = System.nanoTime();
    SendResult result = send(config, sms("k"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("timeout");
    assertThat(took).as("the 400 ms timeout is honoured").isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TwilioConfig config = config().apiBaseUrl(URI.create("http://127.0.0.1:" + closedPort)).build();

    SendResult result = send(config, sms("k"));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("connect");
  }

  @Test
  void anAcceptedAnswerThatDoesNotParseIsStillAccepted() {
    twilio.enqueue(Reply.json(201, "not json"));

    SendResult result = send(config().build(), sms("k"));

    assertThat(result).isEqualTo(new SendResult.Accepted(null));
  }

  @Test
  void aNumberThatIsNotE164IsRefusedWithoutCallingTwilio() {
    SendResult result = send(config().build(), sms("k", "07700 900123"));

    assertThat(result).isInstanceOf(SendResult.Permanent.class);
    assertThat(((SendResult.Permanent) result).code()).isEqualTo("invalid-to");
    assertThat(twilio.requests()).isEmpty();
  }

  @Test
  void anEmailIsRefusedAsAProgrammingError() {
    OutgoingMessage email =
        new OutgoingMessage(
            "k",
            Channel.EMAIL,
            "victim@example.com",
            "Force",
            Language.EN,
            "Update",
            TEXT,
            null,
            "update-available",
            Map.of());
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config().build())) {
      assertThatThrownBy(() -> channel.send(email)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aClosedChannelSendsNothing() {
    TwilioSmsChannel channel = TwilioSmsChannel.create(config().build());
    channel.close();

    assertThatThrownBy(() -> channel.send(sms("k"))).isInstanceOf(IllegalStateException.class);
    assertThat(twilio.requests()).isEmpty();
  }

  @Test
  void describesItself() {
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config().build())) {
      assertThat(channel.name()).isEqualTo("twilio");
      assertThat(channel.kind()).isEqualTo(Channel.SMS);
      assertThat(channel.toString()).doesNotContain(FakeTwilio.AUTH_TOKEN);
    }
  }

  @Test
  void manyThreadsCanShareOneChannel() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config().build())) {
      List<Future<SendResult>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String key = "alert-" + i;
        results.add(pool.submit(() -> channel.send(sms(key))));
      }
      for (Future<SendResult> f : results) {
        assertThat(f.get()).isInstanceOf(SendResult.Accepted.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(twilio.requests())
        .extracting(r -> r.header("I-Twilio-Idempotency-Token"))
        .as("each request carries its own key")
        .doesNotHaveDuplicates()
        .hasSize(40);
  }
}
