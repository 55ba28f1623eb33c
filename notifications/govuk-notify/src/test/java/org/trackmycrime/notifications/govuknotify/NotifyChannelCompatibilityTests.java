package org.trackmycrime.notifications.govuknotify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.govuknotify.FakeNotify.Reply;
import org.trackmycrime.testing.notifications.NotificationChannelCompatibilityKit;

/**
 * The channel kit against the local stand-in for Notify, for both channels. The stand-in renders a
 * pass-through template ({@code ((tmc_body))}), so the kit sees the SDK's text arrive.
 */
class NotifyChannelCompatibilityTests {
  static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";

  abstract static class Base extends NotificationChannelCompatibilityKit {
    final FakeNotify notify = start();

    private static FakeNotify start() {
      try {
        return new FakeNotify();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @AfterEach
    void stopNotify() {
      notify.close();
    }

    NotifyConfig config(Duration timeout) {
      return NotifyConfig.builder()
          .apiKey(FakeNotify.API_KEY)
          .baseUrl(notify.baseUrl())
          .emailTemplate("VICTIM_UPDATE", Language.EN, TEMPLATE)
          .smsTemplate("VICTIM_UPDATE", Language.EN, TEMPLATE)
          .connectTimeout(timeout)
          .requestTimeout(timeout)
          .build();
    }

    @Override
    protected void providerAccepts() {
      notify.answerSendsAlways(null);
      notify.answerLookupsAlways(null);
    }

    @Override
    protected void providerFailsTransiently() {
      notify.answerSendsAlways(Reply.error(429, "RateLimitError", "Exceeded rate limit"));
      notify.answerLookupsAlways(Reply.error(429, "RateLimitError", "Exceeded rate limit"));
    }

    @Override
    protected void providerFailsPermanently() {
      notify.answerSendsAlways(Reply.error(400, "ValidationError", "Not a UK mobile number"));
    }

    @Override
    protected void providerHangs() {
      notify.answerSendsAlways(Reply.hanging());
      notify.answerLookupsAlways(Reply.hanging());
    }

    @Override
    protected List<String> receivedTexts() {
      return notify.acceptedTexts();
    }
  }

  @Nested
  class Email extends Base {
    @Override
    protected NotificationChannel createChannel(Duration timeout) {
      return NotifyEmailChannel.create(config(timeout));
    }

    @Override
    protected String recipient() {
      return "victim@example.com";
    }
  }

  @Nested
  class Sms extends Base {
    @Override
    protected NotificationChannel createChannel(Duration timeout) {
      return NotifySmsChannel.create(config(timeout));
    }

    @Override
    protected String recipient() {
      return "+447700900123";
    }
  }
}
