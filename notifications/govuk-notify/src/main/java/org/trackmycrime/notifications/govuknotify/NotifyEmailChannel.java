package org.trackmycrime.notifications.govuknotify;

import java.time.Clock;
import java.util.Objects;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.govuknotify.internal.NotifySender;

/**
 * Sends emails through GOV.UK Notify, by template: the message's {@code templateKey} and language
 * pick the Notify template ({@link NotifyConfig#templates()}), its {@code personalisation} fills
 * the template's fields, and its idempotency key goes as Notify's {@code reference}.
 *
 * <p>How answers map: 201 is {@link SendResult.Accepted} with Notify's notification id; 429
 * (RateLimitError, TooManyRequestsError), 5xx, timeouts and connection failures are {@link
 * SendResult.Transient}, with the {@code Retry-After} wait when Notify gives one; 400
 * (BadRequestError, ValidationError) is {@link SendResult.Permanent}; 403 (AuthError) and a 400
 * about our setup (unknown template, missing personalisation, team-only key) are Permanent with a
 * code starting {@code config-}, as is a template key with no Notify template configured.
 *
 * <p>Each send makes exactly one HTTP request; retries belong to the dispatcher. Thread-safe. Logs
 * carry idempotency keys, notification ids and error names, never addresses, numbers or text.
 */
public final class NotifyEmailChannel implements NotificationChannel {
  private final NotifySender sender;

  private NotifyEmailChannel(NotifyConfig config, Clock clock) {
    this.sender =
        new NotifySender(
            Objects.requireNonNull(config, "config"),
            Objects.requireNonNull(clock, "clock"),
            name());
  }

  /** A channel for this configuration. */
  public static NotifyEmailChannel create(NotifyConfig config) {
    return new NotifyEmailChannel(config, Clock.systemUTC());
  }

  /** A channel whose {@code Retry-After} dates are read against the given clock (for tests). */
  public static NotifyEmailChannel create(NotifyConfig config, Clock clock) {
    return new NotifyEmailChannel(config, clock);
  }

  @Override
  public String name() {
    return "notify-email";
  }

  @Override
  public Channel kind() {
    return Channel.EMAIL;
  }

  /**
   * Sends one message. Never throws for a failed delivery; throws {@link IllegalArgumentException}
   * for a message of the other kind and {@link IllegalStateException} after {@link #close()}.
   */
  @Override
  public SendResult send(OutgoingMessage message) {
    return sender.send(Objects.requireNonNull(message, "message"), Channel.EMAIL);
  }

  /** Stops sending; later calls to {@link #send} throw. */
  @Override
  public void close() {
    sender.close();
  }

  @Override
  public String toString() {
    return "NotifyEmailChannel";
  }
}
