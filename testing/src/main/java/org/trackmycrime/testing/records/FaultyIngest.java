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
 * Wraps an ingest (usually the real one, {@code db.trackMyCrime().ingest()}) to test how a
 * connector copes with failures: it records every event offered and every outcome committed, and
 * makes {@link #ingestAll} fail as a test asks. The compatibility kit hands one to the connector
 * under test; a host can use it for its own connector tests.
 *
 * <pre>{@code
 * FaultyIngest ingest = new FaultyIngest(db.trackMyCrime().ingest());
 * ingest.failNextCalls(1);                  // a database failure: nothing committed
 * ...
 * ingest.crashAfterCommitOfCall(2);         // committed, but the answer is lost
 * }</pre>
 *
 * <p>Calls are numbered from the moment a fault is set (1 = the next call). Thread-safe.
 */
public final class FaultyIngest implements RecordIngest {
  private final RecordIngest target;
  private final List<RawEvent> offered = new ArrayList<>();
  private final List<IngestOutcome> committed = new ArrayList<>();
  private int calls;
  private int callsSinceFault;
  private int failFromCall = Integer.MAX_VALUE;
  private int failUntilCall = Integer.MAX_VALUE;
  private int crashAfterCommitOfCall = -1;

  public FaultyIngest(RecordIngest target) {
    this.target = target;
  }

  /** Every call commits from now on. */
  public synchronized void healthy() {
    setFault(Integer.MAX_VALUE, Integer.MAX_VALUE, -1);
  }

  /**
   * From the {@code call}th call on, every call throws a {@link PersistenceException} and commits
   * nothing, as when the database is down.
   */
  public synchronized void failFromCall(int call) {
    setFault(call, Integer.MAX_VALUE, -1);
  }

  /** The next {@code count} calls throw a {@link PersistenceException} and commit nothing. */
  public synchronized void failNextCalls(int count) {
    setFault(1, count, -1);
  }

  /**
   * The {@code call}th call commits and then throws an {@link IllegalStateException}, as if the
   * process died after the commit and before the answer reached the connector.
   */
  public synchronized void crashAfterCommitOfCall(int call) {
    setFault(Integer.MAX_VALUE, Integer.MAX_VALUE, call);
  }

  private void setFault(int failFrom, int failUntil, int crashAfter) {
    callsSinceFault = 0;
    failFromCall = failFrom;
    failUntilCall = failUntil;
    crashAfterCommitOfCall = crashAfter;
  }

  /** Every event offered to {@link #ingestAll}, committed or not, in order. */
  public synchronized List<RawEvent> offered() {
    return List.copyOf(offered);
  }

  /** The outcomes of every committed call, in order. */
  public synchronized List<IngestOutcome> committed() {
    return List.copyOf(committed);
  }

  /** How many times {@link #ingestAll} (or {@link #ingest}) was called. */
  public synchronized int calls() {
    return calls;
  }

  @Override
  public IngestOutcome ingest(RawEvent event) {
    return ingestAll(List.of(event)).get(0);
  }

  @Override
  public synchronized List<IngestOutcome> ingestAll(List<RawEvent> events) {
    calls++;
    int call = ++callsSinceFault;
    offered.addAll(events);
    if (call >= failFromCall && call <= failUntilCall) {
      throw new PersistenceException(
          "Simulated database failure: nothing was committed", Map.of(), null);
    }
    List<IngestOutcome> outcomes = target.ingestAll(events);
    committed.addAll(outcomes);
    if (call == crashAfterCommitOfCall) {
      throw new IllegalStateException("Simulated crash after the commit, before the answer");
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
