package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told when a crime's record events were applied (parked events too, when they are), on the
 * ingest's handle and inside its transaction, so what it keeps in step commits or rolls back with
 * the events. Normally told once per crime at the end of a batch, so it must compute from stored
 * state; when it throws a {@code TrackMyCrimeException} the batch is rolled back and applied again
 * with the listener told after each event, and the event whose call fails is rejected. The cadence
 * index is the one listener.
 */
@FunctionalInterface
public interface IngestListener {
  /**
   * @param now the ingest's instant
   * @param history the event came in a bulk load of history
   */
  void eventApplied(Handle h, String force, String crimeReference, Instant now, boolean history);
}
