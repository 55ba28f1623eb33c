package org.trackmycrime.core.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.internal.BankHoliday;
import org.trackmycrime.core.cadence.internal.BankHolidays;
import org.trackmycrime.core.cadence.internal.Texts;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Nation;

/**
 * Which days a force works: Monday to Friday except its nation's bank holidays and the force's own
 * closure days, in the force's time zone (UK time unless told otherwise).
 *
 * <p>Bank holidays for 2020-2030 come from a list bundled with the SDK (GOV.UK's published days,
 * including one-offs such as the 2023 coronation); other years follow the standing rules (Easter,
 * the May and August Mondays, Christmas, New Year and each nation's own days, with substitute days
 * for those falling at a weekend). A one-off announced for a year outside the list can be added as
 * a local closure.
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return a new calendar.
 */
public final class WorkingCalendar {
  private final Nation nation;
  private final ZoneId zone;
  private final SortedMap<LocalDate, String> closures;

  private WorkingCalendar(Nation nation, ZoneId zone, SortedMap<LocalDate, String> closures) {
    new Checks().notNull("nation", nation).notNull("zone", zone).throwIfAny();
    this.nation = nation;
    this.zone = zone;
    this.closures = Collections.unmodifiableSortedMap(new TreeMap<>(closures));
  }

  /** The nation's working days in UK time ({@code Europe/London}), with no local closures. */
  public static WorkingCalendar of(Nation nation) {
    return new WorkingCalendar(nation, ForceSettings.UK, new TreeMap<>());
  }

  /** The calendar of a force's nation in the force's time zone. */
  public static WorkingCalendar forForce(ForceSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return of(settings.nation()).withZone(settings.zone());
  }

  /** The same calendar with deadlines falling at the end of days in {@code value}. */
  public WorkingCalendar withZone(ZoneId value) {
    return new WorkingCalendar(nation, value, closures);
  }

  /**
   * The same calendar with one more day the force does not work, such as a local one-off holiday.
   *
   * @param reason a short reason shown in explanations, e.g. {@code force-wide systems outage}
   */
  public WorkingCalendar withClosure(LocalDate date, String reason) {
    new Checks().notNull("closure.date", date).text("closure.reason", reason, 200).throwIfAny();
    SortedMap<LocalDate, String> all = new TreeMap<>(closures);
    all.put(date, reason);
    return new WorkingCalendar(nation, zone, all);
  }

  /** The same calendar with more closure days (date to reason); every bad entry is reported. */
  public WorkingCalendar withClosures(Map<LocalDate, String> more) {
    Objects.requireNonNull(more, "closures");
    Checks checks = new Checks();
    SortedMap<LocalDate, String> all = new TreeMap<>(closures);
    for (Map.Entry<LocalDate, String> e : more.entrySet()) {
      checks
          .notNull("closures.date", e.getKey())
          .text("closures[" + e.getKey() + "].reason", e.getValue(), 200);
      if (e.getKey() != null) {
        all.put(e.getKey(), e.getValue());
      }
    }
    checks.throwIfAny();
    return new WorkingCalendar(nation, zone, all);
  }

  public Nation nation() {
    return nation;
  }

  /** The zone whose local dates count as days; {@code Europe/London} by default. */
  public ZoneId zone() {
    return zone;
  }

  /** The force's own closure days and their reasons, in date order. */
  public SortedMap<LocalDate, String> closures() {
    return closures;
  }

  /** True on Monday to Friday unless it is a bank holiday in the nation or a local closure. */
  public boolean isWorkingDay(LocalDate date) {
    return dayOff(date).isEmpty();
  }

  /**
   * The {@code n}th working day after {@code day0}. Day 0 itself never counts, whatever day it is:
   * one working day after a Friday is the Monday (or the Tuesday after a bank holiday Monday); zero
   * working days is day 0 itself.
   *
   * @throws ValidationException when {@code n} is negative
   */
  public LocalDate plusWorkingDays(LocalDate day0, int n) {
    new Checks()
        .notNull("day0", day0)
        .require(n >= 0, "workingDays", "must not be negative")
        .throwIfAny();
    LocalDate day = day0;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The {@code n}th working day before {@code date}, which itself never counts: one working day
   * before a Monday is the Friday (or the Thursday before a Good Friday); zero is the date itself.
   *
   * @throws ValidationException when {@code n} is negative
   */
  public LocalDate minusWorkingDays(LocalDate date, int n) {
    new Checks()
        .notNull("date", date)
        .require(n >= 0, "workingDays", "must not be negative")
        .throwIfAny();
    LocalDate day = date;
    int counted = 0;
    while (counted < n) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Why the date is not a working day, or empty when it is one. */
  public Optional<DayOff> dayOff(LocalDate date) {
    Objects.requireNonNull(date, "date");
    BankHoliday holiday = BankHolidays.on(nation, date);
    if (holiday != null) {
      return Optional.of(new DayOff(date, DayOff.Kind.BANK_HOLIDAY, holiday.name(), nation));
    }
    String closure = closures.get(date);
    if (closure != null) {
      return Optional.of(new DayOff(date, DayOff.Kind.LOCAL_CLOSURE, closure, nation));
    }
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return Optional.of(
          new DayOff(
              date, DayOff.Kind.WEEKEND, dow.getDisplayName(TextStyle.FULL, Locale.UK), nation));
    }
    return Optional.empty();
  }

  /**
   * One sentence on whether the date is worked: {@code 2026-04-06 is a bank holiday in England and
   * Wales (Easter Monday)} or {@code 2026-04-07 is a working day in England and Wales}.
   */
  public String explain(LocalDate date) {
    return dayOff(date)
        .map(DayOff::describe)
        .orElseGet(() -> date + " is a working day in " + Texts.nation(nation));
  }

  /** The nation's bank holidays in that year, in date order (local closures not included). */
  public List<DayOff> bankHolidays(int year) {
    List<DayOff> result = new ArrayList<>();
    for (BankHoliday h : BankHolidays.forYear(nation, year)) {
      result.add(new DayOff(h.date(), DayOff.Kind.BANK_HOLIDAY, h.name(), nation));
    }
    return List.copyOf(result);
  }

  /** Bank holidays and closures after {@code fromExclusive} up to {@code toInclusive}. */
  List<DayOff> holidaysAndClosures(LocalDate fromExclusive, LocalDate toInclusive) {
    List<DayOff> result = new ArrayList<>();
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      dayOff(d).filter(off -> off.kind() != DayOff.Kind.WEEKEND).ifPresent(result::add);
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkingCalendar other
        && nation == other.nation
        && zone.equals(other.zone)
        && closures.equals(other.closures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nation, zone, closures);
  }

  @Override
  public String toString() {
    return "WorkingCalendar[" + nation + ", " + zone + ", closures=" + closures.keySet() + "]";
  }
}
