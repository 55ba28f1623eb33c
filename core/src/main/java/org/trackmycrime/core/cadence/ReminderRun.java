package org.trackmycrime.core.cadence;

import java.time.Instant;

/**
 * What one {@link Cadence#runReminders()} wrote.
 *
 * @param at the clock's instant the run worked to
 * @param dueSoon reminders written to officers in charge
 * @param overdue overdue notices written to officers in charge
 * @param escalations escalations written to the supervisors of officers' units
 * @param holdingUpdates holding updates published on crimes' timelines
 */
public record ReminderRun(
    Instant at, int dueSoon, int overdue, int escalations, int holdingUpdates) {

  /** Messages written to the outbox. */
  public int messages() {
    return dueSoon + overdue + escalations;
  }
}
