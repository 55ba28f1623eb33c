package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.time.LocalDate;
import org.trackmycrime.core.model.TimelineKind;

/**
 * One obligation to one victim of one crime, as the index holds it: what is owed, by when, and
 * where it stands. Identifiers only; no names.
 *
 * @param obligationKey stable within the victim: {@code REGULAR_UPDATE@<startsAt>} or {@code
 *     KEY_DECISION@<decision>@<occurredAt>} (with {@code #n} when two start at the same instant)
 * @param decision the key decision's kind, or null for a regular update
 * @param startsAt when the obligation began: the report, a reopening, the last update, or the
 *     decision
 * @param dueAt the last instant that still counts as on time
 * @param dueDate the force's local date of {@code dueAt}
 * @param status as of the read: an unmet obligation past {@code dueAt} reads {@code OVERDUE}
 * @param metAt when the update that met it was published, or null
 * @param holding met by a holding update the SDK published
 * @param explanation how the due date was worked, e.g. {@code due by end of 2026-03-30: first
 *     update after the crime was reported 2026-03-02, 28 days}
 * @param officerRef the crime's officer in charge, or null while none is assigned
 */
public record CaseObligation(
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
    String officerRef) {

  /** Still owed: pending or overdue. */
  public boolean isOpen() {
    return status.isOpen();
  }
}
