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
}
