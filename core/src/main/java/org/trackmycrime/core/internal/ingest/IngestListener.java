package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told after each record event is applied (parked events too, when they are), on the ingest's
 * handle and inside its transaction, so what it keeps in step commits or rolls back with the event.
 * The cadence index is the one listener.
 */
@FunctionalInterface
public interface IngestListener {
  /**
   * @param now the ingest's instant
   * @param history the event came in a bulk load of history
   */
  void eventApplied(Handle h, String force, String crimeReference, Instant now, boolean history);
}
