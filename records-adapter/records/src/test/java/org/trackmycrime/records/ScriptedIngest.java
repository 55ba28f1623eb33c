package org.trackmycrime.records;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.BulkReport;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.ParkedEvent;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.ingest.RejectedEvents;

/**
 * An ingest for the runner's tests whose answers are scripted: the event text decides the outcome
 * ({@code bad…} is rejected, {@code park…} parked, anything seen before a duplicate), failures are
 * queued, and a call can be held open to test stopping. The JSON itself is never parsed.
 */
final class ScriptedIngest implements RecordIngest {
  private final Set<String> committed = new HashSet<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private final List<List<RawEvent>> calls = new ArrayList<>();
  private final AtomicBoolean inside = new AtomicBoolean();
  private volatile boolean overlapped;
  private volatile CountDownLatch hold;
  final CountDownLatch entered = new CountDownLatch(1);
  private volatile boolean failAlways;

  /** The next {@code n} calls throw a PersistenceException and commit nothing. */
  synchronized ScriptedIngest failNext(int n) {
    for (int i = 0; i < n; i++) {
      failures.add(new PersistenceException("simulated database failure", Map.of(), null));
    }
    return this;
  }

  ScriptedIngest failAlways(boolean value) {
    this.failAlways = value;
    return this;
  }

  /** Calls block inside the ingest until the returned latch is released. */
  CountDownLatch holdCalls() {
    hold = new CountDownLatch(1);
    return hold;
  }

  /** Every ingestAll call, committed or not. */
  synchronized List<List<RawEvent>> calls() {
    return List.copyOf(calls);
  }

  synchronized Set<String> committed() {
    return Set.copyOf(committed);
  }

  boolean overlapped() {
    return overlapped;
  }

  @Override
  public IngestOutcome ingest(RawEvent event) {
    return ingestAll(List.of(event)).get(0);
  }

  @Override
  public List<IngestOutcome> ingestAll(List<RawEvent> events) {
    if (!inside.compareAndSet(false, true)) {
      overlapped = true;
    }
    try {
      entered.countDown();
      CountDownLatch h = hold;
      if (h != null) {
        try {
          h.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (this) {
        calls.add(List.copyOf(events));
        RuntimeException failure = failures.poll();
        if (failure != null) {
          throw failure;
        }
        if (failAlways) {
          throw new PersistenceException("simulated database failure", Map.of(), null);
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (RawEvent e : events) {
          outcomes.add(outcome(e));
        }
        return outcomes;
      }
    } finally {
      inside.set(false);
    }
  }

  private IngestOutcome outcome(RawEvent e) {
    String id = e.json();
    if (id.startsWith("bad")) {
      return new IngestOutcome(
          IngestStatus.REJECTED,
          e.origin(),
          null,
          null,
          List.of(new Problem("eventId", "is required")),
          7L);
    }
    IngestStatus status =
        !committed.add(id)
            ? IngestStatus.DUPLICATE
            : id.startsWith("park") ? IngestStatus.PARKED : IngestStatus.APPLIED;
    return new IngestOutcome(status, e.origin(), "test", id, List.of(), null);
  }

  @Override
  public BulkReport bulkLoad(BufferedReader jsonLines, BulkOptions options) {
    throw new UnsupportedOperationException("the runner never bulk-loads");
  }

  @Override
  public RejectedEvents rejected() {
    throw new UnsupportedOperationException("the runner never reads the rejected list");
  }

  @Override
  public List<ParkedEvent> parked(Duration olderThan) {
    throw new UnsupportedOperationException("the runner never reads parked events");
  }
}
