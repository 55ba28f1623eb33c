package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Nation;

class WorkingCalendarTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Easter 2026 is Sunday 5 April: Good Friday 3, Easter Monday 6 (not in Scotland).
        "ENGLAND_AND_WALES | 2026-04-06 | 2026-04-06 is a bank holiday in England and Wales (Easter Monday)",
        "SCOTLAND          | 2026-04-06 | 2026-04-06 is a working day in Scotland",
        "SCOTLAND          | 2026-04-03 | 2026-04-03 is a bank holiday in Scotland (Good Friday)",
        "NORTHERN_IRELAND  | 2026-04-06 | 2026-04-06 is a bank holiday in Northern Ireland (Easter Monday)",
        // Easter 2027 is Sunday 28 March: Good Friday 26, Easter Monday 29 March.
        "ENGLAND_AND_WALES | 2027-03-26 | 2027-03-26 is a bank holiday in England and Wales (Good Friday)",
        "SCOTLAND          | 2027-03-29 | 2027-03-29 is a working day in Scotland",
        "NORTHERN_IRELAND  | 2027-03-29 | 2027-03-29 is a bank holiday in Northern Ireland (Easter Monday)",
        // Christmas 2027 is a Saturday, Boxing Day a Sunday: substitutes Mon 27 and Tue 28.
        "ENGLAND_AND_WALES | 2027-12-27 | 2027-12-27 is a bank holiday in England and Wales (Christmas Day, substitute day)",
        "ENGLAND_AND_WALES | 2027-12-28 | 2027-12-28 is a bank holiday in England and Wales (Boxing Day, substitute day)",
        "SCOTLAND          | 2027-12-28 | 2027-12-28 is a bank holiday in Scotland (Boxing Day, substitute day)",
        "NORTHERN_IRELAND  | 2027-12-27 | 2027-12-27 is a bank holiday in Northern Ireland (Christmas Day, substitute day)",
        // Christmas 2022 is a Sunday: Boxing Day keeps Monday 26, Christmas moves to Tuesday 27.
        "ENGLAND_AND_WALES | 2022-12-26 | 2022-12-26 is a bank holiday in England and Wales (Boxing Day)",
        "SCOTLAND          | 2022-12-27 | 2022-12-27 is a bank holiday in Scotland (Christmas Day, substitute day)",
        // Christmas 2026 is a Friday, Boxing Day a Saturday: Boxing Day moves to Monday 28.
        "NORTHERN_IRELAND  | 2026-12-28 | 2026-12-28 is a bank holiday in Northern Ireland (Boxing Day, substitute day)",
        // New Year 2022 is a Saturday: Mon 3 Jan everywhere; Scotland's 2 Jan (Sunday) -> Tue 4.
        "ENGLAND_AND_WALES | 2022-01-03 | 2022-01-03 is a bank holiday in England and Wales (New Year's Day, substitute day)",
        "ENGLAND_AND_WALES | 2022-01-04 | 2022-01-04 is a working day in England and Wales",
        "SCOTLAND          | 2022-01-04 | 2022-01-04 is a bank holiday in Scotland (2nd January, substitute day)",
        "NORTHERN_IRELAND  | 2022-01-03 | 2022-01-03 is a bank holiday in Northern Ireland (New Year's Day, substitute day)",
        // New Year 2023 is a Sunday: Scotland keeps Mon 2 Jan as 2nd January, NYD moves to Tue 3.
        "SCOTLAND          | 2023-01-02 | 2023-01-02 is a bank holiday in Scotland (2nd January)",
        "SCOTLAND          | 2023-01-03 | 2023-01-03 is a bank holiday in Scotland (New Year's Day, substitute day)",
        "ENGLAND_AND_WALES | 2023-01-03 | 2023-01-03 is a working day in England and Wales",
        // New Year 2028 is a Saturday again: Mon 3 Jan, and Tue 4 Jan in Scotland.
        "SCOTLAND          | 2028-01-04 | 2028-01-04 is a bank holiday in Scotland (2nd January, substitute day)",
        // St Patrick's Day 2024 is a Sunday -> Mon 18 March, in Northern Ireland only.
        "NORTHERN_IRELAND  | 2024-03-18 | 2024-03-18 is a bank holiday in Northern Ireland (St Patrick's Day, substitute day)",
        "ENGLAND_AND_WALES | 2024-03-18 | 2024-03-18 is a working day in England and Wales",
        // 12 July 2025 is a Saturday -> Mon 14 July in Northern Ireland.
        "NORTHERN_IRELAND  | 2025-07-14 | 2025-07-14 is a bank holiday in Northern Ireland (Battle of the Boyne (Orangemen's Day), substitute day)",
        // St Andrew's Day 2025 is a Sunday -> Mon 1 December in Scotland.
        "SCOTLAND          | 2025-12-01 | 2025-12-01 is a bank holiday in Scotland (St Andrew's Day, substitute day)",
        // Summer holiday: first Monday of August in Scotland (3 Aug 2026), last elsewhere (31 Aug).
        "SCOTLAND          | 2026-08-03 | 2026-08-03 is a bank holiday in Scotland (Summer bank holiday)",
        "SCOTLAND          | 2026-08-31 | 2026-08-31 is a working day in Scotland",
        "ENGLAND_AND_WALES | 2026-08-31 | 2026-08-31 is a bank holiday in England and Wales (Summer bank holiday)",
        // One-offs from the bundled list.
        "SCOTLAND          | 2023-05-08 | 2023-05-08 is a bank holiday in Scotland (Bank holiday for the coronation of King Charles III)",
        "NORTHERN_IRELAND  | 2022-09-19 | 2022-09-19 is a bank holiday in Northern Ireland (Bank holiday for the State Funeral of Queen Elizabeth II)",
        "ENGLAND_AND_WALES | 2020-05-08 | 2020-05-08 is a bank holiday in England and Wales (Early May bank holiday (VE Day))",
        "ENGLAND_AND_WALES | 2020-05-04 | 2020-05-04 is a working day in England and Wales",
        // Weekends are named by day.
        "ENGLAND_AND_WALES | 2026-04-04 | 2026-04-04 is a Saturday",
        "SCOTLAND          | 2026-04-05 | 2026-04-05 is a Sunday"
      })
  void explainsWhetherADayIsWorked(Nation nation, LocalDate date, String expected) {
    WorkingCalendar calendar = WorkingCalendar.of(nation);
    assertThat(calendar.explain(date)).isEqualTo(expected);
    assertThat(calendar.isWorkingDay(date))
        .as("worked iff the explanation says so")
        .isEqualTo(expected.contains("is a working day"));
  }

  @ParameterizedTest(name = "{0}: {2} working days after {1} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Good Friday 2026-04-03 is day 0; Sat 4, Sun 5 weekend, Mon 6 Easter Monday -> Tue 7.
        "ENGLAND_AND_WALES | 2026-04-03 | 1 | 2026-04-07",
        // Tue 7, Wed 8, Thu 9, Fri 10 (4), Sat/Sun, Mon 13 (5).
        "ENGLAND_AND_WALES | 2026-04-03 | 5 | 2026-04-13",
        // No Easter Monday in Scotland: Mon 6 is the first working day.
        "SCOTLAND          | 2026-04-03 | 1 | 2026-04-06",
        "SCOTLAND          | 2026-04-03 | 5 | 2026-04-10",
        "NORTHERN_IRELAND  | 2026-04-03 | 1 | 2026-04-07",
        // Day 0 can be a weekend day: Sat 4 -> Sun 5, Mon 6 holiday -> Tue 7.
        "ENGLAND_AND_WALES | 2026-04-04 | 1 | 2026-04-07",
        // Zero working days is day 0 itself, even on a holiday.
        "ENGLAND_AND_WALES | 2026-04-06 | 0 | 2026-04-06",
        // Fri 24 Dec 2027; Sat 25, Sun 26, Mon 27 and Tue 28 substitutes -> Wed 29.
        "ENGLAND_AND_WALES | 2027-12-24 | 1 | 2027-12-29",
        "SCOTLAND          | 2027-12-24 | 1 | 2027-12-29",
        // Fri 31 Dec 2021; Mon 3 Jan New Year substitute -> Tue 4; Scotland also Tue 4 -> Wed 5.
        "ENGLAND_AND_WALES | 2021-12-31 | 1 | 2022-01-04",
        "SCOTLAND          | 2021-12-31 | 1 | 2022-01-05",
        "NORTHERN_IRELAND  | 2021-12-31 | 1 | 2022-01-04",
        // Fri 30 Dec 2022: Mon 2 Jan is New Year's substitute; Scotland also Tue 3.
        "ENGLAND_AND_WALES | 2022-12-30 | 1 | 2023-01-03",
        "SCOTLAND          | 2022-12-30 | 1 | 2023-01-04",
        // Fri 10 July 2026 in Northern Ireland: Mon 13 is the Boyne substitute -> Tue 14.
        "NORTHERN_IRELAND  | 2026-07-10 | 1 | 2026-07-14",
        "ENGLAND_AND_WALES | 2026-07-10 | 1 | 2026-07-13",
        // Fri 28 Nov 2025 in Scotland: Mon 1 Dec is the St Andrew's substitute -> Tue 2.
        "SCOTLAND          | 2025-11-28 | 1 | 2025-12-02",
        // Fri 1 May 2026, before the early May holiday (Mon 4): Tue 5, ..., Fri 8, Mon 11.
        "ENGLAND_AND_WALES | 2026-05-01 | 1 | 2026-05-05",
        "ENGLAND_AND_WALES | 2026-05-01 | 5 | 2026-05-11",
        // A year past the bundled list: Fri 24 Dec 2032, Christmas Saturday -> Mon 27, Tue 28.
        "ENGLAND_AND_WALES | 2032-12-24 | 1 | 2032-12-29"
      })
  void countsWorkingDaysFromDayZero(Nation nation, LocalDate day0, int n, LocalDate expected) {
    assertThat(WorkingCalendar.of(nation).plusWorkingDays(day0, n)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {2} working days before {1} is {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the date itself never counts; zero is the date
        "ENGLAND_AND_WALES | 2026-03-30 | 0 | 2026-03-30",
        // Mon 30 Mar 2026: Fri 27 (1), Thu 26 (2), Wed 25 (3)
        "ENGLAND_AND_WALES | 2026-03-30 | 3 | 2026-03-25",
        // from a Sunday: Fri 27 (1)
        "ENGLAND_AND_WALES | 2026-03-29 | 1 | 2026-03-27",
        // Tue 7 Apr 2026: Mon 6 Easter Monday, Fri 3 Good Friday -> Thu 2 (1)
        "ENGLAND_AND_WALES | 2026-04-07 | 1 | 2026-04-02",
        // Scotland has no Easter Monday: Mon 6 (1)
        "SCOTLAND          | 2026-04-07 | 1 | 2026-04-06"
      })
  void countsWorkingDaysBackwards(Nation nation, LocalDate date, int n, LocalDate expected) {
    assertThat(WorkingCalendar.of(nation).minusWorkingDays(date, n)).isEqualTo(expected);
  }

  @Test
  void aForceCanCloseOnDaysOfItsOwn() {
    WorkingCalendar calendar =
        WorkingCalendar.of(Nation.ENGLAND_AND_WALES)
            .withClosure(LocalDate.parse("2026-04-07"), "records system migration");
    // Good Friday day 0; Mon 6 Easter Monday, Tue 7 closed -> Wed 8.
    assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-04-03"), 1))
        .isEqualTo(LocalDate.parse("2026-04-08"));
    assertThat(calendar.explain(LocalDate.parse("2026-04-07")))
        .isEqualTo("2026-04-07 is a local closure day (records system migration)");
    assertThat(calendar.closures()).containsOnlyKeys(LocalDate.parse("2026-04-07"));
    assertThat(
            WorkingCalendar.of(Nation.ENGLAND_AND_WALES)
                .isWorkingDay(LocalDate.parse("2026-04-07")))
        .as("the original calendar is unchanged")
        .isTrue();
  }

  @Test
  void aBankHolidayIsNamedRatherThanAClosureOnTheSameDay() {
    WorkingCalendar calendar =
        WorkingCalendar.of(Nation.SCOTLAND)
            .withClosures(Map.of(LocalDate.parse("2026-04-03"), "office closed"));
    assertThat(calendar.dayOff(LocalDate.parse("2026-04-03")))
        .get()
        .extracting(DayOff::kind)
        .isEqualTo(DayOff.Kind.BANK_HOLIDAY);
  }

  @Test
  void badInputNamesTheFieldAndTheRule() {
    WorkingCalendar calendar = WorkingCalendar.of(Nation.ENGLAND_AND_WALES);
    assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.parse("2026-04-03"), -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("workingDays: must not be negative");
    assertThatThrownBy(() -> calendar.withClosure(null, " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("closure.date: is required")
        .hasMessageContaining("closure.reason: is required and must not be blank");
  }

  @Test
  void listsTheNationsBankHolidaysOfAYear() {
    assertThat(WorkingCalendar.of(Nation.ENGLAND_AND_WALES).bankHolidays(2026))
        .extracting(DayOff::date)
        .map(LocalDate::toString)
        .containsExactly(
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28");
  }

  @Test
  void aForcesCalendarUsesItsNationAndZone() {
    ForceSettings settings =
        new ForceSettings(Nation.SCOTLAND, "TRACKMYCRIME", null, ZoneId.of("Europe/London"));
    WorkingCalendar calendar = WorkingCalendar.forForce(settings);
    assertThat(calendar.nation()).isEqualTo(Nation.SCOTLAND);
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(calendar).isEqualTo(WorkingCalendar.of(Nation.SCOTLAND));
  }
}
