package org.trackmycrime.core.messaging;

import java.time.Instant;
import org.trackmycrime.core.model.Actor;

/**
 * One step in a message's history, for staff only: who did what, to whom, and their internal note.
 *
 * @param seq 1 for the victim sending it, then one more per action
 * @param officerRef the officer forwarded or reassigned to, or null
 * @param unit the unit reassigned to, or null
 * @param closeReason for {@link Type#CLOSED}; null otherwise
 * @param note the staff member's internal note, or null; never shown to the victim
 */
public record MessageAction(
    int seq,
    Type type,
    Actor by,
    Instant at,
    String officerRef,
    String unit,
    CloseReason closeReason,
    String note) {

  /** What was done. */
  public enum Type {
    SENT,
    FORWARDED,
    REASSIGNED,
    REPLIED,
    CLOSED
  }

  /** Without the note. */
  @Override
  public String toString() {
    return "MessageAction[" + seq + " " + type + " " + by + " " + at + "]";
  }
}
