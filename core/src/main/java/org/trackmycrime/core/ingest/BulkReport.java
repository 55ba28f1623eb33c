package org.trackmycrime.core.ingest;

import java.time.Duration;

/** Totals of a bulk load, so far or at the end. */
public record BulkReport(
    long lines, long applied, long duplicates, long parked, long rejected, Duration elapsed) {

  public static BulkReport empty() {
    return new BulkReport(0, 0, 0, 0, 0, Duration.ZERO);
  }

  /** Events per second over the elapsed time. */
  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : lines / seconds;
  }

  /** These totals with one more event of the given outcome. */
  public BulkReport plus(IngestStatus status) {
    return new BulkReport(
        lines + 1,
        applied + (status == IngestStatus.APPLIED ? 1 : 0),
        duplicates + (status == IngestStatus.DUPLICATE ? 1 : 0),
        parked + (status == IngestStatus.PARKED ? 1 : 0),
        rejected + (status == IngestStatus.REJECTED ? 1 : 0),
        elapsed);
  }

  public BulkReport withElapsed(Duration value) {
    return new BulkReport(lines, applied, duplicates, parked, rejected, value);
  }
}
