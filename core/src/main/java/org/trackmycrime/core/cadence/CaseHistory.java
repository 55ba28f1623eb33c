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
 */
public record CaseHistory(
    Instant reportedAt,
    List<StatusChange> statusChanges,
    List<Instant> updatesPublishedAt,
    List<KeyDecision> keyDecisions) {

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

  /** A crime just reported: open, no updates, no decisions. */
  public static CaseHistory reported(Instant reportedAt) {
    return new CaseHistory(reportedAt, List.of(), List.of(), List.of());
  }

  /** The same history with one more victim-visible update. */
  public CaseHistory withUpdate(Instant publishedAt) {
    return new CaseHistory(
        reportedAt, statusChanges, append(updatesPublishedAt, publishedAt), keyDecisions);
  }

  /** The same history with one more closure or reopening. */
  public CaseHistory withStatusChange(StatusChange change) {
    return new CaseHistory(
        reportedAt, append(statusChanges, change), updatesPublishedAt, keyDecisions);
  }

  /** The same history with one more key decision. */
  public CaseHistory withKeyDecision(KeyDecision decision) {
    return new CaseHistory(
        reportedAt, statusChanges, updatesPublishedAt, append(keyDecisions, decision));
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
