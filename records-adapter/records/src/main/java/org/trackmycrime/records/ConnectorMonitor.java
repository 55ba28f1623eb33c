package org.trackmycrime.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.records.ConnectorFailure.Stage;

/**
 * Keeps one connector's counters and health and tells its listeners what happened. The {@link
 * ConnectorRunner} keeps one per pull connector; a push connector (such as the webhook), which
 * calls the ingest itself, keeps its own so that a host sees every connector the same way.
 *
 * <p>Thread-safe.
 */
public final class ConnectorMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorMonitor.class);

  private enum State {
    NOT_STARTED,
    RUNNING,
    STOPPED
  }

  private final String connector;
  private final int downAfterFailures;
  private final Clock clock;
  private final List<ConnectorListener> listeners;

  private State state = State.NOT_STARTED;
  private ConnectorCounters counters = ConnectorCounters.ZERO;
  private int consecutiveFailures;
  private String lastErrorType;
  private Instant lastErrorAt;
  private Instant lastCommittedAt;
  private HealthStatus lastStatus;

  /**
   * @param connector the connector's name
   * @param downAfterFailures after this many failures in a row the health is DOWN rather than
   *     DEGRADED (at least 1)
   * @param clock the time source for health and events
   * @param listeners told about commits, rejections, errors and health changes
   */
  public ConnectorMonitor(
      String connector, int downAfterFailures, Clock clock, List<ConnectorListener> listeners) {
    this.connector = Objects.requireNonNull(connector, "connector");
    if (downAfterFailures < 1) {
      throw new IllegalArgumentException("downAfterFailures must be at least 1");
    }
    this.downAfterFailures = downAfterFailures;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listeners = List.copyOf(listeners);
    this.lastStatus = compute().status();
  }

  public String connector() {
    return connector;
  }

  /** The connector is running (a runner thread started, or a push endpoint is open). */
  public void started() {
    changeState(State.RUNNING);
  }

  /** The connector stopped; its health is DOWN from now on. */
  public void stopped() {
    changeState(State.STOPPED);
  }

  /**
   * The ingest committed a batch: counts its outcomes and tells the listeners, rejected events one
   * by one. Call {@link #succeeded()} once the whole step (including the checkpoint) is done.
   *
   * @param attempts how many times the batch was offered before it committed
   */
  public void committed(List<IngestOutcome> outcomes, int attempts) {
    ConnectorCounters batch = ConnectorCounters.of(outcomes);
    Instant now = clock.instant();
    synchronized (this) {
      activate();
      counters = counters.plus(batch);
      lastCommittedAt = now;
    }
    BatchCommitted event = new BatchCommitted(connector, outcomes, batch, attempts, now);
    notifyListeners(l -> l.onBatchCommitted(event));
    for (IngestOutcome outcome : outcomes) {
      if (outcome.status() == IngestStatus.REJECTED) {
        notifyListeners(l -> l.onRejected(connector, outcome));
      }
    }
  }

  /** A step finished without failure (a batch acknowledged, or nothing new to read). */
  public void succeeded() {
    ConnectorHealth changed;
    synchronized (this) {
      activate();
      consecutiveFailures = 0;
      changed = healthIfChanged();
    }
    announce(changed);
  }

  /**
   * A step failed: records it for the health and tells the listeners.
   *
   * @param retryIn when the next attempt will be made
   * @return the number of failures in a row, this one included
   */
  public int failed(Stage stage, Throwable error, Duration retryIn) {
    Instant now = clock.instant();
    int failures;
    ConnectorHealth changed;
    synchronized (this) {
      activate();
      failures = ++consecutiveFailures;
      lastErrorType = error.getClass().getName();
      lastErrorAt = now;
      changed = healthIfChanged();
    }
    ConnectorFailure failure =
        new ConnectorFailure(connector, stage, error, failures, retryIn, now);
    notifyListeners(l -> l.onError(failure));
    announce(changed);
    return failures;
  }

  /** Failures since the last success. */
  public synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  public synchronized ConnectorCounters counters() {
    return counters;
  }

  public synchronized ConnectorHealth health() {
    return compute();
  }

  private void changeState(State next) {
    ConnectorHealth changed;
    synchronized (this) {
      state = next;
      changed = healthIfChanged();
    }
    announce(changed);
  }

  // a host driving runOnce() itself never calls started(): its first step counts as the start
  private void activate() {
    if (state == State.NOT_STARTED) {
      state = State.RUNNING;
    }
  }

  private ConnectorHealth healthIfChanged() {
    ConnectorHealth now = compute();
    if (now.status() == lastStatus) {
      return null;
    }
    lastStatus = now.status();
    return now;
  }

  private ConnectorHealth compute() {
    HealthStatus status;
    String detail;
    if (state == State.NOT_STARTED) {
      status = HealthStatus.DOWN;
      detail = "not started";
    } else if (state == State.STOPPED) {
      status = HealthStatus.DOWN;
      detail = "stopped";
    } else if (consecutiveFailures == 0) {
      status = HealthStatus.UP;
      detail = "running";
    } else {
      status = consecutiveFailures >= downAfterFailures ? HealthStatus.DOWN : HealthStatus.DEGRADED;
      detail = consecutiveFailures + (consecutiveFailures == 1 ? " failure" : " failures in a row");
    }
    return new ConnectorHealth(
        connector,
        status,
        detail,
        lastErrorType,
        lastErrorAt,
        consecutiveFailures,
        lastCommittedAt);
  }

  private void announce(ConnectorHealth changed) {
    if (changed != null) {
      notifyListeners(l -> l.onHealthChanged(changed));
    }
  }

  private void notifyListeners(Consumer<ConnectorListener> call) {
    for (ConnectorListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        // a host's listener must never stop a delivery
        LOG.warn(
            "Connector {}: listener {} failed with {}",
            connector,
            listener.getClass().getName(),
            e.getClass().getName());
      }
    }
  }
}
