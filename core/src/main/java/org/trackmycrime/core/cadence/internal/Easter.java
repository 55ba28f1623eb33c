package org.trackmycrime.core.cadence.internal;

import java.time.LocalDate;

/** Western (Gregorian) Easter Sunday; Good Friday and Easter Monday hang off it. */
public final class Easter {
  private Easter() {}

  /**
   * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus: find the Paschal full
   * moon from the Metonic cycle with the century corrections for leap days and the lunar drift,
   * then take the Sunday after it.
   */
  public static LocalDate sunday(int year) {
    int golden = year % 19; // place in the 19-year Metonic cycle
    int century = year / 100;
    int yearOfCentury = year % 100;
    int skippedLeapDays = century / 4;
    int centuryRemainder = century % 4;
    int lunarCorrection = (century + 8) / 25;
    int moonShift = (century - lunarCorrection + 1) / 3;
    int epact = (19 * golden + century - skippedLeapDays - moonShift + 15) % 30;
    int leapsInCentury = yearOfCentury / 4;
    int yearRemainder = yearOfCentury % 4;
    int toSunday = (32 + 2 * centuryRemainder + 2 * leapsInCentury - epact - yearRemainder) % 7;
    int rareCorrection = (golden + 11 * epact + 22 * toSunday) / 451;
    int dayOfMarch = epact + toSunday - 7 * rareCorrection + 114; // month * 31 + (day - 1)
    int month = dayOfMarch / 31;
    int day = dayOfMarch % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
