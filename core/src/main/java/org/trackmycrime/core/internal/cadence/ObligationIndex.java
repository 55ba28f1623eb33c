package org.trackmycrime.core.internal.cadence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.cadence.CadenceReport;
import org.trackmycrime.core.cadence.CaseHistory;
import org.trackmycrime.core.cadence.KeyDecision;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.cadence.StatusChange;
import org.trackmycrime.core.cadence.internal.Texts;
import org.trackmycrime.core.internal.cadence.CadenceStore.CrimeFacts;
import org.trackmycrime.core.internal.cadence.CadenceStore.EntryFacts;
import org.trackmycrime.core.internal.cadence.CadenceStore.VictimFacts;
import org.trackmycrime.core.internal.ingest.IngestListener;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.RiskStatus;
import org.trackmycrime.core.model.TimelineKind;

/**
 * Keeps {@code tmc_obligation} equal to what the calculator says each victim of a crime is owed,
 * rewriting only the rows that changed. Called in the transaction of every change to the crime.
 *
 * <p>Inputs, all from stored state so the answer does not depend on the order events arrived in:
 * the crime's report time; its timeline (each entry's publication is an update, except the entry
 * recording the crime; {@code CASE_CLOSED} and {@code CASE_REOPENED} entries are status changes at
 * their {@code occurredAt}; key-decision entries are decisions told at their publication); its
 * victims' enrolment and terms; and {@code cadence_from}, set once, the first time the crime is
 * computed: the bulk load's instant when that was a load of history, otherwise the epoch.
 */
final class ObligationIndex implements IngestListener {
  private final CadenceStore store;
  private final Contexts contexts;

  ObligationIndex(CadenceStore store, Contexts contexts) {
    this.store = store;
    this.contexts = contexts;
  }

  @Override
  public void eventApplied(
      Handle h, String force, String crimeReference, Instant now, boolean history) {
    refresh(h, force, crimeReference, now, history);
  }

  /** Recomputes one crime's obligations as of {@code now}. */
  void refresh(Handle h, String force, String crimeRef, Instant now, boolean history) {
    Optional<CrimeFacts> found = store.crime(h, force, crimeRef);
    if (found.isEmpty()) {
      return;
    }
    CrimeFacts crime = found.get();
    Instant cadenceFrom = crime.cadenceFrom();
    if (cadenceFrom == null) {
      cadenceFrom = history ? now : Instant.EPOCH;
      store.setCadenceFrom(h, force, crimeRef, cadenceFrom);
    }
    ForceCadence fc = contexts.of(crime.force());
    List<EntryFacts> entries = store.entries(h, force, crimeRef);
    CaseHistory caseHistory = history(crime, cadenceFrom, entries);
    boolean open = isOpen(caseHistory, now);
    Set<Instant> holdingOnly = holdingOnlyInstants(entries);

    Map<String, StoredObligation> existing = new HashMap<>();
    for (StoredObligation o : store.forCrime(h, force, crimeRef)) {
      existing.put(o.id(), o);
    }
    List<StoredObligation> inserts = new ArrayList<>();
    List<StoredObligation> updates = new ArrayList<>();
    for (VictimFacts v : store.victims(h, force, crimeRef)) {
      Instant asOf = owedUntil(v.enrolment(), now);
      if (asOf == null) {
        continue;
      }
      boolean owedNow = isOwed(v.enrolment().stateAt(now));
      CadenceReport report = fc.calculator().calculate(caseHistory, v.terms(), asOf);
      Map<String, Integer> seen = new HashMap<>();
      for (Obligation ob : report.obligations()) {
        Obligation.Status status = ob.status();
        if (!owedNow && status.isOpen()) {
          // the victim stopped being owed updates: as if the crime had closed then
          status =
              status == Obligation.Status.OVERDUE
                  ? Obligation.Status.MISSED
                  : Obligation.Status.ENDED;
        }
        String key = key(ob, seen);
        StoredObligation before = existing.remove(StoredObligation.id(v.victimRef(), key));
        StoredObligation.Flags flags =
            before == null ? StoredObligation.Flags.NONE : before.flags();
        StoredObligation computed =
            new StoredObligation(
                force,
                crimeRef,
                v.victimRef(),
                key,
                ob.kind(),
                ob.decision(),
                ob.startsAt(),
                Deadlines.stored(ob.dueAt()),
                ob.dueDate(),
                status,
                ob.metAt(),
                ob.metAt() != null && holdingOnly.contains(ob.metAt()),
                ob.explanation(),
                crime.officerRef(),
                null,
                flags,
                now);
        boolean chased = open && status.isOpen();
        computed = computed.with(fc.nextAction(computed, chased), flags);
        if (before == null) {
          inserts.add(computed);
        } else if (!before.sameAs(computed)) {
          updates.add(computed);
        }
        if (before != null && !chased) {
          stopChasing(h, before, now);
        }
      }
    }
    store.write(h, inserts, updates);
    for (StoredObligation gone : existing.values()) {
      store.delete(h, gone);
      stopChasing(h, gone, now);
    }
  }

  /** Notices already written for an obligation no longer chased are cancelled if not yet sent. */
  private void stopChasing(Handle h, StoredObligation before, Instant now) {
    if (before.flags().any() && (before.status().isOpen() || before.nextActionAt() != null)) {
      store.cancelNotices(h, before, now);
    }
  }

  static CaseHistory history(CrimeFacts crime, Instant cadenceFrom, List<EntryFacts> entries) {
    List<StatusChange> changes = new ArrayList<>();
    List<Instant> updates = new ArrayList<>();
    List<KeyDecision> decisions = new ArrayList<>();
    List<EntryFacts> ordered = new ArrayList<>(entries);
    // decisions at the same instant keep one order, so their keys (#n) are stable
    ordered.sort(Comparator.comparing(EntryFacts::occurredAt).thenComparing(EntryFacts::entryKey));
    for (EntryFacts e : ordered) {
      if (e.kind() != TimelineKind.CRIME_RECORDED) {
        updates.add(e.publishedAt());
      }
      // a change dated before the report (bad or corrected data) counts from the report
      Instant at =
          e.occurredAt().isBefore(crime.reportedAt()) ? crime.reportedAt() : e.occurredAt();
      if (e.kind() == TimelineKind.CASE_CLOSED) {
        changes.add(StatusChange.closed(at));
      } else if (e.kind() == TimelineKind.CASE_REOPENED) {
        changes.add(StatusChange.reopened(at));
      } else if (e.kind().isKeyDecision()) {
        decisions.add(
            new KeyDecision(e.kind(), e.occurredAt(), Texts.decision(e.kind()), e.publishedAt()));
      }
    }
    Instant trackedFrom = cadenceFrom.isAfter(crime.reportedAt()) ? cadenceFrom : null;
    return new CaseHistory(crime.reportedAt(), changes, updates, decisions, trackedFrom);
  }

  /** Open as of {@code now}: the last closure or reopening up to then, by time, decides. */
  static boolean isOpen(CaseHistory history, Instant now) {
    List<StatusChange> changes = new ArrayList<>(history.statusChanges());
    changes.sort(Comparator.comparing(StatusChange::at));
    boolean open = true;
    for (StatusChange c : changes) {
      if (!c.at().isAfter(now)) {
        open = c.status() == CrimeStatus.OPEN;
      }
    }
    return open;
  }

  /** Instants at which only holding updates were published: updates met by them are "holding". */
  private static Set<Instant> holdingOnlyInstants(List<EntryFacts> entries) {
    Set<Instant> holding = new HashSet<>();
    Set<Instant> other = new HashSet<>();
    for (EntryFacts e : entries) {
      (e.kind() == TimelineKind.HOLDING_UPDATE ? holding : other).add(e.publishedAt());
    }
    holding.removeAll(other);
    return holding;
  }

  /**
   * Until when the victim is owed updates: {@code now} while enrolled and not found unsuitable (a
   * pending risk assessment still counts: the officer is chased though nobody may alert the
   * victim); the moment that stopped, when it has; null when it never began.
   */
  static Instant owedUntil(Enrolment enrolment, Instant now) {
    TreeSet<Instant> instants = new TreeSet<>();
    for (EnrolmentTransition t : enrolment.history()) {
      if (!t.at().isAfter(now)) {
        instants.add(t.at());
      }
    }
    boolean owed = false;
    boolean ever = false;
    Instant stopped = null;
    for (Instant at : instants) {
      boolean owedThen = isOwed(enrolment.stateAt(at));
      if (owed && !owedThen) {
        stopped = at;
      }
      ever |= owedThen;
      owed = owedThen;
    }
    return owed ? now : ever ? stopped : null;
  }

  private static boolean isOwed(Enrolment.State s) {
    return s.consent() == Consent.ENROLLED && s.risk() != RiskStatus.UNSUITABLE;
  }

  /** The obligation's key within its victim; a repeat at the same instant gets {@code #n}. */
  private static String key(Obligation ob, Map<String, Integer> seen) {
    String base =
        ob.kind() == Obligation.Kind.REGULAR_UPDATE
            ? ob.kind().name() + "@" + ob.startsAt()
            : ob.kind().name() + "@" + ob.decision().name() + "@" + ob.startsAt();
    int n = seen.merge(base, 1, Integer::sum) - 1;
    return n == 0 ? base : base + "#" + n;
  }
}
