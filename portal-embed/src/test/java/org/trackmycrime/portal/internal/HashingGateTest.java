package org.trackmycrime.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HashingGateTest {

  /** Polls (without asserting any duration) until the gate holds this many callers. */
  private static void awaitInside(HashingGate gate, int n) throws InterruptedException {
    for (int i = 0; i < 10_000 && gate.inside() != n; i++) {
      Thread.sleep(1);
    }
    assertThat(gate.inside()).isEqualTo(n);
  }

  @Test
  void beyondTheRunningAndWaitingCallersTryRunIsRefusedWithoutRunningTheWork() throws Exception {
    HashingGate gate = new HashingGate(1, 1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Supplier<String> blocking =
          () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return "hashed";
          };
      CompletableFuture<Optional<String>> first =
          CompletableFuture.supplyAsync(() -> gate.tryRun(blocking), pool);
      awaitInside(gate, 1);
      CompletableFuture<Optional<String>> second =
          CompletableFuture.supplyAsync(() -> gate.tryRun(blocking), pool);
      awaitInside(gate, 2);
      // the second waits: it has not started its work while the first holds the only slot
      assertThat(second).isNotDone();
      assertThat(running.get()).isEqualTo(1);

      AtomicInteger ranThird = new AtomicInteger();
      Optional<String> third = gate.tryRun(() -> "x" + ranThird.incrementAndGet());
      assertThat(third).isEmpty();
      assertThat(ranThird.get()).isZero();

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).contains("hashed");
      assertThat(second.get(10, TimeUnit.SECONDS)).contains("hashed");
      assertThat(most.get()).as("never more than one at once").isEqualTo(1);
      assertThat(gate.inside()).isZero();
      assertThat(gate.tryRun(() -> "again")).contains("again");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void runWaitsForASlotEvenWhenTheQueueIsFull() throws Exception {
    HashingGate gate = new HashingGate(1, 0);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Optional<String>> holder =
          CompletableFuture.supplyAsync(
              () ->
                  gate.tryRun(
                      () -> {
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return "a";
                      }),
              pool);
      awaitInside(gate, 1);
      assertThat(gate.tryRun(() -> "refused")).isEmpty();
      CompletableFuture<String> waiter =
          CompletableFuture.supplyAsync(() -> gate.run(() -> "b"), pool);
      awaitInside(gate, 2);
      assertThat(waiter).isNotDone();
      release.countDown();
      assertThat(holder.get(10, TimeUnit.SECONDS)).contains("a");
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("b");
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void limitsAreChecked() {
    assertThatThrownBy(() -> new HashingGate(0, 1)).hasMessageContaining("concurrent");
    assertThatThrownBy(() -> new HashingGate(1, -1)).hasMessageContaining("waiting");
    HashingGate d = HashingGate.defaults();
    assertThat(d.concurrent()).isBetween(1, Runtime.getRuntime().availableProcessors());
    assertThat(d.waiting()).isEqualTo(4 * d.concurrent());
  }
}
