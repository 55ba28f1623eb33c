package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Nation;

class DeadlineTest {
  enum Kind {
    CALENDAR,
    WORKING,
    HOURS
  }

  @ParameterizedTest(name = "{0}: {2} {3} from {1} -> {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Reported Mon 2026-03-02 10:00 GMT; +28 calendar days = Mon 30 March, after the clocks
        // went forward on Sun 29 March, so 23:59:59 BST = 22:59:59 UTC.
        "ENGLAND_AND_WALES | 2026-03-02T10:00:00Z | CALENDAR | 28 | 2026-03-30T22:59:59Z | 2026-03-30",
        // 23:30 UTC on 14 July is 00:30 BST on 15 July: day 0 is the 15th, +28 = 12 August.
        "ENGLAND_AND_WALES | 2026-07-14T23:30:00Z | CALENDAR | 28 | 2026-08-12T22:59:59Z | 2026-08-12",
        // Reported 1 Oct (BST); +28 = 29 Oct, after the clocks went back on 25 Oct: 23:59:59 GMT.
        "SCOTLAND          | 2026-10-01T12:00:00Z | CALENDAR | 28 | 2026-10-29T23:59:59Z | 2026-10-29",
        // Calendar days ignore bank holidays: Good Friday + 7 = Good Friday week later.
        "ENGLAND_AND_WALES | 2026-04-03T17:00:00Z | CALENDAR | 7  | 2026-04-10T22:59:59Z | 2026-04-10",
        // Bail at 18:00 BST on Good Friday 3 April 2026 (17:00 UTC). Enhanced, England and Wales:
        // Sat 4, Sun 5 weekend, Mon 6 Easter Monday -> Tue 7, ends 22:59:59 UTC.
        "ENGLAND_AND_WALES | 2026-04-03T17:00:00Z | WORKING  | 1  | 2026-04-07T22:59:59Z | 2026-04-07",
        // Standard rights: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
        "ENGLAND_AND_WALES | 2026-04-03T17:00:00Z | WORKING  | 5  | 2026-04-13T22:59:59Z | 2026-04-13",
        // Scotland has no Easter Monday holiday: Mon 6.
        "SCOTLAND          | 2026-04-03T17:00:00Z | WORKING  | 1  | 2026-04-06T22:59:59Z | 2026-04-06",
        "NORTHERN_IRELAND  | 2026-04-03T17:00:00Z | WORKING  | 1  | 2026-04-07T22:59:59Z | 2026-04-07",
        // Fri 23 Oct 2026 23:30 BST (22:30 UTC) is day 0; clocks go back Sun 25 Oct. 1 working day
        // is Mon 26, in GMT: 23:59:59 GMT = 23:59:59 UTC.
        "ENGLAND_AND_WALES | 2026-10-23T22:30:00Z | WORKING  | 1  | 2026-10-26T23:59:59Z | 2026-10-26",
        // 5 working days: Mon 26, Tue 27, Wed 28, Thu 29, Fri 30.
        "ENGLAND_AND_WALES | 2026-10-23T22:30:00Z | WORKING  | 5  | 2026-10-30T23:59:59Z | 2026-10-30",
        // Thu 22 Oct 23:30 UTC is already Fri 23 00:30 BST: day 0 is the Friday, so Mon 26 (a UTC
        // reading would wrongly give Fri 23).
        "ENGLAND_AND_WALES | 2026-10-22T23:30:00Z | WORKING  | 1  | 2026-10-26T23:59:59Z | 2026-10-26",
        // Fri 27 Mar 2026 23:30 GMT, clocks go forward Sun 29: Mon 30 ends 23:59:59 BST.
        "ENGLAND_AND_WALES | 2026-03-27T23:30:00Z | WORKING  | 1  | 2026-03-30T22:59:59Z | 2026-03-30",
        // Christmas Eve 2027 (Fri): Mon 27, Tue 28 substitutes; Wed 29 (1), Thu 30 (2), Fri 31 (3);
        // 1 Jan 2028 is a Saturday so Mon 3 is its substitute: Tue 4 (4), Wed 5 (5).
        "ENGLAND_AND_WALES | 2027-12-24T12:00:00Z | WORKING  | 5  | 2028-01-05T23:59:59Z | 2028-01-05",
        // Scotland also has Tue 4 Jan (2nd January substitute): Wed 5 (4), Thu 6 (5).
        "SCOTLAND          | 2027-12-24T12:00:00Z | WORKING  | 5  | 2028-01-06T23:59:59Z | 2028-01-06",
        // 24 hours from Sat 28 Mar 2026 12:00 GMT: the clocks go forward overnight, so the due
        // instant is 12:00 UTC on Sunday = 13:00 BST.
        "ENGLAND_AND_WALES | 2026-03-28T12:00:00Z | HOURS    | 24 | 2026-03-29T12:00:00Z | 2026-03-29",
        // 24 hours from Sat 24 Oct 2026 19:00 BST (18:00 UTC): 18:00 GMT on Sunday 25.
        "ENGLAND_AND_WALES | 2026-10-24T18:00:00Z | HOURS    | 24 | 2026-10-25T18:00:00Z | 2026-10-25",
        // 24 hours from 23:30 UTC on a summer Friday: due 23:30 UTC Saturday = 00:30 BST Sunday.
        "ENGLAND_AND_WALES | 2026-07-17T23:30:00Z | HOURS    | 24 | 2026-07-18T23:30:00Z | 2026-07-19"
      })
  void deadlinesFallAtTheEndOfTheLocalDay(
      Nation nation, Instant from, Kind kind, int amount, Instant dueAt, LocalDate dueDate) {
    WorkingCalendar calendar = WorkingCalendar.of(nation);
    Deadline deadline =
        switch (kind) {
          case CALENDAR -> Deadline.calendarDays(calendar, from, amount, "test");
          case WORKING -> Deadline.workingDays(calendar, from, amount, "test");
          case HOURS -> Deadline.hours(calendar, from, amount, "test");
        };
    assertThat(deadline.dueAt()).isEqualTo(dueAt);
    assertThat(deadline.dueDate()).isEqualTo(dueDate);
  }

  @ParameterizedTest(name = "{0} {2} working days")
  @CsvSource(
      delimiter = '|',
      value = {
        "ENGLAND_AND_WALES | enhanced | 1 | due by end of 2026-04-07: suspect released on bail 2026-04-03, enhanced rights, 1 working day; 2026-04-06 is a bank holiday in England and Wales (Easter Monday)",
        "ENGLAND_AND_WALES | standard | 5 | due by end of 2026-04-13: suspect released on bail 2026-04-03, standard rights, 5 working days; 2026-04-06 is a bank holiday in England and Wales (Easter Monday)",
        // nothing but a weekend was skipped in Scotland, and weekends are not listed
        "SCOTLAND          | enhanced | 1 | due by end of 2026-04-06: suspect released on bail 2026-04-03, enhanced rights, 1 working day"
      })
  void aWorkingDayDeadlineNamesTheHolidaysItSkipped(
      Nation nation, String rights, int days, String expected) {
    Deadline deadline =
        Deadline.workingDays(
            WorkingCalendar.of(nation),
            Instant.parse("2026-04-03T17:00:00Z"),
            days,
            "suspect released on bail 2026-04-03, " + rights + " rights");
    assertThat(deadline.explanation()).isEqualTo(expected);
  }

  @Test
  void skippedSubstituteDaysAndLocalClosuresAreNamedInOrder() {
    WorkingCalendar calendar =
        WorkingCalendar.of(Nation.SCOTLAND)
            .withClosure(LocalDate.parse("2027-12-29"), "force-wide IT outage");
    // Fri 24 Dec 2027: Mon 27, Tue 28 substitutes, Wed 29 closed -> Thu 30.
    Deadline deadline =
        Deadline.workingDays(
            calendar, Instant.parse("2027-12-24T09:00:00Z"), 1, "suspect charged 2027-12-24");
    assertThat(deadline.explanation())
        .isEqualTo(
            "due by end of 2027-12-30: suspect charged 2027-12-24, 1 working day;"
                + " 2027-12-27 is a bank holiday in Scotland (Christmas Day, substitute day);"
                + " 2027-12-28 is a bank holiday in Scotland (Boxing Day, substitute day);"
                + " 2027-12-29 is a local closure day (force-wide IT outage)");
  }

  @Test
  void calendarAndHourDeadlinesExplainThemselves() {
    WorkingCalendar calendar = WorkingCalendar.of(Nation.ENGLAND_AND_WALES);
    assertThat(
            Deadline.calendarDays(
                    calendar,
                    Instant.parse("2026-03-02T10:00:00Z"),
                    28,
                    "first update after the crime was reported 2026-03-02")
                .explanation())
        .isEqualTo(
            "due by end of 2026-03-30: first update after the crime was reported 2026-03-02,"
                + " 28 days");
    assertThat(
            Deadline.hours(
                    calendar,
                    Instant.parse("2026-03-28T12:00:00Z"),
                    24,
                    "first update after the crime was reported 2026-03-28 12:00")
                .explanation())
        .isEqualTo(
            "due by 2026-03-29 13:00 UK time: first update after the crime was reported"
                + " 2026-03-28 12:00, 24 hours");
  }

  @Test
  void anotherZoneCanBeGiven() {
    WorkingCalendar calendar =
        WorkingCalendar.of(Nation.ENGLAND_AND_WALES).withZone(ZoneId.of("UTC"));
    Deadline deadline =
        Deadline.calendarDays(calendar, Instant.parse("2026-07-14T23:30:00Z"), 28, "test");
    // In UTC, 23:30 on 14 July is still the 14th: +28 = 11 August, 23:59:59 UTC.
    assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-08-11T23:59:59Z"));
  }

  @Test
  void anUpdateAnyTimeOnTheDueDateIsOnTime() {
    Deadline deadline =
        Deadline.workingDays(
            WorkingCalendar.of(Nation.ENGLAND_AND_WALES),
            Instant.parse("2026-04-03T17:00:00Z"),
            1,
            "test");
    assertThat(deadline.isMetBy(Instant.parse("2026-04-07T22:59:59.999Z"))).isTrue();
    assertThat(deadline.isMetBy(Instant.parse("2026-04-07T23:00:00Z")))
        .as("00:00 BST on Wednesday is late")
        .isFalse();
    assertThat(deadline.isPassedAt(Instant.parse("2026-04-07T22:59:59Z"))).isFalse();
    assertThat(deadline.isPassedAt(Instant.parse("2026-04-07T23:00:00Z"))).isTrue();
  }

  @Test
  void badInputNamesTheFieldAndTheRule() {
    assertThatThrownBy(
            () -> Deadline.calendarDays(WorkingCalendar.of(Nation.SCOTLAND), null, -1, " "))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "from: is required; amount: must not be negative; basis: is required and must not be"
                + " blank");
  }
}
