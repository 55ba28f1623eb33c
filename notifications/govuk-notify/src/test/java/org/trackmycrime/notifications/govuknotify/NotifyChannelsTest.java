package org.trackmycrime.notifications.govuknotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.govuknotify.FakeNotify.Reply;
import org.trackmycrime.notifications.govuknotify.FakeNotify.Seen;

class NotifyChannelsTest {
  static final String EMAIL_EN = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  static final String EMAIL_CY = "a7d8e4c2-1b3f-4e5a-9c6d-7e8f9a0b1c2d";
  static final String SMS_EN = "0c9a8b7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String SMS_CY = "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
  static final String REPLY_TO = "8e222534-7f05-4972-86e3-17c5d9f894e2";
  static final String SMS_SENDER = "e6b2e2ad-32fc-4f4b-8a41-0ad4d1ad6d86";
  static final String ADDRESS = "victim@example.com";
  static final String MOBILE = "+447700900123";
  static final Map<String, String> FIELDS =
      Map.of("force_name", "Avon and Somerset Police", "sign_in_url", "https://portal.example/in");

  FakeNotify notify;

  @BeforeEach
  void start() throws Exception {
    notify = new FakeNotify();
  }

  @AfterEach
  void stop() {
    notify.close();
  }

  NotifyConfig.Builder config() {
    return NotifyConfig.builder()
        .apiKey(FakeNotify.API_KEY)
        .baseUrl(notify.baseUrl())
        .emailTemplate("update-available", Language.EN, EMAIL_EN)
        .emailTemplate("update-available", Language.CY, EMAIL_CY)
        .smsTemplate("update-available", Language.EN, SMS_EN)
        .smsTemplate("update-available", Language.CY, SMS_CY);
  }

  static OutgoingMessage email(String key, Language language) {
    return new OutgoingMessage(
        key,
        Channel.EMAIL,
        ADDRESS,
        "Avon and Somerset Police",
        language,
        "An update on your crime report",
        "There is an update.",
        null,
        "update-available",
        FIELDS);
  }

  static OutgoingMessage sms(String key, Language language) {
    return new OutgoingMessage(
        key,
        Channel.SMS,
        MOBILE,
        "Avon and Somerset Police",
        language,
        null,
        "There is an update.",
        null,
        "update-available",
        FIELDS);
  }

  static SendResult send(NotificationChannel channel, OutgoingMessage message) {
    try (channel) {
      return channel.send(message);
    }
  }

  /** Checks the bearer token the way Notify does: HS256 over header.payload with the secret. */
  static void assertValidNotifyToken(String authorization) throws Exception {
    assertThat(authorization).startsWith("Bearer ");
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    assertThat(parts).as("a JWT has three parts").hasSize(3);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JSONObject header = new JSONObject(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
    JSONObject claims = new JSONObject(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
    assertThat(header.getString("alg")).isEqualTo("HS256");
    assertThat(header.getString("typ")).isEqualTo("JWT");
    assertThat(claims.getString("iss"))
        .as("issuer is the service id")
        .isEqualTo(FakeNotify.SERVICE_ID);
    assertThat(claims.getLong("iat"))
        .as("issued now: Notify refuses tokens more than 30 s off")
        .isBetween(Instant.now().getEpochSecond() - 30, Instant.now().getEpochSecond() + 30);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(FakeNotify.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(b64.decode(parts[2])).as("signed with the key's secret").isEqualTo(expected);
  }

  @Test
  void anEmailIsSentByTemplateWithPersonalisationAndTheKeyAsReference() throws Exception {
    SendResult result =
        send(NotifyEmailChannel.create(config().build()), email("alert-1:email", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).providerId())
        .as("Notify's notification id")
        .matches("[0-9a-f-]{36}");
    Seen request = notify.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v2/notifications/email");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertValidNotifyToken(request.header("Authorization"));
    JSONObject body = request.json();
    assertThat(body.keySet())
        .containsExactlyInAnyOrder("template_id", "email_address", "personalisation", "reference");
    assertThat(body.getString("template_id")).isEqualTo(EMAIL_EN);
    assertThat(body.getString("email_address")).isEqualTo(ADDRESS);
    assertThat(body.getString("reference")).isEqualTo("alert-1:email");
    assertThat(body.getJSONObject("personalisation").toMap())
        .as("the host's fields plus the SDK's rendered subject and text")
        .containsAllEntriesOf(FIELDS)
        .containsEntry("tmc_subject", "An update on your crime report")
        .containsEntry("tmc_body", "There is an update.")
        .hasSize(FIELDS.size() + 2);
  }

  @Test
  void aTextIsSentByTemplateToTheSmsEndpoint() throws Exception {
    SendResult result =
        send(NotifySmsChannel.create(config().build()), sms("alert-2:sms", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    Seen request = notify.onlyRequest();
    assertThat(request.path()).isEqualTo("/v2/notifications/sms");
    assertValidNotifyToken(request.header("Authorization"));
    JSONObject body = request.json();
    assertThat(body.keySet())
        .containsExactlyInAnyOrder("template_id", "phone_number", "personalisation", "reference");
    assertThat(body.getString("template_id")).isEqualTo(SMS_EN);
    assertThat(body.getString("phone_number")).isEqualTo(MOBILE);
    assertThat(body.getString("reference")).isEqualTo("alert-2:sms");
  }

  @Test
  void welshMessagesUseTheWelshTemplates() {
    send(NotifyEmailChannel.create(config().build()), email("k1", Language.CY));
    send(NotifySmsChannel.create(config().build()), sms("k2", Language.CY));

    assertThat(notify.sends())
        .extracting(r -> r.json().getString("template_id"))
        .containsExactly(EMAIL_CY, SMS_CY);
  }

  @Test
  void theConfiguredReplyToAndSenderAreSent() {
    NotifyConfig config = config().emailReplyToId(REPLY_TO).smsSenderId(SMS_SENDER).build();

    send(NotifyEmailChannel.create(config), email("k1", Language.EN));
    send(NotifySmsChannel.create(config), sms("k2", Language.EN));

    List<Seen> sends = notify.sends();
    assertThat(sends.get(0).json().getString("email_reply_to_id")).isEqualTo(REPLY_TO);
    assertThat(sends.get(0).json().has("sms_sender_id")).isFalse();
    assertThat(sends.get(1).json().getString("sms_sender_id")).isEqualTo(SMS_SENDER);
    assertThat(sends.get(1).json().has("email_reply_to_id")).isFalse();
  }

  @Test
  void theHostsOwnFieldsWinOverTheRenderedText() {
    OutgoingMessage m =
        new OutgoingMessage(
            "k",
            Channel.SMS,
            MOBILE,
            "Force",
            Language.CY,
            null,
            "Mae diweddariad",
            null,
            "update-available",
            Map.of("tmc_body", "host's own"));

    send(NotifySmsChannel.create(config().build()), m);

    JSONObject fields = notify.onlyRequest().json().getJSONObject("personalisation");
    assertThat(fields.getString("tmc_body")).isEqualTo("host's own");
    assertThat(fields.has("tmc_subject")).as("no subject for a text").isFalse();
  }

  @Test
  void withoutHostFieldsOnlyTheRenderedTextIsSent() {
    OutgoingMessage bare =
        new OutgoingMessage(
            "k",
            Channel.SMS,
            MOBILE,
            "Force",
            Language.EN,
            null,
            "text",
            null,
            "update-available",
            Map.of());

    send(NotifySmsChannel.create(config().build()), bare);

    assertThat(notify.onlyRequest().json().getJSONObject("personalisation").toMap())
        .isEqualTo(Map.of("tmc_body", "text"));
  }

  @Test
  void anUnmappedTemplateKeyIsAConfigurationProblemAndNothingIsSent() {
    OutgoingMessage other =
        new OutgoingMessage(
            "k",
            Channel.SMS,
            MOBILE,
            "Force",
            Language.EN,
            null,
            "text",
            null,
            "officer-message",
            Map.of());

    SendResult result = send(NotifySmsChannel.create(config().build()), other);

    assertThat(result).isInstanceOf(SendResult.Permanent.class);
    assertThat(((SendResult.Permanent) result).code()).isEqualTo("config-template");
    assertThat(((SendResult.Permanent) result).reason()).contains("sms/officer-message/en");
    assertThat(notify.requests()).isEmpty();
  }

  @Test
  void aValidationErrorIsPermanentAndNamesNoRecipient() {
    notify.enqueue(Reply.error(400, "ValidationError", "phone_number Not a UK mobile number"));

    SendResult result = send(NotifySmsChannel.create(config().build()), sms("k", Language.EN));

    assertThat(result)
        .isEqualTo(
            new SendResult.Permanent(
                "ValidationError",
                "Notify HTTP 400 ValidationError: phone_number Not a UK mobile number"));
  }

  @Test
  void aBadRequestAboutTheRecipientIsPermanent() {
    notify.enqueue(
        Reply.error(400, "BadRequestError", "Not a valid email address victim@example.com"));

    SendResult.Permanent p =
        (SendResult.Permanent)
            send(NotifyEmailChannel.create(config().build()), email("k", Language.EN));

    assertThat(p.code()).isEqualTo("BadRequestError");
    assertThat(p.reason()).doesNotContain("victim@example.com").contains("[address]");
  }

  @Test
  void aBadRequestAboutOurSetupIsMarkedAsConfiguration() {
    notify.enqueue(
        Reply.error(
            400, "BadRequestError", "Can't send to this recipient using a team-only API key"));
    notify.enqueue(Reply.error(400, "BadRequestError", "Missing personalisation: crime_url"));
    notify.enqueue(Reply.error(400, "BadRequestError", "Template not found"));

    NotifySmsChannel channel = NotifySmsChannel.create(config().build());
    try (channel) {
      for (int i = 0; i < 3; i++) {
        SendResult.Permanent p = (SendResult.Permanent) channel.send(sms("k" + i, Language.EN));
        assertThat(p.code()).as(p.reason()).isEqualTo("config-BadRequestError");
      }
    }
  }

  @Test
  void aRefusedApiKeyIsAPermanentConfigurationError() {
    notify.enqueue(Reply.error(403, "AuthError", "Invalid token: API key not found"));

    SendResult.Permanent p =
        (SendResult.Permanent)
            send(NotifyEmailChannel.create(config().build()), email("k", Language.EN));

    assertThat(p.code()).isEqualTo("config-AuthError");
    assertThat(p.reason()).contains("NotifyConfig.apiKey").contains("clock");
    assertThat(p.reason()).doesNotContain(FakeNotify.SECRET);
  }

  @Test
  void aRateLimitIsTransientAndHonoursRetryAfter() {
    notify.enqueue(
        Reply.error(
                429,
                "RateLimitError",
                "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds")
            .withHeader("Retry-After", "30"));

    SendResult result = send(NotifySmsChannel.create(config().build()), sms("k", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("RateLimitError");
    assertThat(((SendResult.Transient) result).retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theDailyLimitIsTransient() {
    notify.enqueue(
        Reply.error(429, "TooManyRequestsError", "Exceeded send limits (1000) for today"));

    SendResult result = send(NotifyEmailChannel.create(config().build()), email("k", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("TooManyRequestsError");
    assertThat(((SendResult.Transient) result).retryAfter()).isNull();
  }

  @Test
  void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    notify.enqueue(
        Reply.error(429, "RateLimitError", "Exceeded rate limit")
            .withHeader("Retry-After", "Sat, 01 Mar 2025 10:00:45 GMT"));

    SendResult result =
        send(NotifySmsChannel.create(config().build(), clock), sms("k", Language.EN));

    assertThat(((SendResult.Transient) result).retryAfter()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void aServerErrorIsTransientAndTriedOnce() {
    notify.enqueue(Reply.error(500, "Exception", "Internal server error"));

    SendResult result = send(NotifyEmailChannel.create(config().build()), email("k", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).code()).isEqualTo("Exception");
    assertThat(notify.sends()).hasSize(1);
  }

  @Test
  void aGatewayPageIsTransient() {
    notify.enqueue(
        new Reply(503, Map.of("Content-Type", "text/html"), "<h1>Service Unavailable</h1>", false));

    SendResult result = send(NotifySmsChannel.create(config().build()), sms("k", Language.EN));

    assertThat(((SendResult.Transient) result).code()).isEqualTo("http-503");
  }

  @Test
  void aHangingServerTimesOut() {
    notify.enqueue(Reply.hanging());
    NotifyConfig config = config().requestTimeout(Duration.ofMillis(400)).build();

    long start = System.nanoTime();
    SendResult result = send(NotifySmsChannel.create(config), sms("k", Language.EN));

    assertThat(((SendResult.Transient) result).code()).isEqualTo("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    NotifyConfig config = config().baseUrl(URI.create("http://127.0.0.1:" + closedPort)).build();

    SendResult result = send(NotifyEmailChannel.create(config), email("k", Language.EN));

    assertThat(((SendResult.Transient) result).code()).isEqualTo("connect");
  }

  @Test
  void aWrongBaseUrlIsAConfigurationProblem() {
    notify.enqueue(Reply.error(404, "NotFoundError", "Not Found"));

    SendResult.Permanent p =
        (SendResult.Permanent)
            send(NotifySmsChannel.create(config().build()), sms("k", Language.EN));

    assertThat(p.code()).isEqualTo("config-NotFoundError");
  }

  @Test
  void anAcceptedAnswerThatDoesNotParseIsStillAccepted() {
    notify.enqueue(Reply.json(201, "{}"));

    assertThat(send(NotifySmsChannel.create(config().build()), sms("k", Language.EN)))
        .isEqualTo(new SendResult.Accepted(null));
  }

  @Test
  void eachChannelSendsOnlyItsOwnKind() {
    try (NotifySmsChannel sms = NotifySmsChannel.create(config().build());
        NotifyEmailChannel email = NotifyEmailChannel.create(config().build())) {
      assertThat(sms.kind()).isEqualTo(Channel.SMS);
      assertThat(email.kind()).isEqualTo(Channel.EMAIL);
      assertThat(sms.name()).isEqualTo("notify-sms");
      assertThat(email.name()).isEqualTo("notify-email");
      assertThatThrownBy(() -> sms.send(email("k", Language.EN)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> email.send(sms("k", Language.EN)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(notify.requests()).isEmpty();
  }

  @Test
  void aClosedChannelSendsNothing() {
    NotifyEmailChannel channel = NotifyEmailChannel.create(config().build());
    channel.close();

    assertThatThrownBy(() -> channel.send(email("k", Language.EN)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(notify.requests()).isEmpty();
  }

  @Test
  void looksUpTheReferenceBeforeSendingWithTheSameToken() throws Exception {
    send(NotifySmsChannel.create(config().build()), sms("alert-7:sms", Language.EN));

    assertThat(notify.requests()).extracting(Seen::method).containsExactly("GET", "POST");
    Seen lookup = notify.lookups().get(0);
    assertThat(lookup.path()).isEqualTo("/v2/notifications");
    assertValidNotifyToken(lookup.header("Authorization"));
  }

  @Test
  void aMessageNotifyAlreadyHasIsNotSentTwice() {
    NotifyConfig config = config().build();
    SendResult first = send(NotifySmsChannel.create(config), sms("alert-8:sms", Language.EN));
    // the node crashed before recording the answer; the dispatcher sends the same row again
    SendResult again = send(NotifySmsChannel.create(config), sms("alert-8:sms", Language.EN));

    assertThat(again).as("the earlier notification's id, not a new one").isEqualTo(first);
    assertThat(notify.sends()).as("one text only").hasSize(1);
  }

  @Test
  void aKeyUsedForEmailDoesNotStopTheText() {
    NotifyConfig config = config().build();
    send(NotifyEmailChannel.create(config), email("alert-9", Language.EN));
    send(NotifySmsChannel.create(config), sms("alert-9", Language.EN));

    assertThat(notify.sends())
        .extracting(Seen::path)
        .containsExactly("/v2/notifications/email", "/v2/notifications/sms");
  }

  @Test
  void anEarlierFailedNotificationIsSentAgain() {
    notify.enqueueLookup(
        Reply.json(
            200,
            FakeNotify.listBody(
                List.of(
                    FakeNotify.notification(
                        "5f3a1f3e-0000-4000-8000-000000000001",
                        "alert-10:sms",
                        "sms",
                        "temporary-failure")))));

    SendResult result =
        send(NotifySmsChannel.create(config().build()), sms("alert-10:sms", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).providerId())
        .isNotEqualTo("5f3a1f3e-0000-4000-8000-000000000001");
    assertThat(notify.sends()).hasSize(1);
  }

  @Test
  void aFailedLookUpSendsNothingRatherThanRiskADuplicate() {
    notify.enqueueLookup(Reply.error(500, "Exception", "Internal server error"));

    SendResult result = send(NotifySmsChannel.create(config().build()), sms("k", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(notify.sends()).isEmpty();
  }

  @Test
  void theLookUpCanBeTurnedOff() {
    send(
        NotifySmsChannel.create(config().lookUpReferenceFirst(false).build()),
        sms("k", Language.EN));

    assertThat(notify.requests()).extracting(Seen::method).containsExactly("POST");
  }
}
