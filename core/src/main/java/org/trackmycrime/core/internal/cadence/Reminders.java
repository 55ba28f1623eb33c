package org.trackmycrime.core.internal.cadence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.cadence.ReminderRun;
import org.trackmycrime.core.internal.ingest.HoldingUpdates;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.core.store.ForceStore;
import org.trackmycrime.core.store.OfficerStore;

/**
 * The reminder run: for each force, claims the obligations whose next action has come (in batches,
 * one transaction each, skipping rows another node holds) and takes every action that is due, each
 * once: the due-soon reminder (passed over if already overdue), a holding update, the overdue
 * notice, the escalation. Logs carry force slugs and counts only.
 */
final class Reminders {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

  private final Db db;
  private final Clock clock;
  private final CadenceStore store;
  private final ObligationIndex index;
  private final Contexts contexts;
  private final ForceStore forces;
  private final OfficerStore officers;
  private final HoldingUpdates holdingUpdates;
  private final int batchSize;

  Reminders(
      Db db,
      Clock clock,
      CadenceStore store,
      ObligationIndex index,
      Contexts contexts,
      ForceStore forces,
      OfficerStore officers,
      HoldingUpdates holdingUpdates,
      CadenceConfig config) {
    this.db = db;
    this.clock = clock;
    this.store = store;
    this.index = index;
    this.contexts = contexts;
    this.forces = forces;
    this.officers = officers;
    this.holdingUpdates = holdingUpdates;
    this.batchSize = config.reminderBatchSize();
  }

  /** What one batch did. */
  private record Counts(int claimed, int dueSoon, int overdue, int escalations, int holding) {
    Counts plus(Counts o) {
      return new Counts(
          claimed + o.claimed,
          dueSoon + o.dueSoon,
          overdue + o.overdue,
          escalations + o.escalations,
          holding + o.holding);
    }
  }

  ReminderRun run() {
    Instant now = clock.instant();
    Counts total = new Counts(0, 0, 0, 0, 0);
    for (Force force : forces.list()) {
      ForceCadence fc;
      try {
        fc = contexts.of(force);
      } catch (ConfigurationException e) {
        // one force's bad setting must not stop the others being chased
        LOG.warn("cadence reminders {} skipped: {}", force.slug(), e.getMessage());
        continue;
      }
      Counts forForce = new Counts(0, 0, 0, 0, 0);
      Counts batch;
      do {
        batch = db.inTransaction("cadence reminders", h -> batch(h, fc, now));
        forForce = forForce.plus(batch);
      } while (batch.claimed() == batchSize);
      if (forForce.claimed() > 0) {
        LOG.info(
            "cadence reminders {}: {} due soon, {} overdue, {} escalations, {} holding updates",
            force.slug(),
            forForce.dueSoon(),
            forForce.overdue(),
            forForce.escalations(),
            forForce.holding());
      }
      total = total.plus(forForce);
    }
    return new ReminderRun(
        now, total.dueSoon(), total.overdue(), total.escalations(), total.holding());
  }

  private Counts batch(Handle h, ForceCadence fc, Instant now) {
    List<StoredObligation> claimed = store.claimDue(h, fc.slug(), now, batchSize);
    // holding updates first: publishing one meets every victim's regular update on the crime
    Map<String, List<StoredObligation>> holdingDue = new LinkedHashMap<>();
    for (StoredObligation o : claimed) {
      Instant at = fc.holdingAt(o);
      if (at != null
          && !o.flags().holding()
          && !now.isBefore(at)
          && !Deadlines.isOverdue(o.dueAt(), now)) {
        holdingDue.computeIfAbsent(o.crimeReference(), c -> new ArrayList<>()).add(o);
      }
    }
    int holding = 0;
    for (List<StoredObligation> due : holdingDue.values()) {
      holding += publishHolding(h, fc, due, now) ? 1 : 0;
    }
    int dueSoon = 0;
    int overdue = 0;
    int escalations = 0;
    Map<String, Optional<String>> units = new HashMap<>();
    for (StoredObligation o : claimed) {
      if (holdingDue.containsKey(o.crimeReference())) {
        continue; // recomputed just now; what is still due comes in the next batch
      }
      boolean late = Deadlines.isOverdue(o.dueAt(), now);
      StoredObligation.Flags f = o.flags();
      boolean dueSoonDone = f.dueSoon();
      boolean holdingDone = f.holding();
      boolean overdueDone = f.overdue();
      boolean escalationDone = f.escalation();
      if (!dueSoonDone && !now.isBefore(fc.remindAt(o))) {
        if (!late && notice(h, o, OutboxMessage.OFFICER_DUE_SOON, null, now)) {
          dueSoon++;
        }
        dueSoonDone = true; // passed over when it is already overdue: the notice says more
      }
      Instant holdingAt = fc.holdingAt(o);
      if (!holdingDone && holdingAt != null && !now.isBefore(holdingAt)) {
        holdingDone = true; // too late for one: the update is already overdue
      }
      if (!overdueDone && late) {
        if (notice(h, o, OutboxMessage.OFFICER_OVERDUE, null, now)) {
          overdue++;
        }
        overdueDone = true;
      }
      if (!escalationDone && !now.isBefore(fc.escalateAt(o))) {
        String unit =
            o.officerRef() == null
                ? null
                : units
                    .computeIfAbsent(
                        o.officerRef(), ref -> officers.find(fc.slug(), ref).map(Officer::unit))
                    .orElse(null);
        if (notice(h, o, OutboxMessage.SUPERVISOR_ESCALATION, unit, now)) {
          escalations++;
        }
        escalationDone = true;
      }
      StoredObligation.Flags done =
          new StoredObligation.Flags(dueSoonDone, holdingDone, overdueDone, escalationDone);
      StoredObligation progressed =
          o.with(null, done).withStatus(late ? Obligation.Status.OVERDUE : o.status());
      store.progress(h, progressed.with(fc.nextAction(progressed, true), done));
    }
    return new Counts(claimed.size(), dueSoon, overdue, escalations, holding);
  }

  private boolean notice(Handle h, StoredObligation o, String kind, String unit, Instant now) {
    return store.addNotice(h, o, kind, o.officerRef(), unit, now);
  }

  /**
   * Publishes one holding update on the crime, unless one for the same due time exists, and
   * recomputes the crime so it meets what was owed. True when published.
   */
  private boolean publishHolding(
      Handle h, ForceCadence fc, List<StoredObligation> due, Instant now) {
    StoredObligation first = due.stream().min(Comparator.comparing(StoredObligation::dueAt)).get();
    String crimeRef = first.crimeReference();
    String entryKey = "holding:" + first.dueAt();
    boolean exists =
        store.entries(h, fc.slug(), crimeRef).stream().anyMatch(e -> e.entryKey().equals(entryKey));
    if (!exists) {
      String by =
          Optional.ofNullable(first.officerRef())
              .flatMap(ref -> officers.find(fc.slug(), ref))
              .map(Officer::displayName)
              .orElse(fc.force().name());
      holdingUpdates.publish(
          h,
          new TimelineEntry(
              fc.slug(),
              crimeRef,
              entryKey,
              TimelineKind.HOLDING_UPDATE,
              HoldingText.of(by),
              now,
              now));
    }
    for (StoredObligation o : due) {
      StoredObligation.Flags f = o.flags();
      store.progress(
          h,
          o.with(
              o.nextActionAt(),
              new StoredObligation.Flags(f.dueSoon(), true, f.overdue(), f.escalation())));
    }
    index.refresh(h, fc.slug(), crimeRef, now, false);
    return !exists;
  }
}
