package org.trackmycrime.core.privacy;

import java.time.Instant;

/**
 * What one retention run did.
 *
 * @param at the instant the run used as now
 * @param crimesErased crimes whose personal data this run erased
 * @param victimsErased victims of those crimes
 * @param participantRecords records the {@link ErasureParticipant}s reported erased
 */
public record RetentionRun(
    Instant at, int crimesErased, int victimsErased, int participantRecords) {}
