package org.trackmycrime.core.cadence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trackmycrime.core.model.Nation;

class BankHolidayRulesTest {
  /** The one-off days of 2020-2030: in the bundled list but not predictable by the rules. */
  private static final Set<LocalDate> ONE_OFFS_BUNDLED =
      Set.of(
          LocalDate.parse("2020-05-08"), // early May holiday moved to Friday for VE Day 75
          LocalDate.parse("2022-06-02"), // spring holiday moved to Thursday for the Jubilee
          LocalDate.parse("2022-06-03"), // Platinum Jubilee
          LocalDate.parse("2022-09-19"), // State Funeral of Queen Elizabeth II
          LocalDate.parse("2023-05-08")); // Coronation of King Charles III

  /** ...and the days the rules give instead, which were not holidays those years. */
  private static final Set<LocalDate> ONE_OFFS_RULES =
      Set.of(
          LocalDate.parse("2020-05-04"), // first Monday of May 2020
          LocalDate.parse("2022-05-30")); // last Monday of May 2022

  static Stream<Arguments> bundledYears() {
    return Stream.of(Nation.values())
        .flatMap(n -> IntStream.rangeClosed(2020, 2030).mapToObj(y -> Arguments.of(n, y)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("bundledYears")
  void rulesAgreeWithTheBundledListExceptForTheOneOffs(Nation nation, int year) {
    Map<LocalDate, String> bundled = byDate(BankHolidays.bundled(nation, year));
    Map<LocalDate, String> rules = byDate(BankHolidayRules.forYear(nation, year));
    assertThat(bundled).as("the bundled list covers %s %s", nation, year).isNotEmpty();

    Map<LocalDate, String> onlyBundled = new TreeMap<>(bundled);
    onlyBundled.keySet().removeAll(rules.keySet());
    Map<LocalDate, String> onlyRules = new TreeMap<>(rules);
    onlyRules.keySet().removeAll(bundled.keySet());
    assertThat(onlyBundled.keySet())
        .as("days only the bundled list has for %s %s: %s", nation, year, onlyBundled)
        .containsExactlyInAnyOrderElementsOf(inYear(ONE_OFFS_BUNDLED, year));
    assertThat(onlyRules.keySet())
        .as("days only the rules give for %s %s: %s", nation, year, onlyRules)
        .containsExactlyInAnyOrderElementsOf(inYear(ONE_OFFS_RULES, year));

    Map<LocalDate, String> common = new TreeMap<>(bundled);
    common.keySet().retainAll(rules.keySet());
    common.keySet().removeAll(ONE_OFFS_BUNDLED);
    common.forEach(
        (date, name) ->
            assertThat(rules.get(date)).as("name of %s in %s", date, nation).isEqualTo(name));
  }

  @Test
  void everyOneOffIsInTheBundledListForAllThreeNations() {
    for (Nation n : Nation.values()) {
      for (LocalDate d : ONE_OFFS_BUNDLED) {
        assertThat(BankHolidays.on(n, d)).as("%s in %s", d, n).isNotNull();
      }
    }
  }

  @Test
  void noBankHolidayFallsAtAWeekendInAnyYearTheRulesOrTheListCover() {
    for (Nation n : Nation.values()) {
      for (int year = 2000; year <= 2100; year++) {
        assertThat(BankHolidays.forYear(n, year))
            .as("%s %s", n, year)
            .noneMatch(
                h ->
                    h.date().getDayOfWeek() == DayOfWeek.SATURDAY
                        || h.date().getDayOfWeek() == DayOfWeek.SUNDAY);
      }
    }
  }

  @Test
  void theBundledYearsAre2020To2030() {
    assertThat(BankHolidays.firstBundledYear()).isEqualTo(2020);
    assertThat(BankHolidays.lastBundledYear()).isEqualTo(2030);
    assertThat(BankHolidays.isBundled(2031)).isFalse();
  }

  @Test
  void eachNationHasItsUsualNumberOfDaysInAnOrdinaryYear() {
    // 2024 had no one-offs: England and Wales 8, Scotland 9, Northern Ireland 10.
    assertThat(BankHolidays.forYear(Nation.ENGLAND_AND_WALES, 2024)).hasSize(8);
    assertThat(BankHolidays.forYear(Nation.SCOTLAND, 2024)).hasSize(9);
    assertThat(BankHolidays.forYear(Nation.NORTHERN_IRELAND, 2024)).hasSize(10);
  }

  // Easter Sunday as published in church tables; checked against the computus.
  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({
    "2020, 2020-04-12",
    "2021, 2021-04-04",
    "2022, 2022-04-17",
    "2023, 2023-04-09",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2028, 2028-04-16",
    "2029, 2029-04-01",
    "2030, 2030-04-21",
    "2038, 2038-04-25", // the latest possible date
    "2285, 2285-03-22", // the earliest possible date
    "1943, 1943-04-25",
    "2008, 2008-03-23",
    "2011, 2011-04-24"
  })
  void easterSundayByComputus(int year, LocalDate expected) {
    assertThat(Easter.sunday(year)).isEqualTo(expected);
  }

  // Years past the bundled list, worked from the rules by hand with a calendar.
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    // 2032: 25 Dec is a Saturday, 26 a Sunday -> Mon 27 and Tue 28 Dec.
    "ENGLAND_AND_WALES, 2032-12-27, Christmas Day (substitute day)",
    "ENGLAND_AND_WALES, 2032-12-28, Boxing Day (substitute day)",
    // 2033: 1 Jan is a Saturday -> Mon 3 Jan; in Scotland 2 Jan (Sunday) -> Tue 4 Jan.
    "ENGLAND_AND_WALES, 2033-01-03, New Year's Day (substitute day)",
    "SCOTLAND, 2033-01-04, 2nd January (substitute day)",
    // 2034: 1 Jan is a Sunday -> Scotland keeps Mon 2 Jan as 2nd January, NYD moves to Tue 3.
    "SCOTLAND, 2034-01-02, 2nd January",
    "SCOTLAND, 2034-01-03, New Year's Day (substitute day)",
    // 2035: Easter Sunday 25 March -> Good Friday 23, Easter Monday 26 March.
    "NORTHERN_IRELAND, 2035-03-26, Easter Monday",
    // 2035: 17 March is a Saturday -> Mon 19 March.
    "NORTHERN_IRELAND, 2035-03-19, St Patrick's Day (substitute day)",
    // 2031: 30 November is a Sunday -> Mon 1 December.
    "SCOTLAND, 2031-12-01, St Andrew's Day (substitute day)",
    // 2031: 12 July is a Saturday -> Mon 14 July.
    "NORTHERN_IRELAND, 2031-07-14, Battle of the Boyne (Orangemen's Day) (substitute day)",
    // 2031: summer holiday first Monday of August in Scotland, last elsewhere.
    "SCOTLAND, 2031-08-04, Summer bank holiday",
    "ENGLAND_AND_WALES, 2031-08-25, Summer bank holiday"
  })
  void rulesBeyondTheBundledYears(Nation nation, LocalDate date, String name) {
    assertThat(BankHolidays.on(nation, date))
        .isNotNull()
        .extracting(BankHoliday::name)
        .isEqualTo(name);
  }

  private static List<LocalDate> inYear(Set<LocalDate> dates, int year) {
    return dates.stream().filter(d -> d.getYear() == year).toList();
  }

  private static Map<LocalDate, String> byDate(List<BankHoliday> holidays) {
    return holidays.stream()
        .collect(Collectors.toMap(BankHoliday::date, BankHoliday::name, (a, b) -> a, TreeMap::new));
  }
}
