package org.trackmycrime.notifications;

import java.time.Instant;
import org.trackmycrime.core.model.Channel;

/**
 * The definitive result of one outbox message on one channel.
 *
 * @param outcome {@code ACCEPTED} by the provider, or {@code REJECTED} for good
 * @param providerId the provider's id, to match receipts; null when rejected or when the provider
 *     gives none
 * @param receipt the latest receipt status, or null when no receipt has come
 * @param attempt the sending pass it happened on
 * @param errorCode the provider's code when rejected
 */
public record Delivery(
    long outboxId,
    Channel channel,
    String channelName,
    Outcome outcome,
    String providerId,
    ReceiptStatus receipt,
    int attempt,
    String errorCode,
    Instant recordedAt) {

  /** Accepted by the provider, or refused for good. */
  public enum Outcome {
    ACCEPTED,
    REJECTED
  }
}
