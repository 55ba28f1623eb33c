package org.trackmycrime.core.cadence;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What each enrolled victim of each crime is owed and by when, read from an index the SDK keeps up
 * to date in the transaction of every change (record events, enrolment changes, recorded crimes);
 * and the reminder run that chases it. Obtained from {@code tmc.cadence()}.
 *
 * <pre>{@code
 * Cadence cadence = tmc.cadence();
 * cadence.overdue("demo-force", 50);                       // most overdue first
 * cadence.dueSoon("demo-force", Duration.ofDays(7), 50);   // soonest first
 * cadence.forOfficer("demo-force", "4321");                // what one officer owes
 * cadence.runReminders();                                  // from a scheduler, every few minutes
 * cadence.compliance("demo-force", LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"))
 *     .toCsv();
 * }</pre>
 *
 * <p>Who is owed: victims enrolled and not found unsuitable, as of now. A victim whose risk
 * assessment is still pending is owed updates like any other (the officer is chased) even though
 * nobody may alert them yet. Statuses are as of the read: an unmet obligation past its due time
 * reads {@code OVERDUE}. Every read is scoped by force; another force's slug finds nothing.
 */
public interface Cadence {
  /** Owed obligations not yet overdue and due within {@code within} from now, soonest first. */
  List<CaseObligation> dueSoon(String force, Duration within, int limit);

  /** Owed obligations past their due time, most overdue first. */
  List<CaseObligation> overdue(String force, int limit);

  /**
   * Everything owed on the crimes an officer is in charge of, soonest due first (at most 10,000).
   */
  List<CaseObligation> forOfficer(String force, String officerRef);

  /** Everything owed on the crimes of a unit's officers (their current unit), soonest due first. */
  List<CaseObligation> forUnit(String force, String unit, int limit);

  /** Every obligation of a crime, owed or settled, by victim then due time. */
  List<CaseObligation> forCrime(String force, String crimeReference);

  /**
   * Writes what has fallen due, each at most once per obligation: a due-soon reminder to the
   * officer in charge, an overdue notice once the due time has passed, an escalation to the
   * supervisor of the officer's unit once long overdue, and (for forces that allow them) holding
   * updates. Nothing for an obligation that was met or whose crime is closed. Safe to run on
   * several nodes at once; run it from a scheduler.
   */
  ReminderRun runReminders();

  /**
   * The force's figures for obligations due from {@code from} to {@code to} (local dates,
   * inclusive), as of now.
   */
  ComplianceReport compliance(String force, LocalDate from, LocalDate to);

  /**
   * Works out a crime's obligations again. The SDK does this itself after every record event and
   * every change through its services; a host that writes to the stores directly (a timeline entry,
   * a crime's status) calls it afterwards, in the same transaction if it has one.
   */
  void refresh(String force, String crimeReference);

  /**
   * Works out every crime of the force again, a batch of crimes per transaction: after upgrading to
   * a version that keeps the index, or after changing the configuration. A crime never worked out
   * before is followed from now, as if its history had just been loaded: what fell due before is
   * met or missed, not chased, so an upgrade floods nobody with reminders.
   *
   * @return the number of crimes worked out
   */
  int rebuild(String force);
}
