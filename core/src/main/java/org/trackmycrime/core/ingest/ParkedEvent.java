package org.trackmycrime.core.ingest;

import java.time.Instant;

/** A valid event waiting for its crime's {@code CRIME_RECORDED}. */
public record ParkedEvent(
    String source,
    String eventId,
    String force,
    String crimeReference,
    String origin,
    Instant parkedAt) {}
