package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.time.LocalDate;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.TimelineKind;

/**
 * One thing a force owes one victim: a regular update, or telling them of a key decision.
 *
 * @param kind regular update or key decision
 * @param decision the key decision's kind, or null for a regular update
 * @param startsAt when the obligation began: the report, a reopening, the last update, or the
 *     decision
 * @param deadline when it is due and why
 * @param metAt when the update that met it was published, or null
 * @param status where it stands as of the report's instant
 */
public record Obligation(
    Kind kind,
    TimelineKind decision,
    Instant startsAt,
    Deadline deadline,
    Instant metAt,
    Status status) {

  public enum Kind {
    /** The next update of the regular cadence. */
    REGULAR_UPDATE,
    /** Telling the victim of a key decision (Victims' Code, Right 6). */
    KEY_DECISION
  }

  public enum Status {
    /** Not met and not yet due. */
    PENDING,
    /** Not met and past due: still owed. */
    OVERDUE,
    MET_ON_TIME,
    MET_LATE,
    /**
     * The crime was closed (or the victim stopped being enrolled) before the update fell due:
     * nothing is owed.
     */
    ENDED,
    /**
     * A breach that is no longer chased: the crime was closed (or the victim stopped being
     * enrolled) after the update fell due and none was published, or it fell due before the crime's
     * history was loaded.
     */
    MISSED;

    /** Still owed: pending or overdue. */
    public boolean isOpen() {
      return this == PENDING || this == OVERDUE;
    }
  }

  public Obligation {
    new Checks()
        .notNull("kind", kind)
        .require(
            (kind == Kind.KEY_DECISION) == (decision != null),
            "decision",
            "is required for a key decision and only for one")
        .notNull("startsAt", startsAt)
        .notNull("deadline", deadline)
        .notNull("status", status)
        .require(
            status == null
                || (metAt != null) == (status == Status.MET_ON_TIME || status == Status.MET_LATE),
            "metAt",
            "is required when met and only then")
        .throwIfAny();
  }

  public Instant dueAt() {
    return deadline.dueAt();
  }

  public LocalDate dueDate() {
    return deadline.dueDate();
  }

  public String explanation() {
    return deadline.explanation();
  }
}
