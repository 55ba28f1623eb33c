package org.trackmycrime.records;

import java.time.Instant;
import java.util.List;
import org.trackmycrime.core.ingest.IngestOutcome;

/**
 * A batch that the ingest committed.
 *
 * @param connector the connector that delivered it
 * @param outcomes one per event, in the batch's order
 * @param counts the outcomes counted by status
 * @param attempts how many times the batch was offered before it committed (1 when the first try
 *     succeeded)
 * @param committedAt when the ingest returned
 */
public record BatchCommitted(
    String connector,
    List<IngestOutcome> outcomes,
    ConnectorCounters counts,
    int attempts,
    Instant committedAt) {
  public BatchCommitted {
    outcomes = List.copyOf(outcomes);
  }
}
