package org.trackmycrime.core.cadence.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.trackmycrime.core.model.Nation;

/** Wording shared by every explanation, so dates and counts read the same everywhere. */
public final class Texts {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Texts() {}

  public static String nation(Nation nation) {
    return switch (nation) {
      case ENGLAND_AND_WALES -> "England and Wales";
      case SCOTLAND -> "Scotland";
      case NORTHERN_IRELAND -> "Northern Ireland";
    };
  }

  /** "1 working day", "5 working days". */
  public static String count(int n, String singular) {
    return n + " " + (n == 1 ? singular : singular + "s");
  }

  /** Local date and time to the minute, e.g. 2026-04-03 18:00. */
  public static String localMinute(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone).format(MINUTES);
  }

  /** How a zone is named after a local time: Europe/London reads as UK time. */
  public static String zone(ZoneId zone) {
    return zone.getId().equals("Europe/London") ? "UK time" : zone.getId();
  }
}
