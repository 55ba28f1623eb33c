package org.trackmycrime.core.cadence.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.model.TimelineKind;

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

  /** A key decision in a few words for explanations, e.g. "suspect charged"; no names. */
  public static String decision(TimelineKind kind) {
    return switch (kind) {
      case SUSPECT_ARRESTED -> "suspect arrested";
      case SUSPECT_INTERVIEWED -> "suspect interviewed under caution";
      case SUSPECT_RELEASED -> "suspect released";
      case BAIL_CHANGED -> "bail varied or cancelled";
      case SUSPECT_CHARGED -> "suspect charged";
      case NOT_INVESTIGATED -> "decision not to investigate";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
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
