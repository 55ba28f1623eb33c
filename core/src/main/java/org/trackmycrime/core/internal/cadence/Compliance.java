package org.trackmycrime.core.internal.cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.trackmycrime.core.cadence.ComplianceReport;
import org.trackmycrime.core.cadence.ComplianceRow;
import org.trackmycrime.core.cadence.ComplianceRow.Scope;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.internal.cadence.CadenceStore.ComplianceFacts;
import org.trackmycrime.core.model.TimelineKind;

/**
 * Adds up the obligations due in a range, streamed from the index, into the report's groups. One
 * pass; only the lateness of obligations met late is kept, for the medians.
 */
final class Compliance {
  private final String force;
  private final LocalDate from;
  private final LocalDate to;
  private final Instant asOf;
  private final Map<GroupKey, Tally> tallies = new TreeMap<>();

  Compliance(String force, LocalDate from, LocalDate to, Instant asOf) {
    this.force = force;
    this.from = from;
    this.to = to;
    this.asOf = asOf;
  }

  /** Which row a tally feeds; sorts as the report lists rows. */
  private record GroupKey(Scope scope, String ref, Obligation.Kind kind, TimelineKind decision)
      implements Comparable<GroupKey> {
    private static final Comparator<GroupKey> ORDER =
        Comparator.comparing(GroupKey::scope)
            .thenComparing(GroupKey::ref, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(GroupKey::kind) // regular updates first
            .thenComparing(GroupKey::decision, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(GroupKey o) {
      return ORDER.compare(this, o);
    }
  }

  private static final class Tally {
    int metOnTime;
    int metLate;
    int holding;
    int missed;
    int overdue;
    int pending;
    long[] lateSeconds = new long[8];
    int late;

    void add(ComplianceFacts f, boolean overdueNow) {
      switch (f.status()) {
        case MET_ON_TIME -> {
          if (f.holding()) {
            holding++;
          } else {
            metOnTime++;
          }
        }
        case MET_LATE -> {
          metLate++;
          if (late == lateSeconds.length) {
            lateSeconds = Arrays.copyOf(lateSeconds, late * 2);
          }
          lateSeconds[late++] = Duration.between(f.dueAt(), f.metAt()).getSeconds();
        }
        case MISSED -> missed++;
        case PENDING, OVERDUE -> {
          if (overdueNow) {
            overdue++;
          } else {
            pending++;
          }
        }
        case ENDED -> throw new IllegalStateException("ended obligations are not counted");
      }
    }

    Duration median() {
      if (late == 0) {
        return null;
      }
      long[] sorted = Arrays.copyOf(lateSeconds, late);
      Arrays.sort(sorted);
      long mid =
          late % 2 == 1 ? sorted[late / 2] * 1000 : (sorted[late / 2 - 1] + sorted[late / 2]) * 500;
      return Duration.ofMillis(mid);
    }

    ComplianceRow row(GroupKey k) {
      int due = metOnTime + metLate + holding + missed + overdue + pending;
      return new ComplianceRow(
          k.scope(),
          k.ref(),
          k.kind(),
          k.decision(),
          due,
          metOnTime,
          metLate,
          holding,
          missed,
          overdue,
          pending,
          median());
    }
  }

  void add(ComplianceFacts f) {
    if (f.status() == Obligation.Status.ENDED) {
      return; // the crime closed before it fell due: nothing was owed
    }
    boolean overdueNow = Deadlines.isOverdue(f.dueAt(), asOf);
    tally(Scope.FORCE, force, f).add(f, overdueNow);
    tally(Scope.UNIT, f.unit(), f).add(f, overdueNow);
    tally(Scope.OFFICER, f.officerRef(), f).add(f, overdueNow);
  }

  private Tally tally(Scope scope, String ref, ComplianceFacts f) {
    return tallies.computeIfAbsent(
        new GroupKey(scope, ref, f.kind(), f.decision()), k -> new Tally());
  }

  ComplianceReport report() {
    List<ComplianceRow> rows = new ArrayList<>();
    tallies.forEach((k, t) -> rows.add(t.row(k)));
    return new ComplianceReport(Objects.requireNonNull(force), from, to, asOf, rows);
  }
}
