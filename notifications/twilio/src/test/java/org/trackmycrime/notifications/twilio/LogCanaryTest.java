package org.trackmycrime.notifications.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.twilio.FakeTwilio.Reply;
import org.trackmycrime.notifications.twilio.TwilioStatusCallbackHandler.CallbackRequest;

/**
 * Sends a canary number and text through every path, with all loggers (the Twilio SDK's too) at
 * debug, then reads the log: no number, text or token may appear. The pom points slf4j-simple at
 * target/test-log.txt.
 */
class LogCanaryTest {
  static final String CANARY_NUMBER = "+447700900987";
  static final String CANARY_TEXT = "Canary text Zebedee";

  @Test
  void noNumberTextOrTokenReachesTheLog() throws Exception {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
    URI callbackUrl = URI.create("https://alerts.example.police.uk/twilio/status");
    try (FakeTwilio twilio = new FakeTwilio()) {
      TwilioConfig config =
          TwilioConfig.builder()
              .accountSid(FakeTwilio.ACCOUNT_SID)
              .authToken(FakeTwilio.AUTH_TOKEN)
              .fromNumber("+447700900001")
              .apiBaseUrl(twilio.baseUrl())
              .requestTimeout(Duration.ofSeconds(2))
              .statusCallbackUrl(callbackUrl)
              .build();
      twilio.enqueue(
          Reply.error(
              400, 21211, "The 'To' number " + CANARY_NUMBER + " is not a valid phone number."));
      twilio.enqueue(Reply.error(429, 20429, "Too Many Requests"));
      twilio.enqueue(Reply.error(401, 20003, "Authenticate"));
      twilio.enqueue(Reply.error(500, 20500, "Internal Server Error"));
      twilio.enqueue(Reply.hanging());
      try (TwilioSmsChannel channel = TwilioSmsChannel.create(config)) {
        for (int i = 0; i < 6; i++) {
          channel.send(
              new OutgoingMessage(
                  "canary-" + i,
                  Channel.SMS,
                  CANARY_NUMBER,
                  "Force",
                  Language.EN,
                  null,
                  CANARY_TEXT,
                  null,
                  "update-available",
                  Map.of()));
        }
      }
      TwilioStatusCallbackHandler handler = new TwilioStatusCallbackHandler(config, r -> {});
      Map<String, String> params = new LinkedHashMap<>();
      params.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
      params.put("MessageStatus", "undelivered");
      params.put("ErrorCode", "30006");
      params.put("To", CANARY_NUMBER);
      params.put("Body", CANARY_TEXT);
      String body = TwilioStatusCallbackHandlerTest.form(params);
      handler.handle(
          new CallbackRequest(
              "POST",
              null,
              Map.of(
                  "X-Twilio-Signature",
                  TwilioStatusCallbackHandlerTest.sign(
                      FakeTwilio.AUTH_TOKEN, callbackUrl.toString(), params)),
              body));
      handler.handle(new CallbackRequest("POST", null, Map.of("X-Twilio-Signature", "bad"), body));
    }

    assertThat(log).as("slf4j-simple writes to the file the pom names").exists();
    String written = Files.readString(log);
    assertThat(written)
        .as("the scenarios did log")
        .contains("canary-1")
        .contains("SM0123456789abcdef0123456789abcdef");
    assertThat(written)
        .as("numbers, text and secrets never reach the log")
        .doesNotContain("7700900987")
        .doesNotContain("Zebedee")
        .doesNotContain(FakeTwilio.AUTH_TOKEN);
  }
}
