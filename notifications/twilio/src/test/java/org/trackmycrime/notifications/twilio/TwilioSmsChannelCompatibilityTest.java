package org.trackmycrime.notifications.twilio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.twilio.FakeTwilio.Reply;
import org.trackmycrime.testing.notifications.NotificationChannelCompatibilityKit;

/** The channel kit against the local stand-in for Twilio. */
class TwilioSmsChannelCompatibilityTest extends NotificationChannelCompatibilityKit {
  private final FakeTwilio twilio = start();

  private static FakeTwilio start() {
    try {
      return new FakeTwilio();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopTwilio() {
    twilio.close();
  }

  @Override
  protected NotificationChannel createChannel(Duration timeout) {
    return TwilioSmsChannel.create(
        TwilioConfig.builder()
            .accountSid(FakeTwilio.ACCOUNT_SID)
            .authToken(FakeTwilio.AUTH_TOKEN)
            .fromNumber("+447700900001")
            .apiBaseUrl(twilio.baseUrl())
            .connectTimeout(timeout)
            .requestTimeout(timeout)
            .build());
  }

  @Override
  protected String recipient() {
    return "+447700900123";
  }

  @Override
  protected void providerAccepts() {
    twilio.answerAlways(null);
  }

  @Override
  protected void providerFailsTransiently() {
    twilio.answerAlways(Reply.error(503, 20503, "Service Unavailable"));
  }

  @Override
  protected void providerFailsPermanently() {
    twilio.answerAlways(Reply.error(400, 21211, "The 'To' number is not a valid phone number."));
  }

  @Override
  protected void providerHangs() {
    twilio.answerAlways(Reply.hanging());
  }

  @Override
  protected List<String> receivedTexts() {
    return twilio.acceptedTexts();
  }
}
