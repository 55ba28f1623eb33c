package org.trackmycrime.core.cadence;

import java.time.Duration;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.TimelineKind;

/**
 * The figures for one group (the force, a unit or an officer) and one type of obligation (regular
 * updates, or one kind of key decision), over a report's date range.
 *
 * <p>{@code due} counts every obligation whose due date is in the range and that was owed (those
 * that ended with the crime's closure before falling due are not): {@code due = metOnTime + metLate
 * + holding + missed + overdue + pending}.
 *
 * @param scopeRef the force's slug, the unit's name or the officer's ref; null for obligations
 *     whose crime has no officer in charge, or whose officer has no unit
 * @param decision the key decision's kind, or null for regular updates
 * @param metOnTime met on time by an update the force published
 * @param metLate met after the due date
 * @param holding met on time by a holding update the SDK published
 * @param missed never met and no longer chased (the crime was closed, the victim left, or the due
 *     date came before the crime's history was loaded)
 * @param overdue past due and still owed
 * @param pending not yet due (the range reaches past the report's instant)
 * @param medianLateness the median of {@code metAt - dueAt} over those met late, or null if none
 */
public record ComplianceRow(
    Scope scope,
    String scopeRef,
    Obligation.Kind kind,
    TimelineKind decision,
    int due,
    int metOnTime,
    int metLate,
    int holding,
    int missed,
    int overdue,
    int pending,
    Duration medianLateness) {

  /** Whose figures a row holds. */
  public enum Scope {
    FORCE,
    UNIT,
    OFFICER
  }

  public ComplianceRow {
    new Checks()
        .notNull("scope", scope)
        .notNull("kind", kind)
        .require(
            (kind == Obligation.Kind.KEY_DECISION) == (decision != null),
            "decision",
            "is required for a key decision and only for one")
        .require(
            due == metOnTime + metLate + holding + missed + overdue + pending,
            "due",
            "must be the sum of the outcomes")
        .throwIfAny();
  }

  /** {@code REGULAR_UPDATE} or the key decision's kind, e.g. {@code SUSPECT_CHARGED}. */
  public String type() {
    return decision == null ? kind.name() : decision.name();
  }
}
