package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;

/**
 * One update as the victim sees it on their crime's timeline.
 *
 * @param entryKey unique per crime; makes adding the same entry twice a no-op (ingest uses the
 *     source event's id)
 * @param text the words the victim reads, already depersonalised
 * @param occurredAt when the thing happened, in the records system's time; the timeline is ordered
 *     by it
 * @param publishedAt when the entry became visible to the victim; the update cadence counts from
 *     here
 */
public record TimelineEntry(
    String force,
    String crimeReference,
    String entryKey,
    TimelineKind kind,
    LocalizedText text,
    Instant occurredAt,
    Instant publishedAt) {
  public TimelineEntry {
    new Checks()
        .slug("force", force)
        .text("crimeReference", crimeReference, 64)
        .text("entryKey", entryKey, 200)
        .notNull("kind", kind)
        .notNull("text", text)
        .notNull("occurredAt", occurredAt)
        .notNull("publishedAt", publishedAt)
        .throwIfAny();
  }
}
