package org.trackmycrime.notifications.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.twilio.TwilioStatusCallbackHandler.CallbackRequest;
import org.trackmycrime.notifications.twilio.TwilioStatusCallbackHandler.CallbackResponse;

class TwilioStatusCallbackHandlerTest {
  static final String PUBLIC_URL = "https://alerts.example.police.uk/twilio/status";
  static final String SID = "SM0123456789abcdef0123456789abcdef";

  final List<DeliveryReceipt> receipts = new ArrayList<>();
  final TwilioConfig config =
      TwilioConfig.builder()
          .accountSid(FakeTwilio.ACCOUNT_SID)
          .authToken(FakeTwilio.AUTH_TOKEN)
          .fromNumber("+447700900001")
          .statusCallbackUrl(URI.create(PUBLIC_URL))
          .build();
  final TwilioStatusCallbackHandler handler =
      new TwilioStatusCallbackHandler(config, receipts::add);

  /** Twilio's scheme, written out here rather than borrowed from the SDK under test. */
  static String sign(String token, String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> callback(String status, String errorCode) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    p.put("ApiVersion", "2010-04-01");
    p.put("From", "+447700900001");
    p.put("MessageSid", SID);
    p.put("MessageStatus", status);
    p.put("SmsSid", SID);
    p.put("SmsStatus", status);
    p.put("To", "+447700900123");
    if (errorCode != null) {
      p.put("ErrorCode", errorCode);
    }
    return p;
  }

  static CallbackRequest post(String rawQuery, String signature, Map<String, String> params) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Host", "internal-node-7:8080");
    if (signature != null) {
      headers.put("x-twilio-signature", signature);
    }
    headers.put("I-Twilio-Idempotency-Token", "idem-123");
    return new CallbackRequest("POST", rawQuery, headers, form(params));
  }

  @Test
  void aSignedCallbackBecomesATypedReceipt() throws Exception {
    Map<String, String> params = callback("delivered", null);
    String query = "tmcKey=alert-1%3Asms";

    CallbackResponse response =
        handler.handle(
            post(query, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "?" + query, params), params));

    assertThat(response.status()).isEqualTo(204);
    assertThat(receipts)
        .containsExactly(
            new DeliveryReceipt(
                SID, DeliveryStatus.DELIVERED, "delivered", null, "alert-1:sms", "idem-123"));
  }

  @Test
  void anUndeliveredTextCarriesItsErrorCode() throws Exception {
    Map<String, String> params = callback("undelivered", "30006");

    handler.handle(post(null, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params), params));

    DeliveryReceipt receipt = receipts.get(0);
    assertThat(receipt.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
    assertThat(receipt.errorCode()).isEqualTo(30006);
    assertThat(receipt.isPermanentFailure()).as("a landline will never take a text").isTrue();
    assertThat(receipt.idempotencyKey()).isNull();
  }

  @Test
  void everyStatusTwilioSendsIsTyped() throws Exception {
    for (String status : List.of("queued", "sent", "delivered", "undelivered", "failed")) {
      Map<String, String> params = callback(status, null);
      handler.handle(post(null, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params), params));
    }
    Map<String, String> params = callback("some_new_status", null);
    handler.handle(post(null, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params), params));

    assertThat(receipts)
        .extracting(DeliveryReceipt::status)
        .containsExactly(
            DeliveryStatus.QUEUED,
            DeliveryStatus.SENT,
            DeliveryStatus.DELIVERED,
            DeliveryStatus.UNDELIVERED,
            DeliveryStatus.FAILED,
            DeliveryStatus.OTHER);
    assertThat(receipts.get(5).twilioStatus()).isEqualTo("some_new_status");
    assertThat(DeliveryStatus.FAILED.isFinal()).isTrue();
    assertThat(DeliveryStatus.SENT.isFinal()).isFalse();
  }

  @Test
  void aMissingSignatureIsRefusedAndChangesNothing() {
    CallbackResponse response = handler.handle(post(null, null, callback("delivered", null)));

    assertThat(response.status()).isEqualTo(403);
    assertThat(receipts).isEmpty();
  }

  @Test
  void aWrongSignatureIsRefusedAndChangesNothing() throws Exception {
    Map<String, String> params = callback("delivered", null);
    String signedWithOtherToken = sign("another-token-entirely", PUBLIC_URL, params);

    assertThat(handler.handle(post(null, signedWithOtherToken, params)).status()).isEqualTo(403);
    assertThat(handler.handle(post(null, "garbage", params)).status()).isEqualTo(403);
    assertThat(receipts).isEmpty();
  }

  @Test
  void aTamperedParameterBreaksTheSignature() throws Exception {
    Map<String, String> signed = callback("failed", "30005");
    String signature = sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, signed);
    Map<String, String> sent = callback("delivered", null);

    assertThat(handler.handle(post(null, signature, sent)).status()).isEqualTo(403);
    assertThat(receipts).isEmpty();
  }

  @Test
  void aTamperedQueryBreaksTheSignature() throws Exception {
    Map<String, String> params = callback("delivered", null);
    String signature = sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "?tmcKey=alert-1", params);

    assertThat(handler.handle(post("tmcKey=alert-2", signature, params)).status()).isEqualTo(403);
    assertThat(receipts).isEmpty();
  }

  @Test
  void theUrlIsTheConfiguredOneNeverTheRequestsHost() throws Exception {
    Map<String, String> params = callback("delivered", null);
    // what a handler that trusted the Host header would have checked against
    String signedForHost =
        sign(FakeTwilio.AUTH_TOKEN, "http://internal-node-7:8080/twilio/status", params);

    assertThat(handler.handle(post(null, signedForHost, params)).status()).isEqualTo(403);
    assertThat(receipts).isEmpty();
  }

  @Test
  void onlyPostIsAccepted() throws Exception {
    Map<String, String> params = callback("delivered", null);
    CallbackRequest get =
        new CallbackRequest(
            "GET",
            null,
            Map.of("X-Twilio-Signature", sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params)),
            form(params));

    assertThat(handler.handle(get).status()).isEqualTo(405);
    assertThat(receipts).isEmpty();
  }

  @Test
  void aSignedCallbackWithoutAMessageSidIsABadRequest() throws Exception {
    Map<String, String> params = callback("delivered", null);
    params.remove("MessageSid");

    CallbackResponse response =
        handler.handle(post(null, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params), params));

    assertThat(response.status()).isEqualTo(400);
    assertThat(receipts).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefused() {
    Map<String, String> params = callback("delivered", null);
    params.put("Padding", "x".repeat(TwilioStatusCallbackHandler.MAX_BODY_BYTES));

    assertThat(handler.handle(post(null, "sig", params)).status()).isEqualTo(413);
  }

  @Test
  void aFailingConsumerGets500SoTwilioMayRetry() throws Exception {
    TwilioStatusCallbackHandler failing =
        new TwilioStatusCallbackHandler(
            config,
            r -> {
              throw new IllegalStateException("database down");
            });
    Map<String, String> params = callback("delivered", null);

    assertThat(
            failing
                .handle(post(null, sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL, params), params))
                .status())
        .isEqualTo(500);
  }

  @Test
  void needsACallbackUrlInTheConfiguration() {
    TwilioConfig noUrl = config.toBuilder().statusCallbackUrl(null).build();

    assertThatThrownBy(() -> new TwilioStatusCallbackHandler(noUrl, r -> {}))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("statusCallbackUrl");
  }

  @Test
  void servesTheJdkHttpServer() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/twilio/status", handler.asHttpHandler());
    server.start();
    try {
      Map<String, String> params = callback("sent", null);
      URI local =
          URI.create(
              "http://127.0.0.1:" + server.getAddress().getPort() + "/twilio/status?tmcKey=k9");
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(local)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(params)));

      HttpResponse<Void> good =
          client.send(
              request
                  .copy()
                  .header(
                      "X-Twilio-Signature",
                      sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + "?tmcKey=k9", params))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      HttpResponse<Void> bad =
          client.send(
              request.copy().header("X-Twilio-Signature", "bad").build(),
              HttpResponse.BodyHandlers.discarding());

      assertThat(good.statusCode()).isEqualTo(204);
      assertThat(bad.statusCode()).isEqualTo(403);
      assertThat(receipts).extracting(DeliveryReceipt::idempotencyKey).containsExactly("k9");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aReceiptNamesTheAlertOfTheTextTheChannelSent() throws Exception {
    try (FakeTwilio twilio = new FakeTwilio();
        TwilioSmsChannel channel =
            TwilioSmsChannel.create(config.toBuilder().apiBaseUrl(twilio.baseUrl()).build())) {
      SendResult sent =
          channel.send(
              new OutgoingMessage(
                  "outbox-42:attempt-series-1",
                  Channel.SMS,
                  "+447700900123",
                  "Force",
                  Language.CY,
                  null,
                  "Mae diweddariad",
                  null,
                  "update-available",
                  Map.of()));
      String sid = ((SendResult.Accepted) sent).providerId();
      // Twilio later calls the StatusCallback URL it was given, signed
      URI callbackUrl = URI.create(twilio.onlyRequest().form().get("StatusCallback"));
      Map<String, String> params = callback("delivered", null);
      params.put("MessageSid", sid);

      handler.handle(
          post(
              callbackUrl.getRawQuery(),
              sign(FakeTwilio.AUTH_TOKEN, callbackUrl.toString(), params),
              params));
    }

    assertThat(receipts).hasSize(1);
    assertThat(receipts.get(0).idempotencyKey()).isEqualTo("outbox-42:attempt-series-1");
  }
}
