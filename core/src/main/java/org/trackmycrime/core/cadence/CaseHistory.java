package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trackmycrime.core.internal.Checks;

/**
 * What the cadence of one crime depends on, kept small so ingest can store it and ask again later.
 *
 * @param reportedAt when the victim reported the crime; the first regular update counts from here
 * @param statusChanges closures and reopenings, in any order (none while the crime stays open)
 * @param updatesPublishedAt when each victim-visible update was published, in any order; the {@code
 *     toldAt} of key decisions count as updates too and need not be repeated here
 * @param keyDecisions the key decisions on the crime, told or not
 * @param trackedFrom when TrackMyCrime began following the crime, for a crime loaded from history
 *     (a bulk load), or null when it was followed from the report. What fell due before it is
 *     history, never chased: an update or decision still untold at that moment is {@code MISSED},
 *     and regular updates count afresh from it.
 */
public record CaseHistory(
    Instant reportedAt,
    List<StatusChange> statusChanges,
    List<Instant> updatesPublishedAt,
    List<KeyDecision> keyDecisions,
    Instant trackedFrom) {

  public CaseHistory {
    Checks checks =
        new Checks()
            .notNull("reportedAt", reportedAt)
            .noNulls("statusChanges", statusChanges)
            .noNulls("updatesPublishedAt", updatesPublishedAt)
            .noNulls("keyDecisions", keyDecisions);
    if (reportedAt != null && checks.ok()) {
      for (int i = 0; i < statusChanges.size(); i++) {
        checks.require(
            !statusChanges.get(i).at().isBefore(reportedAt),
            "statusChanges[" + i + "].at",
            "must not be before reportedAt");
      }
    }
    checks.throwIfAny();
    statusChanges = List.copyOf(statusChanges);
    updatesPublishedAt = List.copyOf(updatesPublishedAt);
    keyDecisions = List.copyOf(keyDecisions);
  }

  /** A history followed from the report (no {@code trackedFrom}). */
  public CaseHistory(
      Instant reportedAt,
      List<StatusChange> statusChanges,
      List<Instant> updatesPublishedAt,
      List<KeyDecision> keyDecisions) {
    this(reportedAt, statusChanges, updatesPublishedAt, keyDecisions, null);
  }

  /** A crime just reported: open, no updates, no decisions. */
  public static CaseHistory reported(Instant reportedAt) {
    return new CaseHistory(reportedAt, List.of(), List.of(), List.of(), null);
  }

  /** The same history with one more victim-visible update. */
  public CaseHistory withUpdate(Instant publishedAt) {
    return new CaseHistory(
        reportedAt,
        statusChanges,
        append(updatesPublishedAt, publishedAt),
        keyDecisions,
        trackedFrom);
  }

  /** The same history with one more closure or reopening. */
  public CaseHistory withStatusChange(StatusChange change) {
    return new CaseHistory(
        reportedAt, append(statusChanges, change), updatesPublishedAt, keyDecisions, trackedFrom);
  }

  /** The same history with one more key decision. */
  public CaseHistory withKeyDecision(KeyDecision decision) {
    return new CaseHistory(
        reportedAt, statusChanges, updatesPublishedAt, append(keyDecisions, decision), trackedFrom);
  }

  /**
   * The same history, loaded from the records system's past at {@code value}: what fell due before
   * it is history (see {@link #trackedFrom()}). Null means followed from the report.
   */
  public CaseHistory withTrackedFrom(Instant value) {
    return new CaseHistory(reportedAt, statusChanges, updatesPublishedAt, keyDecisions, value);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
