package org.trackmycrime.core.outbox;

import java.time.Instant;

/**
 * A message waiting to be sent, or that was, as written by the change that caused it.
 *
 * @param idempotencyKey unique per message: the same cause never writes two
 * @param kind what kind of message ({@link #VICTIM_UPDATE}, ...)
 * @param entryKey the timeline entry an update alert is about, or null
 */
public record OutboxMessage(
    long id,
    String force,
    String idempotencyKey,
    String kind,
    String crimeReference,
    String victimRef,
    String entryKey,
    Status status,
    Instant createdAt,
    Instant updatedAt) {

  /** An alert telling a victim there is an update on their crime (never what it is). */
  public static final String VICTIM_UPDATE = "VICTIM_UPDATE";

  /** Where a message stands. Delivery states are added by the notifications module. */
  public enum Status {
    PENDING,
    CANCELLED,
    SENT,
    DELIVERED,
    FAILED,
    DEAD,
    /** Folded into another alert for the same victim and crime, which was sent in its place. */
    COALESCED
  }
}
