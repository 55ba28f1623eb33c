package org.trackmycrime.notifications;

import java.time.Instant;
import org.trackmycrime.core.model.Channel;

/**
 * What happened to an outbox message, for a host's monitoring (see {@link DispatchListener}).
 * Events carry identifiers, kinds, channels and codes: never addresses, numbers, names or text.
 */
public sealed interface DispatchEvent {
  /** The outbox row's id. */
  long outboxId();

  String force();

  /** The message kind ({@link MessageKind#name()}). */
  String kind();

  /** When it happened, by the dispatcher's clock. */
  Instant at();

  /**
   * A provider accepted the message.
   *
   * @param channelName the {@link NotificationChannel#name()} that sent it
   * @param attempt the sending pass, from 1
   * @param providerId the provider's id for it, or null
   */
  record Sent(
      long outboxId,
      String force,
      String kind,
      Channel channel,
      String channelName,
      int attempt,
      String providerId,
      Instant at)
      implements DispatchEvent {}

  /** The provider reported the message delivered. */
  record Delivered(
      long outboxId,
      String force,
      String kind,
      Channel channel,
      String channelName,
      String providerId,
      Instant at)
      implements DispatchEvent {}

  /**
   * A send failed, or the provider reported that a message it accepted was not delivered.
   *
   * @param failure how it failed
   * @param code the provider's or the dispatcher's code (an SMTP reply code, a Twilio error)
   */
  record Failed(
      long outboxId,
      String force,
      String kind,
      Channel channel,
      String channelName,
      int attempt,
      Failure failure,
      String code,
      Instant at)
      implements DispatchEvent {}

  /**
   * The message was given up after its last attempt; it is listed by {@link Dispatcher#deadLetters}
   * and can be retried with {@link Dispatcher#retryDeadLetter}.
   */
  record DeadLettered(
      long outboxId, String force, String kind, int attempts, String code, Instant at)
      implements DispatchEvent {}

  /** How a send failed. */
  enum Failure {
    /** Worth trying again: it will be. */
    TRANSIENT,
    /** Will never work for this recipient: the channel is marked unreachable. */
    PERMANENT,
    /** Accepted, then reported undelivered by the provider's receipt. */
    RECEIPT
  }
}
