package org.trackmycrime.notifications;

import org.trackmycrime.core.model.Channel;

/**
 * One way of delivering a message: an SMTP server, Twilio, GOV.UK Notify. Each provider ships in
 * its own artifact ({@code trackmycrime-notifications-smtp}, {@code -twilio}, {@code
 * -govuk-notify}) so a force that sends only email never has the Twilio SDK on its classpath.
 *
 * <p>Implementations are thread-safe, set timeouts on every network call, and never throw for a
 * delivery failure: they classify it in the returned {@link SendResult}. They log identifiers only,
 * never addresses, numbers or message text.
 */
public interface NotificationChannel extends AutoCloseable {
  /** A short fixed name for logs and metrics, such as {@code smtp} or {@code twilio}. */
  String name();

  /** What this channel delivers: email or text messages. */
  Channel kind();

  /**
   * Sends one message. The idempotency key is passed to providers that accept one, so a message
   * re-sent after a crash is recognisable as a duplicate there.
   */
  SendResult send(OutgoingMessage message);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
