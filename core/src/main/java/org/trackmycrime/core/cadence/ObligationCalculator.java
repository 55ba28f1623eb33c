package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.trackmycrime.core.cadence.CadencePolicy.Interval;
import org.trackmycrime.core.cadence.internal.Texts;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.ForceSettings;

/**
 * Works out what a force owes one victim of one crime, and whether it delivered: pure, with no
 * database or clock, so the same inputs always give the same answer.
 *
 * <p>Regular updates: the first is due one interval of the policy's schedule after the report; each
 * victim-visible update (key-decision entries included) meets the one outstanding and starts the
 * next, due one further interval after that update. An overdue update stays overdue until an update
 * arrives. Closing the crime stops regular updates; reopening restarts the schedule from the
 * reopening. An interval agreed with the victim replaces any longer one.
 *
 * <p>Key decisions: each is due within the policy's working days (5, or 1 for enhanced rights, by
 * the presets) after the local date it happened, and is met when the timeline entry telling of it
 * is published. Closing the crime does not cancel them.
 *
 * <p>History: for a crime loaded from the records system's past ({@link
 * CaseHistory#trackedFrom()}), whatever fell due before the load is never chased. A regular update
 * overdue at that moment is {@code MISSED} and the next counts from the load, one interval of the
 * schedule on; a key decision overdue then and still untold is {@code MISSED}.
 *
 * <pre>{@code
 * ObligationCalculator calc = ObligationCalculator.forForce(force.settings());
 * CadenceReport report = calc.calculate(history, VictimTerms.of(victim), clock.instant());
 * report.nextDue().map(Obligation::explanation);
 * // "due by end of 2026-03-30: first update after the crime was reported 2026-03-02, 28 days"
 * }</pre>
 */
public final class ObligationCalculator {
  private final CadencePolicy policy;
  private final WorkingCalendar calendar;

  public ObligationCalculator(CadencePolicy policy, WorkingCalendar calendar) {
    new Checks().notNull("policy", policy).notNull("calendar", calendar).throwIfAny();
    this.policy = policy;
    this.calendar = calendar;
  }

  /**
   * The calculator for a force: the preset its settings name, its nation's calendar in its zone.
   * Forces with their own policy or closure days use the constructor.
   */
  public static ObligationCalculator forForce(ForceSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new ObligationCalculator(
        CadencePolicy.named(settings.cadencePolicy()), WorkingCalendar.forForce(settings));
  }

  public CadencePolicy policy() {
    return policy;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /**
   * Every obligation to the victim as things stood at {@code asOf}: facts dated after it (updates,
   * closures, decisions) are ignored, so a past instant replays the past.
   */
  public CadenceReport calculate(CaseHistory history, VictimTerms victim, Instant asOf) {
    new Checks()
        .notNull("history", history)
        .notNull("victim", victim)
        .notNull("asOf", asOf)
        .throwIfAny();
    List<Obligation> result = new ArrayList<>();
    if (asOf.isBefore(history.reportedAt())) {
      return new CadenceReport(asOf, result);
    }
    NavigableSet<Instant> updates = new TreeSet<>();
    for (Instant u : history.updatesPublishedAt()) {
      if (!u.isAfter(asOf)) {
        updates.add(u);
      }
    }
    for (KeyDecision d : history.keyDecisions()) {
      if (d.toldAt() != null && !d.toldAt().isAfter(asOf)) {
        updates.add(d.toldAt());
      }
    }
    Instant trackedFrom =
        history.trackedFrom() == null
                || !history.trackedFrom().isAfter(history.reportedAt())
                || history.trackedFrom().isAfter(asOf)
            ? null
            : history.trackedFrom();
    for (OpenPeriod period : openPeriods(history, asOf)) {
      regularUpdates(period, updates, victim, asOf, trackedFrom, result);
    }
    for (KeyDecision d : history.keyDecisions()) {
      if (!d.occurredAt().isAfter(asOf)) {
        result.add(keyDecision(d, victim, asOf, trackedFrom));
      }
    }
    result.sort(Comparator.comparing(Obligation::startsAt));
    return new CadenceReport(asOf, result);
  }

  /** A span in which the crime was open; {@code end} is the closure, or null while still open. */
  private record OpenPeriod(Instant start, Instant end, boolean reopened) {}

  private static List<OpenPeriod> openPeriods(CaseHistory history, Instant asOf) {
    List<StatusChange> changes = new ArrayList<>(history.statusChanges());
    changes.sort(Comparator.comparing(StatusChange::at));
    List<OpenPeriod> periods = new ArrayList<>();
    Instant start = history.reportedAt();
    boolean open = true;
    boolean reopened = false;
    for (StatusChange c : changes) {
      if (c.at().isAfter(asOf)) {
        break;
      }
      if (open && c.status() == CrimeStatus.CLOSED) {
        periods.add(new OpenPeriod(start, c.at(), reopened));
        open = false;
      } else if (!open && c.status() == CrimeStatus.OPEN) {
        start = c.at();
        open = true;
        reopened = true;
      }
      // a second closure while closed, or reopening while open, changes nothing
    }
    if (open) {
      periods.add(new OpenPeriod(start, null, reopened));
    }
    return periods;
  }

  private void regularUpdates(
      OpenPeriod period,
      NavigableSet<Instant> updates,
      VictimTerms victim,
      Instant asOf,
      Instant trackedFrom,
      List<Obligation> result) {
    Chain chain =
        new Chain(
            period.start(),
            period.reopened() ? "the crime was reopened" : "the crime was reported");
    // the load falls inside this period: what is overdue at that moment is history
    Instant load =
        trackedFrom != null
                && trackedFrom.isAfter(period.start())
                && (period.end() == null || trackedFrom.isBefore(period.end()))
            ? trackedFrom
            : null;
    for (Instant update : updates.tailSet(period.start(), true)) {
      if (period.end() != null && update.isAfter(period.end())) {
        break;
      }
      if (load != null && update.isAfter(load)) {
        chain.missIfOverdueAt(load, victim, result);
        load = null;
      }
      Deadline deadline = chain.deadline(victim);
      Obligation.Status status =
          deadline.isMetBy(update) ? Obligation.Status.MET_ON_TIME : Obligation.Status.MET_LATE;
      result.add(
          new Obligation(
              Obligation.Kind.REGULAR_UPDATE, null, chain.start, deadline, update, status));
      chain.next(update, "the last update");
    }
    if (load != null) {
      chain.missIfOverdueAt(load, victim, result);
    }
    Deadline deadline = chain.deadline(victim);
    Obligation.Status status;
    if (period.end() != null) {
      status =
          deadline.isPassedAt(period.end()) ? Obligation.Status.MISSED : Obligation.Status.ENDED;
    } else {
      status = deadline.isPassedAt(asOf) ? Obligation.Status.OVERDUE : Obligation.Status.PENDING;
    }
    result.add(
        new Obligation(Obligation.Kind.REGULAR_UPDATE, null, chain.start, deadline, null, status));
  }

  /** Where the regular schedule of one open period stands: the outstanding update and its basis. */
  private final class Chain {
    private int index;
    private Instant start;
    private String step = "first update";
    private String from;

    Chain(Instant start, String from) {
      this.start = start;
      this.from = from;
    }

    Deadline deadline(VictimTerms victim) {
      return regularDeadline(index, start, step, from, victim);
    }

    void next(Instant newStart, String newFrom) {
      index++;
      start = newStart;
      step = "next update";
      from = newFrom;
    }

    /**
     * At a history load, an outstanding update already overdue is missed and the count restarts.
     */
    void missIfOverdueAt(Instant load, VictimTerms victim, List<Obligation> result) {
      Deadline deadline = deadline(victim);
      if (deadline.isPassedAt(load)) {
        result.add(
            new Obligation(
                Obligation.Kind.REGULAR_UPDATE,
                null,
                start,
                deadline,
                null,
                Obligation.Status.MISSED));
        next(load, "the crime's history was loaded");
      }
    }
  }

  private Deadline regularDeadline(
      int index, Instant start, String step, String from, VictimTerms victim) {
    Interval interval = policy.regularInterval(index);
    String qualifier = "";
    Integer agreed = victim.updateFrequencyDays();
    if (agreed != null && agreed * 24L < interval.nominalHours()) {
      interval = Interval.days(agreed);
      qualifier = " (agreed with the victim)";
    }
    if (interval.unit() == Interval.Unit.HOURS) {
      String basis = step + " after " + from + " " + Texts.localMinute(start, calendar.zone());
      return Deadline.hours(calendar, start, interval.amount(), basis, qualifier);
    }
    String basis = step + " after " + from + " " + LocalDate.ofInstant(start, calendar.zone());
    return Deadline.calendarDays(calendar, start, interval.amount(), basis, qualifier);
  }

  private Obligation keyDecision(
      KeyDecision d, VictimTerms victim, Instant asOf, Instant trackedFrom) {
    boolean enhanced = victim.enhancedRights();
    String basis =
        d.description()
            + " "
            + LocalDate.ofInstant(d.occurredAt(), calendar.zone())
            + ", "
            + (enhanced ? "enhanced" : "standard")
            + " rights";
    Deadline deadline =
        Deadline.workingDays(
            calendar, d.occurredAt(), policy.keyDecisionWorkingDays(enhanced), basis);
    Instant told = d.toldAt() != null && !d.toldAt().isAfter(asOf) ? d.toldAt() : null;
    Obligation.Status status;
    if (told != null) {
      status = deadline.isMetBy(told) ? Obligation.Status.MET_ON_TIME : Obligation.Status.MET_LATE;
    } else if (trackedFrom != null && deadline.isPassedAt(trackedFrom)) {
      status = Obligation.Status.MISSED;
    } else {
      status = deadline.isPassedAt(asOf) ? Obligation.Status.OVERDUE : Obligation.Status.PENDING;
    }
    return new Obligation(
        Obligation.Kind.KEY_DECISION, d.kind(), d.occurredAt(), deadline, told, status);
  }
}
