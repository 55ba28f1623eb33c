package org.trackmycrime.notifications.govuknotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.govuknotify.FakeNotify.Reply;

/**
 * Sends a canary address, number and text through every path with all loggers at debug, then reads
 * the log: none of them, nor the API key, may appear. The pom points slf4j-simple at
 * target/test-log.txt.
 */
class LogCanaryTest {
  static final String CANARY_ADDRESS = "zebedee.canary@example.com";
  static final String CANARY_NUMBER = "+447700900987";
  static final String CANARY_TEXT = "Canary text Dougal";

  @Test
  void noAddressNumberTextOrKeyReachesTheLog() throws Exception {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
    try (FakeNotify notify = new FakeNotify()) {
      NotifyConfig config =
          NotifyConfig.builder()
              .apiKey(FakeNotify.API_KEY)
              .baseUrl(notify.baseUrl())
              .requestTimeout(Duration.ofSeconds(2))
              .emailTemplate("update-available", Language.EN, NotifyChannelsTest.EMAIL_EN)
              .smsTemplate("update-available", Language.EN, NotifyChannelsTest.SMS_EN)
              .build();
      notify.enqueue(
          Reply.error(400, "ValidationError", "email_address " + CANARY_ADDRESS + " is bad"));
      notify.enqueue(Reply.error(403, "AuthError", "Invalid token"));
      notify.enqueue(Reply.error(429, "RateLimitError", "Exceeded rate limit"));
      notify.enqueue(Reply.error(500, "Exception", "Internal server error"));
      notify.enqueue(Reply.hanging());
      try (NotifyEmailChannel email = NotifyEmailChannel.create(config);
          NotifySmsChannel sms = NotifySmsChannel.create(config)) {
        for (int i = 0; i < 6; i++) {
          email.send(
              new OutgoingMessage(
                  "canary-" + i,
                  Channel.EMAIL,
                  CANARY_ADDRESS,
                  "Force",
                  Language.EN,
                  "Subject",
                  CANARY_TEXT,
                  null,
                  "update-available",
                  Map.of("note", CANARY_TEXT)));
        }
        sms.send(
            new OutgoingMessage(
                "canary-sms",
                Channel.SMS,
                CANARY_NUMBER,
                "Force",
                Language.EN,
                null,
                CANARY_TEXT,
                null,
                "update-available",
                Map.of("note", CANARY_TEXT)));
      }
    }

    assertThat(log).as("slf4j-simple writes to the file the pom names").exists();
    String written = Files.readString(log);
    assertThat(written).as("the scenarios did log").contains("canary-1").contains("canary-sms");
    assertThat(written)
        .as("addresses, numbers, text and the key never reach the log")
        .doesNotContain("zebedee")
        .doesNotContain("7700900987")
        .doesNotContain("Dougal")
        .doesNotContain(FakeNotify.SECRET);
  }
}
