package org.trackmycrime.core.ingest;

import java.util.List;

/**
 * Applies record events (contract: record-event v1) to the SDK's state, exactly once and in any
 * order. Obtain it from {@code TrackMyCrime.ingest()}.
 *
 * <p>Bad input never throws: a broken event comes back {@link IngestStatus#REJECTED} and is kept in
 * the rejected list. A database failure throws {@link org.trackmycrime.core.PersistenceException}
 * and commits nothing of the batch, so the caller can offer the same events again.
 */
public interface RecordIngest {
  /** Parses, validates and applies one live event in its own transaction. */
  IngestOutcome ingest(RawEvent event);

  /**
   * Applies events as one transaction: either every outcome is committed or none is. Connectors
   * acknowledge their checkpoint only after this returns.
   */
  List<IngestOutcome> ingestAll(List<RawEvent> events);

  /**
   * Loads history: reads JSON Lines (blank lines skipped) and applies them in chunked transactions
   * with bounded memory. History never alerts anyone: nothing loaded this way produces an alert.
   *
   * @throws org.trackmycrime.core.PersistenceException on a database failure; the chunks committed
   *     before it stay committed and the load can be run again (duplicates are no-ops)
   */
  BulkReport bulkLoad(java.io.BufferedReader jsonLines, BulkOptions options);

  /** The rejected list. */
  RejectedEvents rejected();

  /**
   * Events parked for longer than {@code olderThan}, waiting for a crime that was never recorded.
   */
  List<ParkedEvent> parked(java.time.Duration olderThan);
}
