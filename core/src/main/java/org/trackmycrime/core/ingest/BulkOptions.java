package org.trackmycrime.core.ingest;

import java.util.function.Consumer;
import org.trackmycrime.core.internal.Checks;

/**
 * How a bulk load runs.
 *
 * @param chunkSize events per transaction (1 to 100,000); memory use is bounded by it
 * @param origin a name for the stream in reports and the rejected list, such as a file name
 * @param progress called after each committed chunk with the totals so far
 */
public record BulkOptions(int chunkSize, String origin, Consumer<BulkReport> progress) {
  public BulkOptions {
    new Checks()
        .require(chunkSize >= 1 && chunkSize <= 100_000, "chunkSize", "must be 1 to 100000")
        .text("origin", origin, 400)
        .notNull("progress", progress)
        .throwIfAny();
  }

  /** Chunks of 1,000 events, no progress reporting. */
  public static BulkOptions of(String origin) {
    return new BulkOptions(1000, origin, r -> {});
  }

  public BulkOptions withChunkSize(int value) {
    return new BulkOptions(value, origin, progress);
  }

  public BulkOptions withProgress(Consumer<BulkReport> value) {
    return new BulkOptions(chunkSize, origin, value);
  }
}
