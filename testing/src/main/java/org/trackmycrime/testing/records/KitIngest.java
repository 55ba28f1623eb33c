package org.trackmycrime.testing.records;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.BulkReport;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.ParkedEvent;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.ingest.RejectedEvents;

/**
 * The ingest the compatibility kit hands to a connector: it passes calls to the real (or in-memory)
 * ingest, records what was offered and what was committed, and injects the failures a test asks
 * for. Calls are numbered from the moment a fault is set.
 */
final class KitIngest implements RecordIngest {
  private final RecordIngest target;
  private final List<RawEvent> offered = new ArrayList<>();
  private final List<IngestOutcome> committed = new ArrayList<>();
  private int callsSinceFault;
  private int failFromCall = Integer.MAX_VALUE;
  private int crashAfterCommitOfCall = -1;

  KitIngest(RecordIngest target) {
    this.target = target;
  }

  /** Every call commits. */
  synchronized void healthy() {
    setFault(Integer.MAX_VALUE, -1);
  }

  /** From the {@code call}th call on (1 = the next), calls throw and commit nothing. */
  synchronized void failFromCall(int call) {
    setFault(call, -1);
  }

  /** The {@code call}th call commits and then throws, as if the process died before answering. */
  synchronized void crashAfterCommitOfCall(int call) {
    setFault(Integer.MAX_VALUE, call);
  }

  private void setFault(int failFrom, int crashAfter) {
    callsSinceFault = 0;
    failFromCall = failFrom;
    crashAfterCommitOfCall = crashAfter;
  }

  synchronized List<RawEvent> offered() {
    return List.copyOf(offered);
  }

  synchronized List<IngestOutcome> committed() {
    return List.copyOf(committed);
  }

  @Override
  public IngestOutcome ingest(RawEvent event) {
    return ingestAll(List.of(event)).get(0);
  }

  @Override
  public synchronized List<IngestOutcome> ingestAll(List<RawEvent> events) {
    int call = ++callsSinceFault;
    offered.addAll(events);
    if (call >= failFromCall) {
      throw new PersistenceException(
          "Compatibility kit: simulated database failure, nothing committed", Map.of(), null);
    }
    List<IngestOutcome> outcomes = target.ingestAll(events);
    committed.addAll(outcomes);
    if (call == crashAfterCommitOfCall) {
      throw new IllegalStateException(
          "Compatibility kit: simulated crash after the commit, before the answer");
    }
    return outcomes;
  }

  @Override
  public BulkReport bulkLoad(BufferedReader jsonLines, BulkOptions options) {
    return target.bulkLoad(jsonLines, options);
  }

  @Override
  public RejectedEvents rejected() {
    return target.rejected();
  }

  @Override
  public List<ParkedEvent> parked(Duration olderThan) {
    return target.parked(olderThan);
  }
}
