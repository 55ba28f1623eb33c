package org.trackmycrime.testing.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.records.ConnectorRunner;
import org.trackmycrime.records.HealthStatus;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.records.RunnerConfig;

/**
 * The compatibility kit for a {@link PullConnector}: implement {@link #publish} and {@link
 * #connect()}, and the kit delivers with a {@link ConnectorRunner} and restarts by making a new
 * connector over the same durable state.
 *
 * <pre>{@code
 * class FileDropCompatibilityTest extends PullConnectorCompatibilityKit {
 *   @TempDir Path folder;
 *
 *   @Override protected void publish(List<KitEvent> events) { ...write a .jsonl file... }
 *
 *   @Override protected PullConnector<?> connect() {
 *     return FileDropConnector.create(FileDropConfig.builder(folder).batchSize(batchSize()).build());
 *   }
 * }
 * }</pre>
 */
public abstract class PullConnectorCompatibilityKit extends RecordConnectorCompatibilityKit {
  /** Fast pacing so that the threaded test does not wait. */
  private static final RunnerConfig KIT_RUNNER =
      RunnerConfig.builder()
          .pollInterval(Duration.ofMillis(10))
          .initialBackoff(Duration.ofMillis(10))
          .maxBackoff(Duration.ofMillis(50))
          .stopTimeout(Duration.ofSeconds(10))
          .build();

  private PullConnector<?> connector;

  /**
   * A new connector over the records system and the checkpoint store of this test, configured with
   * {@link #batchSize()}. Called for the first delivery and again after every restart, so it must
   * not keep state that a real restart would lose.
   */
  protected abstract PullConnector<?> connect();

  /** The connector in use, made on first use. */
  protected final PullConnector<?> connector() {
    if (connector == null) {
      connector = connect();
    }
    return connector;
  }

  /** Runs {@link ConnectorRunner#runOnce()} on this thread. */
  @Override
  protected void deliver(RecordIngest ingest) {
    ConnectorRunner.builder(ingest).connector(connector()).config(KIT_RUNNER).build().runOnce();
  }

  /** Closes the connector; the next delivery uses a new one from {@link #connect()}. */
  @Override
  protected void restart() {
    closeConnector();
  }

  @AfterEach
  final void closeConnector() {
    if (connector != null) {
      connector.close();
      connector = null;
    }
  }

  @Test
  @DisplayName("delivers everything when the runner drives it on its own thread")
  void deliversEverythingWhenTheRunnerDrivesItOnItsOwnThread() {
    List<KitEvent> events = goodEvents(batchSize() * 2 + 1);
    publish(events);

    ConnectorRunner runner =
        ConnectorRunner.builder(kitIngest()).connector(connector()).config(KIT_RUNNER).build();
    runner.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (runner.counters().applied() < events.size() && System.nanoTime() < deadline) {
        sleep();
      }
      assertEquals(HealthStatus.UP, runner.status(), "the runner is healthy while delivering");
    } finally {
      assertTrue(runner.stop(Duration.ofSeconds(10)), "the runner stops after its batch");
    }
    assertEachAppliedOnce(events);
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
