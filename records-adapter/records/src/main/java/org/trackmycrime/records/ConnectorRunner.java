package org.trackmycrime.records;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.ConnectorFailure.Stage;
import org.trackmycrime.records.internal.Configs;
import org.trackmycrime.records.internal.SafeLog;

/**
 * Drives pull connectors: polls each for a batch, commits the batch through the ingest, and only
 * then tells the connector to store its checkpoint.
 *
 * <pre>{@code
 * ConnectorRunner runner = ConnectorRunner.builder(tmc.ingest())
 *     .connector(FileDropConnector.create(FileDropConfig.builder(Path.of("/srv/drop")).build()))
 *     .config(RunnerConfig.defaults())
 *     .listener(new ConnectorListener() {
 *       public void onRejected(String connector, IngestOutcome outcome) { ... }
 *     })
 *     .build();
 * runner.start();          // one thread per connector
 * ...
 * runner.close();          // finishes the batches in hand, then stops
 * }</pre>
 *
 * <ul>
 *   <li><b>Backpressure.</b> Each connector has one thread that never polls for the next batch
 *       before the previous one is committed and acknowledged.
 *   <li><b>Retries.</b> When the ingest throws (a {@link
 *       org.trackmycrime.core.PersistenceException} means nothing was committed), the same batch is
 *       offered again after a capped exponential backoff; events it already applied come back
 *       {@code DUPLICATE}. A failing poll or acknowledgement is retried the same way.
 *   <li><b>Health and counters</b> per connector: {@link #health(String)}, {@link
 *       #counters(String)}, and the {@link ConnectorListener} callbacks.
 *   <li><b>Graceful stop.</b> {@link #stop(Duration)} lets each thread finish the batch in hand
 *       (commit and acknowledgement) and then ends it; a batch waiting for a retry is left
 *       unacknowledged, to be offered again after the next start.
 * </ul>
 *
 * <p>A host that schedules polling itself (a cron job, a test) calls {@link #runOnce()} instead of
 * {@link #start()}.
 */
public final class ConnectorRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRunner.class);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final RunnerConfig config;
  private final Map<String, Worker<?>> workers = new LinkedHashMap<>();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final ReentrantLock runOnceLock = new ReentrantLock();
  private State state = State.NEW;

  private ConnectorRunner(Builder b) {
    this.config = b.config;
    for (PullConnector<?> connector : b.connectors) {
      workers.put(connector.name(), worker(connector, b));
    }
  }

  private static <C> Worker<C> worker(PullConnector<C> connector, Builder b) {
    ConnectorMonitor monitor =
        new ConnectorMonitor(connector.name(), b.config.downAfterFailures(), b.clock, b.listeners);
    return new Worker<>(connector, b.ingest, b.config, monitor);
  }

  /** A runner delivering to {@code ingest}, usually {@code trackMyCrime.ingest()}. */
  public static Builder builder(RecordIngest ingest) {
    return new Builder(ingest);
  }

  /**
   * Starts one thread per connector, named {@code tmc-connector-<name>}. The threads are not
   * daemons: call {@link #close()} when the host shuts down.
   *
   * @throws IllegalStateException when the runner was started or stopped before
   */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("A ConnectorRunner starts once; this one is " + state);
    }
    state = State.RUNNING;
    for (Worker<?> worker : workers.values()) {
      Thread thread =
          new Thread(() -> worker.loop(stopSignal), "tmc-connector-" + worker.connector.name());
      worker.thread = thread;
      worker.monitor.started();
      thread.start();
    }
  }

  /**
   * Delivers, on the calling thread, everything each connector has now: polls and commits batches
   * until the connector has nothing new or a step fails. Nothing is retried here; a failed batch
   * stays in hand and is offered first on the next call. For hosts and tests that schedule polling
   * themselves; not allowed once {@link #start()} was called.
   *
   * @return true when every connector caught up without a failure
   * @throws IllegalStateException when the runner's threads are running, or another runOnce is
   */
  public boolean runOnce() {
    synchronized (this) {
      if (state != State.NEW) {
        throw new IllegalStateException(
            "runOnce() is for a runner that is not started; it is " + state);
      }
    }
    if (!runOnceLock.tryLock()) {
      throw new IllegalStateException("runOnce() is already running on another thread");
    }
    try {
      boolean caughtUp = true;
      for (Worker<?> worker : workers.values()) {
        caughtUp &= worker.drain();
      }
      return caughtUp;
    } finally {
      runOnceLock.unlock();
    }
  }

  /**
   * Asks every connector thread to stop after the batch in hand and waits for them.
   *
   * @return true when every thread ended within {@code timeout}; otherwise they end by themselves
   *     once their batch is done
   */
  public boolean stop(Duration timeout) {
    List<Thread> running = new ArrayList<>();
    synchronized (this) {
      State was = state;
      state = State.STOPPED;
      stopSignal.countDown();
      for (Worker<?> worker : workers.values()) {
        if (worker.thread != null) {
          running.add(worker.thread);
        } else if (was == State.NEW) {
          worker.monitor.stopped();
        }
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (Thread thread : running) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return running.stream().noneMatch(Thread::isAlive);
  }

  /**
   * Stops (waiting up to {@link RunnerConfig#stopTimeout()}) and closes every connector whose
   * thread has ended.
   */
  @Override
  public void close() {
    stop(config.stopTimeout());
    for (Worker<?> worker : workers.values()) {
      if (worker.thread != null && worker.thread.isAlive()) {
        LOG.warn(
            "Connector {} is still finishing its batch after {}; not closing it",
            worker.connector.name(),
            config.stopTimeout());
        continue;
      }
      try {
        worker.connector.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing connector {} failed: {}", worker.connector.name(), SafeLog.describe(e));
      }
    }
  }

  /** The names of the connectors, in the order they were added. */
  public List<String> connectors() {
    return List.copyOf(workers.keySet());
  }

  /**
   * @throws IllegalArgumentException when there is no connector of that name
   */
  public ConnectorHealth health(String connector) {
    return worker(connector).monitor.health();
  }

  /** Every connector's health, in the order they were added. */
  public List<ConnectorHealth> health() {
    return workers.values().stream().map(w -> w.monitor.health()).toList();
  }

  /** The worst status of all connectors: DOWN before DEGRADED before UP. */
  public HealthStatus status() {
    HealthStatus worst = HealthStatus.UP;
    for (ConnectorHealth h : health()) {
      if (h.status().compareTo(worst) > 0) {
        worst = h.status();
      }
    }
    return worst;
  }

  /**
   * @throws IllegalArgumentException when there is no connector of that name
   */
  public ConnectorCounters counters(String connector) {
    return worker(connector).monitor.counters();
  }

  /** All connectors' counters added up. */
  public ConnectorCounters counters() {
    ConnectorCounters total = ConnectorCounters.ZERO;
    for (Worker<?> worker : workers.values()) {
      total = total.plus(worker.monitor.counters());
    }
    return total;
  }

  private Worker<?> worker(String connector) {
    Worker<?> worker = workers.get(connector);
    if (worker == null) {
      throw new IllegalArgumentException("No connector named " + connector);
    }
    return worker;
  }

  /** One connector's delivery loop; its fields other than the monitor belong to one thread. */
  private static final class Worker<C> {
    private enum Step {
      DELIVERED,
      IDLE,
      FAILED
    }

    final PullConnector<C> connector;
    final RecordIngest ingest;
    final RunnerConfig config;
    final ConnectorMonitor monitor;
    volatile Thread thread;
    private Batch<C> inHand;
    private int attempts;

    Worker(
        PullConnector<C> connector,
        RecordIngest ingest,
        RunnerConfig config,
        ConnectorMonitor monitor) {
      this.connector = connector;
      this.ingest = ingest;
      this.config = config;
      this.monitor = monitor;
    }

    void loop(CountDownLatch stop) {
      LOG.info("Connector {} started", connector.name());
      try {
        while (stop.getCount() > 0) {
          Duration wait =
              switch (step()) {
                case DELIVERED -> Duration.ZERO;
                case IDLE -> config.pollInterval();
                case FAILED -> config.backoff(monitor.consecutiveFailures());
              };
          if (!wait.isZero() && stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        monitor.stopped();
        LOG.info(
            "Connector {} stopped{}",
            connector.name(),
            inHand == null ? "" : " with an uncommitted batch that will be offered again");
      }
    }

    boolean drain() {
      while (true) {
        switch (step()) {
          case DELIVERED -> {}
          case IDLE -> {
            return true;
          }
          case FAILED -> {
            return false;
          }
        }
      }
    }

    private Step step() {
      if (inHand == null) {
        Optional<Batch<C>> next;
        try {
          next = connector.poll();
        } catch (RuntimeException e) {
          return failed(Stage.POLL, e);
        }
        if (next.isEmpty()) {
          monitor.succeeded();
          return Step.IDLE;
        }
        inHand = next.get();
        attempts = 0;
      }
      Batch<C> batch = inHand;
      List<IngestOutcome> outcomes;
      attempts++;
      try {
        outcomes = batch.events().isEmpty() ? List.of() : ingest.ingestAll(batch.events());
      } catch (RuntimeException e) {
        return failed(Stage.INGEST, e);
      }
      inHand = null;
      if (outcomes.size() != batch.size()) {
        // committed, but we cannot tell which outcome is whose: let the connector offer it again
        return failed(
            Stage.INGEST,
            new IllegalStateException(
                "The ingest returned " + outcomes.size() + " outcomes for " + batch.size()));
      }
      monitor.committed(outcomes, attempts);
      LOG.debug("Connector {} committed {} events", connector.name(), outcomes.size());
      try {
        connector.acknowledge(batch.checkpoint(), outcomes);
      } catch (RuntimeException e) {
        return failed(Stage.ACKNOWLEDGE, e);
      }
      monitor.succeeded();
      return Step.DELIVERED;
    }

    private Step failed(Stage stage, RuntimeException error) {
      Duration retryIn = config.backoff(monitor.consecutiveFailures() + 1);
      int failures = monitor.failed(stage, error, retryIn);
      LOG.warn(
          "Connector {}: {} failed ({} in a row), next attempt in {} ms: {}",
          connector.name(),
          stage,
          failures,
          retryIn.toMillis(),
          SafeLog.describe(error));
      return Step.FAILED;
    }
  }

  /** Builds a {@link ConnectorRunner}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final RecordIngest ingest;
    private final List<PullConnector<?>> connectors = new ArrayList<>();
    private final List<ConnectorListener> listeners = new ArrayList<>();
    private RunnerConfig config = RunnerConfig.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder(RecordIngest ingest) {
      this.ingest = ingest;
    }

    /** Adds a connector; names must be unique. At least one is required. */
    public Builder connector(PullConnector<?> value) {
      connectors.add(value);
      return this;
    }

    /** Pacing, retries and health thresholds. Default: {@link RunnerConfig#defaults()}. */
    public Builder config(RunnerConfig value) {
      this.config = value;
      return this;
    }

    /** Adds a listener; each is called in the order added. */
    public Builder listener(ConnectorListener value) {
      listeners.add(value);
      return this;
    }

    /** The clock for health and event times. Default: system UTC. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every problem
     */
    public ConnectorRunner build() {
      Checks checks =
          new Checks()
              .notNull("ingest", ingest)
              .notNull("config", config)
              .notNull("clock", clock)
              .require(!connectors.isEmpty(), "connectors", "at least one is required")
              .noNulls("connectors", connectors)
              .noNulls("listeners", listeners);
      Set<String> names = new HashSet<>();
      for (PullConnector<?> connector : connectors) {
        if (connector == null) {
          continue;
        }
        String name = connector.name();
        Configs.connectorName(checks, "connectors[" + name + "]", name);
        checks.require(names.add(name), "connectors[" + name + "]", "name is used twice");
      }
      Configs.throwIfAny("ConnectorRunner", checks);
      return new ConnectorRunner(this);
    }
  }
}
