package org.trackmycrime.core.cadence.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trackmycrime.core.model.Nation;

/**
 * The standing rules for UK bank holidays, used for years the bundled list does not cover. One-off
 * days (jubilees, coronations, state funerals, a moved early May holiday) cannot be predicted and
 * are only in the bundled list.
 */
public final class BankHolidayRules {
  private BankHolidayRules() {}

  /** A holiday on a fixed day of the year, which moves to a weekday when it falls on a weekend. */
  private record Fixed(Month month, int day, String name) {}

  /** The bank holidays of one nation in one year, in date order. */
  public static List<BankHoliday> forYear(Nation nation, int year) {
    List<BankHoliday> result = new ArrayList<>();
    LocalDate easter = Easter.sunday(year);
    result.add(new BankHoliday(easter.minusDays(2), nation, "Good Friday"));
    if (nation != Nation.SCOTLAND) {
      result.add(new BankHoliday(easter.plusDays(1), nation, "Easter Monday"));
    }
    result.add(new BankHoliday(firstMonday(year, Month.MAY), nation, "Early May bank holiday"));
    result.add(new BankHoliday(lastMonday(year, Month.MAY), nation, "Spring bank holiday"));
    LocalDate summer =
        nation == Nation.SCOTLAND
            ? firstMonday(year, Month.AUGUST)
            : lastMonday(year, Month.AUGUST);
    result.add(new BankHoliday(summer, nation, "Summer bank holiday"));

    List<Fixed> fixed = fixedHolidays(nation);
    // Fixed days that fall on a weekday keep their date, so a substitute never lands on them:
    // Christmas on a Sunday moves past a Monday Boxing Day to the Tuesday.
    Set<LocalDate> taken = new HashSet<>();
    for (BankHoliday h : result) {
      taken.add(h.date());
    }
    for (Fixed f : fixed) {
      LocalDate date = LocalDate.of(year, f.month(), f.day());
      if (!isWeekend(date)) {
        taken.add(date);
      }
    }
    for (Fixed f : fixed) {
      LocalDate date = LocalDate.of(year, f.month(), f.day());
      if (!isWeekend(date)) {
        result.add(new BankHoliday(date, nation, f.name()));
        continue;
      }
      LocalDate substitute = date.plusDays(1);
      while (isWeekend(substitute) || taken.contains(substitute)) {
        substitute = substitute.plusDays(1);
      }
      taken.add(substitute);
      result.add(new BankHoliday(substitute, nation, f.name() + BankHoliday.SUBSTITUTE));
    }
    result.sort(Comparator.comparing(BankHoliday::date));
    return List.copyOf(result);
  }

  private static List<Fixed> fixedHolidays(Nation nation) {
    List<Fixed> fixed = new ArrayList<>();
    fixed.add(new Fixed(Month.JANUARY, 1, "New Year's Day"));
    if (nation == Nation.SCOTLAND) {
      fixed.add(new Fixed(Month.JANUARY, 2, "2nd January"));
    }
    if (nation == Nation.NORTHERN_IRELAND) {
      fixed.add(new Fixed(Month.MARCH, 17, "St Patrick's Day"));
      fixed.add(new Fixed(Month.JULY, 12, "Battle of the Boyne (Orangemen's Day)"));
    }
    if (nation == Nation.SCOTLAND) {
      fixed.add(new Fixed(Month.NOVEMBER, 30, "St Andrew's Day"));
    }
    fixed.add(new Fixed(Month.DECEMBER, 25, "Christmas Day"));
    fixed.add(new Fixed(Month.DECEMBER, 26, "Boxing Day"));
    return fixed;
  }

  private static LocalDate firstMonday(int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  private static LocalDate lastMonday(int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
