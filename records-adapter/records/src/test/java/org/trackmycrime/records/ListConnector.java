package org.trackmycrime.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;

/**
 * A pull connector over a list held in memory; its checkpoint is the index after the last
 * acknowledged event. It notes when it is polled while a batch is still unacknowledged.
 */
final class ListConnector implements PullConnector<Integer> {
  private final String name;
  private final int batchSize;
  private final List<String> events = new ArrayList<>();
  private volatile int acknowledged;
  private volatile boolean outstanding;
  private volatile boolean polledWhileOutstanding;
  final AtomicInteger polls = new AtomicInteger();
  final List<Integer> acknowledgements = new ArrayList<>();
  volatile RuntimeException pollFailure;
  volatile RuntimeException acknowledgeFailure;
  volatile boolean closed;

  ListConnector(String name, int batchSize, List<String> events) {
    this.name = name;
    this.batchSize = batchSize;
    this.events.addAll(events);
  }

  synchronized void add(String event) {
    events.add(event);
  }

  int acknowledged() {
    return acknowledged;
  }

  boolean polledWhileOutstanding() {
    return polledWhileOutstanding;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Optional<Batch<Integer>> poll() {
    polls.incrementAndGet();
    if (outstanding) {
      polledWhileOutstanding = true;
    }
    RuntimeException failure = pollFailure;
    if (failure != null) {
      pollFailure = null;
      throw failure;
    }
    if (acknowledged >= events.size()) {
      return Optional.empty();
    }
    int end = Math.min(events.size(), acknowledged + batchSize);
    List<RawEvent> batch = new ArrayList<>();
    for (int i = acknowledged; i < end; i++) {
      batch.add(new RawEvent(events.get(i), name + ":" + (i + 1)));
    }
    outstanding = true;
    return Optional.of(new Batch<>(batch, end));
  }

  @Override
  public synchronized void acknowledge(Integer checkpoint, List<IngestOutcome> outcomes) {
    RuntimeException failure = acknowledgeFailure;
    if (failure != null) {
      acknowledgeFailure = null;
      outstanding = false;
      throw failure;
    }
    acknowledgements.add(checkpoint);
    acknowledged = checkpoint;
    outstanding = false;
  }

  @Override
  public void close() {
    closed = true;
  }
}
