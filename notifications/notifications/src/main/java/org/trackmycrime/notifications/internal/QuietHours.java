package org.trackmycrime.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours in a force's local time, which may span midnight (21:00 to 08:00). Clock changes are
 * handled by the zone rules: the end is the first instant the local clock shows the end time.
 */
public final class QuietHours {
  private final LocalTime from;
  private final LocalTime until;

  public QuietHours(LocalTime from, LocalTime until) {
    this.from = from;
    this.until = until;
  }

  public boolean isQuiet(Instant at, ZoneId zone) {
    LocalTime t = at.atZone(zone).toLocalTime();
    return from.isBefore(until)
        ? !t.isBefore(from) && t.isBefore(until)
        : !t.isBefore(from) || t.isBefore(until);
  }

  /** The instant itself when it is not quiet, else the end of these quiet hours. */
  public Instant nextAllowed(Instant at, ZoneId zone) {
    if (!isQuiet(at, zone)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    LocalDate endDate =
        from.isAfter(until) && !local.toLocalTime().isBefore(from)
            ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
    return ZonedDateTime.of(endDate, until, zone).toInstant();
  }
}
