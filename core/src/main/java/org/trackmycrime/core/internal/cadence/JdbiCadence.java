package org.trackmycrime.core.internal.cadence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trackmycrime.core.cadence.Cadence;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.ComplianceReport;
import org.trackmycrime.core.cadence.ReminderRun;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.internal.ingest.HoldingUpdates;
import org.trackmycrime.core.internal.ingest.IngestListener;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.store.ForceStore;
import org.trackmycrime.core.store.OfficerStore;
import org.trackmycrime.core.store.VictimStore;

/** The {@link Cadence} facade over the obligations index, the reminder run and the report. */
public final class JdbiCadence implements Cadence {
  /** The most rows one list returns. */
  public static final int MAX_LIMIT = 10_000;

  private static final Comparator<StoredObligation> SOONEST_FIRST =
      Comparator.comparing(StoredObligation::dueAt)
          .thenComparing(StoredObligation::crimeReference)
          .thenComparing(StoredObligation::victimRef)
          .thenComparing(StoredObligation::obligationKey);

  private final Db db;
  private final Clock clock;
  private final CadenceStore store = new CadenceStore();
  private final Contexts contexts;
  private final ObligationIndex index;
  private final Reminders reminders;
  private final int batchSize;

  public JdbiCadence(
      Db db,
      Clock clock,
      CadenceConfig config,
      ForceStore forces,
      VictimStore victims,
      OfficerStore officers) {
    this.db = db;
    this.clock = clock;
    this.contexts = new Contexts(forces, config);
    this.batchSize = config.reminderBatchSize();
    this.index = new ObligationIndex(store, contexts);
    this.reminders =
        new Reminders(
            db,
            clock,
            store,
            index,
            contexts,
            forces,
            officers,
            new HoldingUpdates(victims),
            config);
  }

  /** What the ingest tells after each applied event, to keep the index in step. */
  public IngestListener ingestListener() {
    return index;
  }

  @Override
  public List<CaseObligation> dueSoon(String force, Duration within, int limit) {
    new Checks()
        .notNull("within", within)
        .require(within == null || !within.isNegative(), "within", "must not be negative")
        .require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .throwIfAny();
    Instant now = clock.instant();
    return db.with(
        "cadence due soon",
        h ->
            views(
                store.openDueBetween(
                    h, force, Deadlines.overdueCutoff(now), now.plus(within), limit),
                now));
  }

  @Override
  public List<CaseObligation> overdue(String force, int limit) {
    checkLimit(limit);
    Instant now = clock.instant();
    return db.with(
        "cadence overdue",
        h -> views(store.openDueBefore(h, force, Deadlines.overdueCutoff(now), limit), now));
  }

  @Override
  public List<CaseObligation> forOfficer(String force, String officerRef) {
    Instant now = clock.instant();
    return db.with(
        "cadence for officer",
        h -> views(store.openForOfficer(h, force, officerRef, MAX_LIMIT), now));
  }

  /**
   * Officer by officer, each an indexed read of at most {@code limit} rows, merged: a plan that
   * joined the officers to the force's due-date order could scan most of a large force.
   */
  @Override
  public List<CaseObligation> forUnit(String force, String unit, int limit) {
    checkLimit(limit);
    Instant now = clock.instant();
    return db.with(
        "cadence for unit",
        h -> {
          List<StoredObligation> rows = new ArrayList<>();
          for (String officer : store.unitOfficers(h, force, unit)) {
            rows.addAll(store.openForOfficer(h, force, officer, limit));
          }
          rows.sort(SOONEST_FIRST);
          return views(rows.subList(0, Math.min(limit, rows.size())), now);
        });
  }

  @Override
  public List<CaseObligation> forCrime(String force, String crimeReference) {
    Instant now = clock.instant();
    return db.with("cadence for crime", h -> views(store.forCrime(h, force, crimeReference), now));
  }

  @Override
  public ReminderRun runReminders() {
    return reminders.run();
  }

  @Override
  public ComplianceReport compliance(String force, LocalDate from, LocalDate to) {
    new Checks()
        .notNull("from", from)
        .notNull("to", to)
        .require(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
        .throwIfAny();
    Instant now = clock.instant();
    // in a transaction so PostgreSQL streams the rows instead of loading them all
    return db.inTransaction(
        "cadence compliance",
        h -> {
          ForceCadence fc = contexts.of(force);
          Compliance tally = new Compliance(force, from, to, now);
          store.complianceFacts(h, force, fc.startOf(from), fc.startOf(to.plusDays(1)), tally::add);
          return tally.report();
        });
  }

  @Override
  public void refresh(String force, String crimeReference) {
    Instant now = clock.instant();
    db.useTransaction("cadence refresh", h -> index.refresh(h, force, crimeReference, now, false));
  }

  @Override
  public int rebuild(String force) {
    Instant now = clock.instant();
    int done = 0;
    String after = null;
    while (true) {
      String from = after;
      List<String> refs =
          db.inTransaction(
              "cadence rebuild",
              h -> {
                List<String> batch = store.crimeRefs(h, force, from, batchSize);
                for (String ref : batch) {
                  index.refresh(h, force, ref, now, true);
                }
                return batch;
              });
      done += refs.size();
      if (refs.size() < batchSize) {
        return done;
      }
      after = refs.get(refs.size() - 1);
    }
  }

  private static void checkLimit(int limit) {
    new Checks()
        .require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .throwIfAny();
  }

  private static List<CaseObligation> views(List<StoredObligation> rows, Instant now) {
    return rows.stream().map(o -> o.view(now)).toList();
  }
}
