package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.trackmycrime.core.cadence.internal.Texts;
import org.trackmycrime.core.internal.Checks;

/**
 * When something is due, and why, in words a supervisor can check by hand.
 *
 * <p>Three kinds, all in the calendar's zone (UK time by default):
 *
 * <ul>
 *   <li>{@link #calendarDays calendar days}: the end (23:59:59 local) of the Nth day after the
 *       local date of the start: reported 2026-03-02, 28 days, is due by the end of 2026-03-30;
 *   <li>{@link #workingDays working days}: the end of the Nth working day after the local date of
 *       the event, which is day 0 whatever day it is; bank holidays and local closures skipped are
 *       named in the explanation;
 *   <li>{@link #hours hours}: the start plus that many elapsed hours.
 * </ul>
 *
 * @param dueAt the last instant that still counts as on time (to the second)
 * @param dueDate the local date {@code dueAt} falls on
 * @param explanation e.g. {@code due by end of 2026-04-07: suspect released on bail 2026-04-03,
 *     enhanced rights, 1 working day; 2026-04-06 is a bank holiday in England and Wales (Easter
 *     Monday)}
 */
public record Deadline(Instant dueAt, LocalDate dueDate, String explanation) {
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  public Deadline {
    new Checks()
        .notNull("dueAt", dueAt)
        .notNull("dueDate", dueDate)
        .text("explanation", explanation, 4000)
        .throwIfAny();
  }

  /**
   * Due by the end of the {@code days}th calendar day after the local date of {@code from}.
   *
   * @param basis what the deadline counts from, with its date, e.g. {@code first update after the
   *     crime was reported 2026-03-02}
   */
  public static Deadline calendarDays(
      WorkingCalendar calendar, Instant from, int days, String basis) {
    return calendarDays(calendar, from, days, basis, "");
  }

  /**
   * Due by the end of the {@code days}th working day after the local date of {@code event}.
   *
   * @param basis what happened, with its date and the victim's rights, e.g. {@code suspect released
   *     on bail 2026-04-03, enhanced rights}
   */
  public static Deadline workingDays(
      WorkingCalendar calendar, Instant event, int days, String basis) {
    check(calendar, event, days, basis);
    LocalDate day0 = localDate(calendar, event);
    LocalDate due = calendar.plusWorkingDays(day0, days);
    StringBuilder text =
        new StringBuilder("due by end of ")
            .append(due)
            .append(": ")
            .append(basis)
            .append(", ")
            .append(Texts.count(days, "working day"));
    for (DayOff skipped : calendar.holidaysAndClosures(day0, due)) {
      text.append("; ").append(skipped.describe());
    }
    return new Deadline(endOf(calendar, due), due, text.toString());
  }

  /**
   * Due {@code hours} elapsed hours after {@code from} (a clock change does not stretch it).
   *
   * @param basis what the deadline counts from, e.g. {@code first update after the crime was
   *     reported 2026-04-03 18:00}
   */
  public static Deadline hours(WorkingCalendar calendar, Instant from, int hours, String basis) {
    return hours(calendar, from, hours, basis, "");
  }

  /**
   * True when an update published at {@code publishedAt} meets this deadline: no later than the due
   * second (for a day deadline, any time on the due date, local time).
   */
  public boolean isMetBy(Instant publishedAt) {
    return publishedAt.isBefore(lastMoment());
  }

  /** True once {@code now} is past the due second. */
  public boolean isPassedAt(Instant now) {
    return !now.isBefore(lastMoment());
  }

  private Instant lastMoment() {
    return dueAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
  }

  static Deadline calendarDays(
      WorkingCalendar calendar, Instant from, int days, String basis, String qualifier) {
    check(calendar, from, days, basis);
    LocalDate due = localDate(calendar, from).plusDays(days);
    String text =
        "due by end of " + due + ": " + basis + ", " + Texts.count(days, "day") + qualifier;
    return new Deadline(endOf(calendar, due), due, text);
  }

  static Deadline hours(
      WorkingCalendar calendar, Instant from, int hours, String basis, String qualifier) {
    check(calendar, from, hours, basis);
    Instant due = from.plus(hours, ChronoUnit.HOURS);
    String text =
        "due by "
            + Texts.localMinute(due, calendar.zone())
            + " "
            + Texts.zone(calendar.zone())
            + ": "
            + basis
            + ", "
            + Texts.count(hours, "hour")
            + qualifier;
    return new Deadline(due, localDate(calendar, due), text);
  }

  private static void check(WorkingCalendar calendar, Instant from, int amount, String basis) {
    new Checks()
        .notNull("calendar", calendar)
        .notNull("from", from)
        .require(amount >= 0, "amount", "must not be negative")
        .text("basis", basis, 1000)
        .throwIfAny();
  }

  private static LocalDate localDate(WorkingCalendar calendar, Instant instant) {
    return LocalDate.ofInstant(instant, calendar.zone());
  }

  private static Instant endOf(WorkingCalendar calendar, LocalDate date) {
    return ZonedDateTime.of(date, END_OF_DAY, calendar.zone()).toInstant();
  }
}
