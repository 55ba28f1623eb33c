package org.trackmycrime.core.internal.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.model.TimelineKind;

/**
 * One row of {@code tmc_obligation}: the computed obligation, and how far the reminder run has
 * chased it (the {@code …Done} flags survive every recomputation).
 *
 * @param status as computed at {@code computedAt}; reads derive PENDING/OVERDUE from the clock
 * @param nextActionAt when the reminder run should look at it next; null when nothing is left
 */
record StoredObligation(
    String force,
    String crimeReference,
    String victimRef,
    String obligationKey,
    Obligation.Kind kind,
    TimelineKind decision,
    Instant startsAt,
    Instant dueAt,
    LocalDate dueDate,
    Obligation.Status status,
    Instant metAt,
    boolean holding,
    String explanation,
    String officerRef,
    Instant nextActionAt,
    Flags flags,
    Instant computedAt) {

  /** Which of the reminder run's actions have been taken (or passed over). */
  record Flags(boolean dueSoon, boolean holding, boolean overdue, boolean escalation) {
    static final Flags NONE = new Flags(false, false, false, false);

    boolean any() {
      return dueSoon || holding || overdue || escalation;
    }
  }

  /** The victim and key, unique within a crime. */
  String id() {
    return id(victimRef, obligationKey);
  }

  static String id(String victimRef, String obligationKey) {
    return victimRef + "\n" + obligationKey;
  }

  StoredObligation with(Instant next, Flags value) {
    return new StoredObligation(
        force,
        crimeReference,
        victimRef,
        obligationKey,
        kind,
        decision,
        startsAt,
        dueAt,
        dueDate,
        status,
        metAt,
        holding,
        explanation,
        officerRef,
        next,
        value,
        computedAt);
  }

  StoredObligation withStatus(Obligation.Status value) {
    return new StoredObligation(
        force,
        crimeReference,
        victimRef,
        obligationKey,
        kind,
        decision,
        startsAt,
        dueAt,
        dueDate,
        value,
        metAt,
        holding,
        explanation,
        officerRef,
        nextActionAt,
        flags,
        computedAt);
  }

  /** Same obligation, same figures and same next action: nothing to write. */
  boolean sameAs(StoredObligation o) {
    return kind == o.kind
        && decision == o.decision
        && startsAt.equals(o.startsAt)
        && dueAt.equals(o.dueAt)
        && dueDate.equals(o.dueDate)
        && status == o.status
        && Objects.equals(metAt, o.metAt)
        && holding == o.holding
        && explanation.equals(o.explanation)
        && Objects.equals(officerRef, o.officerRef)
        && Objects.equals(nextActionAt, o.nextActionAt);
  }

  /** The public view, with PENDING or OVERDUE as of {@code now}. */
  CaseObligation view(Instant now) {
    Obligation.Status shown =
        status.isOpen()
            ? (Deadlines.isOverdue(dueAt, now)
                ? Obligation.Status.OVERDUE
                : Obligation.Status.PENDING)
            : status;
    return new CaseObligation(
        force,
        crimeReference,
        victimRef,
        obligationKey,
        kind,
        decision,
        startsAt,
        dueAt,
        dueDate,
        shown,
        metAt,
        holding,
        explanation,
        officerRef);
  }
}
