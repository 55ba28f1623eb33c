package org.trackmycrime.testing.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;

/**
 * What every {@link NotificationChannel} must do, whatever its provider: send, classify failures as
 * transient or permanent, give up on a provider that hangs within its timeout, recover, and never
 * throw for a failed delivery. A channel artifact's test extends this class, points it at a fake or
 * test instance of its provider, and implements the hooks that make the provider accept, fail or
 * hang:
 *
 * <pre>{@code
 * class SmtpChannelCompatibilityTest extends NotificationChannelCompatibilityKit {
 *   @Override protected NotificationChannel createChannel(Duration timeout) { ... }
 *   @Override protected String recipient() { return "victim@example.org"; }
 *   @Override protected void providerAccepts() { server.accept(); }
 *   ...
 * }
 * }</pre>
 *
 * Each test gets a fresh channel from {@link #createChannel} after {@link #providerAccepts()}, and
 * closes it afterwards.
 */
public abstract class NotificationChannelCompatibilityKit {
  private NotificationChannel channel;
  private int sequence;

  /**
   * A channel talking to the test's provider, with every network timeout set to {@code timeout}.
   */
  protected abstract NotificationChannel createChannel(Duration timeout);

  /** An address or number the test's provider accepts for the channel's kind. */
  protected abstract String recipient();

  /** From now on the provider accepts messages. */
  protected abstract void providerAccepts();

  /** From now on the provider fails in a way worth retrying (SMTP 421, HTTP 503 or 429). */
  protected abstract void providerFailsTransiently();

  /** From now on the provider refuses the recipient for good (SMTP 550, Twilio 21211). */
  protected abstract void providerFailsPermanently();

  /** From now on the provider accepts connections and then never answers. */
  protected abstract void providerHangs();

  /**
   * The texts the provider has received, oldest first: for email the plain-text body, for SMS the
   * whole text.
   */
  protected abstract List<String> receivedTexts();

  /** The timeout given to {@link #createChannel}; short, so the hang test is quick. */
  protected Duration timeout() {
    return Duration.ofSeconds(1);
  }

  /** The channel under test. */
  protected final NotificationChannel channel() {
    return channel;
  }

  @BeforeEach
  final void createTheChannel() {
    providerAccepts();
    channel = createChannel(timeout());
  }

  @AfterEach
  final void closeTheChannel() {
    if (channel != null) {
      channel.close();
    }
  }

  /** A message of the channel's kind to {@link #recipient()} with this text. */
  protected OutgoingMessage message(String text) {
    String key = "kit|" + getClass().getSimpleName() + "|" + (++sequence) + "|" + System.nanoTime();
    boolean email = channel.kind() == Channel.EMAIL;
    return new OutgoingMessage(
        key,
        channel.kind(),
        recipient(),
        "Victim updates",
        Language.EN,
        email ? "There is an update on your report" : null,
        text,
        email ? "<p>" + text + "</p>" : null,
        "VICTIM_UPDATE",
        Map.of("portalUrl", "https://victims.example.org"));
  }

  @Test
  @DisplayName("describes itself: a short lower-case name and the kind it delivers")
  void describesItself() {
    assertTrue(
        channel.name().matches("[a-z0-9][a-z0-9-]{0,31}"),
        "name must be 1-32 lower-case letters, digits or hyphens: " + channel.name());
    assertTrue(channel.kind() != null, "kind must be EMAIL or SMS");
  }

  @Test
  @DisplayName("sends a message the provider accepts, and the provider has its text")
  void sendsAMessageTheProviderAccepts() {
    String text =
        "There is an update on your report. Sign in to read it: https://victims.example.org";

    SendResult result = channel.send(message(text));

    assertInstanceOf(SendResult.Accepted.class, result, "the provider accepted: " + result);
    assertEquals(1, receivedTexts().size(), "the provider received one message");
    assertTrue(
        receivedTexts().get(0).contains(text),
        "the provider received the text unchanged: " + receivedTexts().get(0));
  }

  @Test
  @DisplayName("carries Welsh text intact")
  void carriesWelshTextIntact() {
    String text =
        channel.kind() == Channel.EMAIL
            ? "Peidiwch â'i rannu gydag unrhyw un. Dŵr, tŷ, ŵy"
            : "Mae diweddariad ar eich adroddiad. Mewngofnodwch i'w ddarllen";

    assertInstanceOf(SendResult.Accepted.class, channel.send(message(text)));
    assertTrue(
        receivedTexts().get(receivedTexts().size() - 1).contains(text),
        "Welsh arrives as written: " + receivedTexts().get(receivedTexts().size() - 1));
  }

  @Test
  @DisplayName("sends many messages over one channel")
  void sendsManyMessages() {
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(SendResult.Accepted.class, channel.send(message("message " + i)));
    }
    assertEquals(5, receivedTexts().size(), "every message arrived");
  }

  @Test
  @DisplayName("classifies a failure worth retrying as transient")
  void classifiesATransientFailure() {
    providerFailsTransiently();

    SendResult result = channel.send(message("transient"));

    assertInstanceOf(SendResult.Transient.class, result, "a retryable failure: " + result);
    assertTrue(((SendResult.Transient) result).code() != null, "the provider's code is kept");
  }

  @Test
  @DisplayName("classifies a refused recipient as permanent")
  void classifiesAPermanentFailure() {
    providerFailsPermanently();

    SendResult result = channel.send(message("permanent"));

    assertInstanceOf(SendResult.Permanent.class, result, "a permanent failure: " + result);
    assertTrue(((SendResult.Permanent) result).code() != null, "the provider's code is kept");
  }

  @Test
  @DisplayName("sends again once the provider recovers")
  void recoversAfterATransientFailure() {
    providerFailsTransiently();
    assertInstanceOf(SendResult.Transient.class, channel.send(message("during the outage")));

    providerAccepts();

    assertInstanceOf(SendResult.Accepted.class, channel.send(message("after the outage")));
  }

  @Test
  @DisplayName("gives up on a provider that hangs, within its timeout, as a transient failure")
  void givesUpOnAHangingProvider() {
    providerHangs();

    long started = System.nanoTime();
    SendResult result = channel.send(message("hanging"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertInstanceOf(SendResult.Transient.class, result, "a hang is worth retrying: " + result);
    Duration bound = timeout().multipliedBy(4).plusSeconds(2);
    assertTrue(took.compareTo(bound) < 0, "gave up after " + took + ", not within " + bound);
  }

  @Test
  @DisplayName("sends again after a hang once the provider answers")
  void recoversAfterAHang() {
    providerHangs();
    assertInstanceOf(SendResult.Transient.class, channel.send(message("hanging")));

    providerAccepts();

    assertInstanceOf(SendResult.Accepted.class, channel.send(message("answering again")));
  }

  @Test
  @DisplayName("is safe to use from several threads at once")
  void isThreadSafe() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<SendResult>> sends = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        OutgoingMessage m = message("parallel " + i);
        sends.add(() -> channel.send(m));
      }
      for (Future<SendResult> f : pool.invokeAll(sends, 60, TimeUnit.SECONDS)) {
        assertInstanceOf(SendResult.Accepted.class, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(12, receivedTexts().size(), "every message arrived once");
  }

  @Test
  @DisplayName("can be closed twice")
  void closesTwice() {
    channel.close();
    channel.close();
  }
}
