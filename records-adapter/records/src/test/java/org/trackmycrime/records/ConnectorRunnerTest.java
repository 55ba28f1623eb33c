package org.trackmycrime.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.records.ConnectorFailure.Stage;

class ConnectorRunnerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final RunnerConfig FAST =
      RunnerConfig.builder()
          .pollInterval(Duration.ofMillis(5))
          .initialBackoff(Duration.ofMillis(5))
          .maxBackoff(Duration.ofMillis(20))
          .downAfterFailures(3)
          .stopTimeout(Duration.ofSeconds(5))
          .build();

  private final ScriptedIngest ingest = new ScriptedIngest();
  private final RecordingListener listener = new RecordingListener();
  private ConnectorRunner runner;

  @AfterEach
  void closeRunner() {
    if (runner != null) {
      runner.close();
    }
  }

  private static List<String> events(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "e" + i).toList();
  }

  private ConnectorRunner runner(ListConnector... connectors) {
    ConnectorRunner.Builder b =
        ConnectorRunner.builder(ingest)
            .config(FAST)
            .listener(listener)
            .clock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    for (ListConnector c : connectors) {
      b.connector(c);
    }
    runner = b.build();
    return runner;
  }

  @Test
  void deliversEveryEventInBatchesAndAcknowledgesEachCheckpointAfterItsCommit() {
    ListConnector connector = new ListConnector("list", 3, events(7));

    assertThat(runner(connector).runOnce()).as("caught up without failure").isTrue();

    assertThat(ingest.calls()).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(connector.acknowledgements).containsExactly(3, 6, 7);
    assertThat(ingest.committed()).hasSize(7);
    assertThat(runner.counters("list")).isEqualTo(new ConnectorCounters(7, 0, 0, 0));
    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.UP);
  }

  @Test
  void aFailedCommitLeavesTheCheckpointAloneAndTheSameBatchIsOfferedAgain() {
    ListConnector connector = new ListConnector("list", 3, events(5));
    ingest.failNext(1);
    runner(connector);

    assertThat(runner.runOnce()).as("the first run fails").isFalse();
    assertThat(connector.acknowledgements).as("nothing acknowledged").isEmpty();
    ConnectorHealth degraded = runner.health("list");
    assertThat(degraded.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(degraded.lastErrorType()).isEqualTo(PersistenceException.class.getName());
    assertThat(degraded.lastErrorAt()).isEqualTo(NOW);

    assertThat(runner.runOnce()).isTrue();
    List<List<RawEvent>> calls = ingest.calls();
    assertThat(calls.get(1)).as("the batch in hand is offered again").isEqualTo(calls.get(0));
    assertThat(connector.polls.get())
        .as("no new poll for the failed batch: two batches and the final empty poll")
        .isEqualTo(3);
    assertThat(connector.acknowledgements).containsExactly(3, 5);
    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.UP);
  }

  @Test
  void retriesOnItsOwnThreadWithExponentialBackoffCappedAtTheMaximum() {
    ListConnector connector = new ListConnector("list", 10, events(4));
    ingest.failNext(4);
    runner(connector).start();

    Await.until("the batch is acknowledged", () -> connector.acknowledged() == 4);
    assertThat(listener.failures)
        .extracting(ConnectorFailure::retryIn)
        .containsExactly(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(20),
            Duration.ofMillis(20));
    assertThat(listener.failures).extracting(ConnectorFailure::stage).containsOnly(Stage.INGEST);
    assertThat(listener.committed)
        .singleElement()
        .extracting(BatchCommitted::attempts)
        .isEqualTo(5);
    assertThat(ingest.committed()).hasSize(4);
  }

  @Test
  void neverPollsTheNextBatchBeforeThePreviousIsCommittedAndAcknowledged() {
    ListConnector first = new ListConnector("first", 2, events(9));
    ListConnector second = new ListConnector("second", 4, List.of("x1", "x2", "x3"));
    runner(first, second).start();

    Await.until(
        "both connectors caught up", () -> first.acknowledged() == 9 && second.acknowledged() == 3);
    assertThat(first.polledWhileOutstanding()).isFalse();
    assertThat(second.polledWhileOutstanding()).isFalse();
    assertThat(runner.counters()).isEqualTo(new ConnectorCounters(12, 0, 0, 0));
  }

  @Test
  void countsOutcomesByStatusAndTellsListenersAboutEachRejectedEvent() {
    ListConnector connector =
        new ListConnector("list", 10, List.of("e1", "bad-1", "park-1", "e1", "bad-2"));

    runner(connector).runOnce();

    assertThat(runner.counters("list")).isEqualTo(new ConnectorCounters(1, 1, 1, 2));
    assertThat(listener.rejected)
        .extracting(IngestOutcome::origin)
        .containsExactly("list:2", "list:5");
    assertThat(listener.committed)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.connector()).isEqualTo("list");
              assertThat(b.counts()).isEqualTo(new ConnectorCounters(1, 1, 1, 2));
              assertThat(b.committedAt()).isEqualTo(NOW);
            });
  }

  @Test
  void healthIsDownAfterTooManyFailuresInARowAndUpAgainAfterASuccess() {
    ListConnector connector = new ListConnector("list", 10, events(2));
    ingest.failNext(3);
    runner(connector);

    runner.runOnce();
    runner.runOnce();
    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.DEGRADED);
    runner.runOnce();
    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.DOWN);
    assertThat(runner.health("list").consecutiveFailures()).isEqualTo(3);
    runner.runOnce();

    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.UP);
    assertThat(listener.healthChanges)
        .containsExactly(HealthStatus.DEGRADED, HealthStatus.DOWN, HealthStatus.UP);
  }

  @Test
  void aFailedPollIsReportedAndRetried() {
    ListConnector connector = new ListConnector("list", 10, events(2));
    connector.pollFailure = new ConnectorException("list", "folder is not readable");
    runner(connector);

    assertThat(runner.runOnce()).isFalse();
    assertThat(listener.failures)
        .singleElement()
        .extracting(ConnectorFailure::stage)
        .isEqualTo(Stage.POLL);
    assertThat(runner.runOnce()).isTrue();
    assertThat(connector.acknowledged()).isEqualTo(2);
  }

  @Test
  void aFailedAcknowledgementMeansTheBatchIsOfferedAgainAndComesBackDuplicate() {
    ListConnector connector = new ListConnector("list", 10, events(2));
    connector.acknowledgeFailure = new ConnectorException("list", "disk full");
    runner(connector);

    assertThat(runner.runOnce()).isFalse();
    assertThat(runner.runOnce()).isTrue();

    assertThat(runner.counters("list")).isEqualTo(new ConnectorCounters(2, 2, 0, 0));
    assertThat(listener.failures)
        .extracting(ConnectorFailure::stage)
        .containsExactly(Stage.ACKNOWLEDGE);
  }

  @Test
  void stopLetsTheBatchInHandFinishAndThenPollsNoMore() throws Exception {
    ListConnector connector = new ListConnector("list", 3, events(6));
    CountDownLatch release = ingest.holdCalls();
    runner(connector).start();
    ingest.entered.await();

    assertThat(runner.stop(Duration.ofMillis(50)))
        .as("the thread is still inside the ingest")
        .isFalse();
    release.countDown();
    assertThat(runner.stop(Duration.ofSeconds(5))).isTrue();

    assertThat(connector.acknowledgements).as("the batch in hand was finished").containsExactly(3);
    assertThat(connector.polls.get()).as("no poll after the stop").isEqualTo(1);
    assertThat(runner.health("list").status()).isEqualTo(HealthStatus.DOWN);
    assertThat(runner.health("list").detail()).isEqualTo("stopped");
  }

  @Test
  void stopDuringABackoffEndsAtOnceAndLeavesTheBatchUnacknowledged() {
    ListConnector connector = new ListConnector("list", 3, events(3));
    ingest.failAlways(true);
    runner =
        ConnectorRunner.builder(ingest)
            .connector(connector)
            .listener(listener)
            .config(
                FAST.toBuilder()
                    .initialBackoff(Duration.ofMinutes(5))
                    .maxBackoff(Duration.ofMinutes(5))
                    .build())
            .build();
    runner.start();
    Await.until("the first failure", () -> !listener.failures.isEmpty());

    long started = System.nanoTime();
    assertThat(runner.stop(Duration.ofSeconds(5))).isTrue();

    // far less than the 5-minute backoff it was sleeping in
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(connector.acknowledgements).isEmpty();
  }

  @Test
  void aThrowingListenerDoesNotStopDelivery() {
    ListConnector connector = new ListConnector("list", 2, events(4));
    runner =
        ConnectorRunner.builder(ingest)
            .connector(connector)
            .listener(
                new ConnectorListener() {
                  @Override
                  public void onBatchCommitted(BatchCommitted batch) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .listener(listener)
            .build();

    assertThat(runner.runOnce()).isTrue();
    assertThat(connector.acknowledged()).isEqualTo(4);
    assertThat(listener.committed).hasSize(2);
  }

  @Test
  void healthIsDownBeforeStartAndAfterStopAndUpWhileRunning() {
    ListConnector connector = new ListConnector("list", 2, events(1));
    runner(connector);
    assertThat(runner.health("list").detail()).isEqualTo("not started");
    assertThat(runner.status()).isEqualTo(HealthStatus.DOWN);

    runner.start();
    Await.until("delivered", () -> connector.acknowledged() == 1);
    assertThat(runner.status()).isEqualTo(HealthStatus.UP);
    assertThat(runner.health()).extracting(ConnectorHealth::connector).containsExactly("list");

    runner.close();
    assertThat(runner.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(connector.closed).as("close() closes the connectors").isTrue();
  }

  @Test
  void runOnceIsRefusedOnceTheThreadsAreStartedAndStartIsRefusedTwice() {
    runner(new ListConnector("list", 2, events(1))).start();

    assertThatThrownBy(runner::runOnce).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBuilderReportsEveryProblemAtOnce() {
    ConnectorRunner.Builder b =
        ConnectorRunner.builder(null)
            .clock(null)
            .connector(new ListConnector("same", 1, List.of()))
            .connector(new ListConnector("same", 1, List.of()))
            .connector(new ListConnector("has space", 1, List.of()));

    assertThatThrownBy(b::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ingest: is required")
        .hasMessageContaining("clock: is required")
        .hasMessageContaining("connectors[same]: name is used twice")
        .hasMessageContaining("connectors[has space]: must be 1-64 characters");
    assertThatThrownBy(() -> ConnectorRunner.builder(ingest).build())
        .hasMessageContaining("connectors: at least one is required");
  }

  @Test
  void unknownConnectorNamesAreRefused() {
    runner(new ListConnector("list", 2, events(1)));
    assertThatThrownBy(() -> runner.health("other")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Collects what the runner reports. */
  static final class RecordingListener implements ConnectorListener {
    final List<BatchCommitted> committed = new CopyOnWriteArrayList<>();
    final List<IngestOutcome> rejected = new CopyOnWriteArrayList<>();
    final List<ConnectorFailure> failures = new CopyOnWriteArrayList<>();
    final List<HealthStatus> healthChanges = new CopyOnWriteArrayList<>();

    @Override
    public void onBatchCommitted(BatchCommitted batch) {
      committed.add(batch);
    }

    @Override
    public void onRejected(String connector, IngestOutcome outcome) {
      assertThat(outcome.status()).isEqualTo(IngestStatus.REJECTED);
      rejected.add(outcome);
    }

    @Override
    public void onError(ConnectorFailure failure) {
      failures.add(failure);
    }

    @Override
    public void onHealthChanged(ConnectorHealth health) {
      healthChanges.add(health.status());
    }
  }
}
