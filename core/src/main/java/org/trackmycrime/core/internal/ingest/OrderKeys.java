package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Sortable text keys for the contract's last-writer-wins order {@code (occurredAt, sequence,
 * eventId)}: comparing two keys as strings compares the events. Fixed-width time and sequence; an
 * absent sequence sorts before every present one.
 */
final class OrderKeys {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn").withZone(ZoneOffset.UTC);

  private OrderKeys() {}

  static String of(Instant occurredAt, Long sequence, String source, String eventId) {
    String seq = sequence == null ? "00000000000000000000" : String.format("%020d", sequence + 1);
    return TIME.format(occurredAt) + "|" + seq + "|" + eventId + "|" + source;
  }

  /** True when {@code candidate} wins over {@code current} (which may be null: nothing yet). */
  static boolean wins(String candidate, String current) {
    return current == null || candidate.compareTo(current) > 0;
  }
}
