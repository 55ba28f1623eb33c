package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.messaging.MessageTopic;

/**
 * A message from a victim to the investigating officer; it goes to the Command Hub first (see
 * {@code tmc.messaging()}).
 *
 * @param messageId unique within the force
 * @param body what the victim wrote; never logged
 * @param assignedOfficerRef the officer it was forwarded to, or null while with the hub
 * @param topic what it is about
 * @param urgent its text looked urgent or like a new crime when sent (flagged to the hub)
 * @param assignedUnit the unit it was reassigned to, or null
 */
public record VictimMessage(
    String force,
    String messageId,
    String crimeReference,
    String victimRef,
    String body,
    MessageStatus status,
    String assignedOfficerRef,
    Instant sentAt,
    Instant updatedAt,
    MessageTopic topic,
    boolean urgent,
    String assignedUnit) {
  public static final int MAX_BODY = 4000;

  public VictimMessage {
    new Checks()
        .slug("force", force)
        .ref("messageId", messageId)
        .text("crimeReference", crimeReference, 64)
        .ref("victimRef", victimRef)
        .text("body", body, MAX_BODY)
        .notNull("status", status)
        .optionalRef("assignedOfficerRef", assignedOfficerRef)
        .notNull("sentAt", sentAt)
        .notNull("updatedAt", updatedAt)
        .notNull("topic", topic)
        .optionalText("assignedUnit", assignedUnit, 200)
        .throwIfAny();
  }

  /** A question that was not flagged urgent and is not with a unit. */
  public VictimMessage(
      String force,
      String messageId,
      String crimeReference,
      String victimRef,
      String body,
      MessageStatus status,
      String assignedOfficerRef,
      Instant sentAt,
      Instant updatedAt) {
    this(
        force,
        messageId,
        crimeReference,
        victimRef,
        body,
        status,
        assignedOfficerRef,
        sentAt,
        updatedAt,
        MessageTopic.QUESTION,
        false,
        null);
  }

  /** The same message in another status, with the officer (the unit is cleared). */
  public VictimMessage withStatus(MessageStatus value, String officerRef, Instant at) {
    return withAssignment(value, officerRef, null, at);
  }

  /** The same message in another status, with the officer and unit it is assigned to. */
  public VictimMessage withAssignment(
      MessageStatus value, String officerRef, String unit, Instant at) {
    return new VictimMessage(
        force,
        messageId,
        crimeReference,
        victimRef,
        body,
        value,
        officerRef,
        sentAt,
        at,
        topic,
        urgent,
        unit);
  }

  /** The same message, status changed, assignment kept. */
  public VictimMessage withStatus(MessageStatus value, Instant at) {
    return withAssignment(value, assignedOfficerRef, assignedUnit, at);
  }

  /** Identifiers only: the body is left out on purpose. */
  @Override
  public String toString() {
    return "VictimMessage["
        + force
        + " "
        + messageId
        + " "
        + crimeReference
        + " "
        + victimRef
        + " "
        + status
        + (urgent ? " urgent" : "")
        + "]";
  }
}
