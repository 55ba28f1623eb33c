package org.trackmycrime.records;

import java.util.List;
import org.trackmycrime.core.ingest.IngestOutcome;

/**
 * How many events a connector delivered, by what the ingest did with them.
 *
 * @param applied applied and committed
 * @param duplicate offered again after they were applied (after a restart or a lost answer)
 * @param parked valid, waiting for their crime's {@code CRIME_RECORDED}
 * @param rejected broke the contract; kept in the SDK's rejected list
 */
public record ConnectorCounters(long applied, long duplicate, long parked, long rejected) {
  /** Nothing delivered yet. */
  public static final ConnectorCounters ZERO = new ConnectorCounters(0, 0, 0, 0);

  /** Counts the outcomes of one committed batch. */
  public static ConnectorCounters of(List<IngestOutcome> outcomes) {
    long applied = 0;
    long duplicate = 0;
    long parked = 0;
    long rejected = 0;
    for (IngestOutcome outcome : outcomes) {
      switch (outcome.status()) {
        case APPLIED -> applied++;
        case DUPLICATE -> duplicate++;
        case PARKED -> parked++;
        case REJECTED -> rejected++;
      }
    }
    return new ConnectorCounters(applied, duplicate, parked, rejected);
  }

  /** These counts and another's together. */
  public ConnectorCounters plus(ConnectorCounters other) {
    return new ConnectorCounters(
        applied + other.applied,
        duplicate + other.duplicate,
        parked + other.parked,
        rejected + other.rejected);
  }

  /** Every event counted. */
  public long total() {
    return applied + duplicate + parked + rejected;
  }
}
