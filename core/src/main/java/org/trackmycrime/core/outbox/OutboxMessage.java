package org.trackmycrime.core.outbox;

import java.time.Instant;

/**
 * A message waiting to be sent, or that was, as written by the change that caused it.
 *
 * @param idempotencyKey unique per message: the same cause never writes two
 * @param kind what kind of message ({@link #VICTIM_UPDATE}, {@link #OFFICER_DUE_SOON}, ...)
 * @param victimRef the victim an alert is for, or whose obligation a staff notice is about
 * @param entryKey the timeline entry an update alert is about, or null
 * @param officerRef the officer in charge a staff notice is for (or, for an escalation, is about);
 *     null on victim alerts, and when no officer is in charge (the notice then goes to the force's
 *     Command Hub)
 * @param unit the officer's unit, whose supervisor an escalation goes to; null otherwise, or when
 *     the officer has no unit (the escalation then goes to the Command Hub)
 * @param obligationKey the obligation a staff notice is about (see {@code tmc.cadence()}), or null
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
    Instant updatedAt,
    String officerRef,
    String unit,
    String obligationKey) {

  /** A message with no staff recipient or obligation (a victim's alert). */
  public OutboxMessage(
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
    this(
        id,
        force,
        idempotencyKey,
        kind,
        crimeReference,
        victimRef,
        entryKey,
        status,
        createdAt,
        updatedAt,
        null,
        null,
        null);
  }

  /** An alert telling a victim there is an update on their crime (never what it is). */
  public static final String VICTIM_UPDATE = "VICTIM_UPDATE";

  /** Tells the officer in charge that an update or a key decision is due soon. */
  public static final String OFFICER_DUE_SOON = "OFFICER_DUE_SOON";

  /** Tells the officer in charge that an update or a key decision is overdue. */
  public static final String OFFICER_OVERDUE = "OFFICER_OVERDUE";

  /** Tells the supervisor of the officer's unit that an obligation has long been overdue. */
  public static final String SUPERVISOR_ESCALATION = "SUPERVISOR_ESCALATION";

  /** Tells a victim there is a reply to their message (written by {@code tmc.messaging()}). */
  public static final String VICTIM_REPLY = "VICTIM_REPLY";

  /**
   * Tells an officer a victim's message was passed to them (written by {@code tmc.messaging()});
   * {@link #entryKey()} is the message's id.
   */
  public static final String OFFICER_MESSAGE = "OFFICER_MESSAGE";

  /** Tells the Command Hub a victim's channel failed for good (written by the dispatcher). */
  public static final String HUB_VICTIM_UNREACHABLE = "HUB_VICTIM_UNREACHABLE";

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
