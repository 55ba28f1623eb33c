package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.notifications.DispatchFixture.FORCE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/**
 * Three dispatcher nodes (each its own {@link TrackMyCrime}, four worker threads) on one real
 * PostgreSQL deliver 1,000 alerts: every one exactly once, counted at the provider by idempotency
 * key. Real threads and real locks; the clock stands still, so no lease expires.
 */
class MultiNodeDispatchTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  static final int CRIMES = 100;
  static final int VICTIMS_PER_CRIME = 10;
  static final int ALERTS = CRIMES * VICTIMS_PER_CRIME;

  @Test
  void threeNodesDeliverAThousandAlertsEachExactlyOnce() throws Exception {
    DispatchFixture f = new DispatchFixture(db);
    long recording = System.nanoTime();
    for (int c = 0; c < CRIMES; c++) {
      String crimeRef = "C" + c;
      List<Victim> victims = new ArrayList<>();
      for (int v = 0; v < VICTIMS_PER_CRIME; v++) {
        victims.add(
            Victim.builder(FORCE, crimeRef, "V" + v)
                .name("Alex", "Canary")
                .email("victim" + c + "." + v + "@example.org")
                .enrolment(DispatchFixture.suitable(f.clock.instant()))
                .build());
      }
      f.tmc
          .crimeService()
          .record(
              Crime.recorded(FORCE, crimeRef, "Burglary", f.clock.instant()),
              victims,
              DispatchFixture.OFFICER);
    }
    long setUp = System.nanoTime();
    f.tmc.inTransaction(
        () -> {
          for (int c = 0; c < CRIMES; c++) {
            for (int v = 0; v < VICTIMS_PER_CRIME; v++) {
              f.alert("C" + c, "V" + v, "e1");
            }
          }
          return null;
        });
    RecordingChannel provider = RecordingChannel.email();
    CountDownLatch allSent = new CountDownLatch(ALERTS);
    List<AtomicInteger> perNode = new ArrayList<>();
    List<Dispatcher> nodes = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      AtomicInteger sentHere = new AtomicInteger();
      perNode.add(sentHere);
      TrackMyCrime node =
          TrackMyCrime.builder().dataSource(db.dataSource()).clock(f.clock).migrate(false).build();
      nodes.add(
          Dispatcher.builder()
              .trackMyCrime(node)
              .channel(provider)
              .config(
                  f.config()
                      .coalesceWindow(Duration.ZERO)
                      .workers(4)
                      .batchSize(10)
                      .pollInterval(Duration.ofMillis(20))
                      .build())
              .listener(
                  new DispatchListener() {
                    @Override
                    public void onSent(DispatchEvent.Sent event) {
                      sentHere.incrementAndGet();
                      allSent.countDown();
                    }
                  })
              .build());
    }

    long started = System.nanoTime();
    nodes.forEach(Dispatcher::start);
    boolean finished = allSent.await(180, TimeUnit.SECONDS);
    nodes.forEach(Dispatcher::stop);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(finished).as("all %d alerts sent within 3 minutes", ALERTS).isTrue();
    Map<String, Integer> counts = provider.countByKey();
    assertThat(counts).as("every alert reached the provider").hasSize(ALERTS);
    assertThat(counts.values()).as("none twice").containsOnly(1);
    assertThat(provider.attempts()).hasSize(ALERTS);
    assertThat(f.tmc.outbox().byStatus(FORCE, OutboxMessage.Status.SENT, 2000)).hasSize(ALERTS);
    assertThat(perNode)
        .as("the three nodes shared the work")
        .allSatisfy(n -> assertThat(n.get()).isPositive());
    System.out.printf(
        "recorded %d victims in %d ms, queued their alerts in %d ms; 3 nodes x 4 workers"
            + " delivered them in %d ms (per node: %s)%n",
        ALERTS,
        (setUp - recording) / 1_000_000,
        (started - setUp) / 1_000_000,
        took.toMillis(),
        perNode);
  }
}
