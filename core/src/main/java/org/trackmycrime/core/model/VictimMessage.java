package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;

/**
 * A message from a victim to the investigating officer; it goes to the Command Hub first.
 *
 * @param messageId unique within the force
 * @param body what the victim wrote; never logged
 * @param assignedOfficerRef the officer it was forwarded to, or null while with the hub
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
    Instant updatedAt) {
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
        .throwIfAny();
  }

  public VictimMessage withStatus(MessageStatus value, String officerRef, Instant at) {
    return new VictimMessage(
        force, messageId, crimeReference, victimRef, body, value, officerRef, sentAt, at);
  }
}
