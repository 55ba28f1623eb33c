package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

/** start() and stop() with real worker threads. */
class DispatcherLifecycleTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Test
  void workersSendUntilStoppedAndStopFinishesWhatWasClaimed() throws Exception {
    DispatchFixture f = new DispatchFixture(db);
    Dispatcher dispatcher =
        f.dispatcher(
            f.config()
                .coalesceWindow(Duration.ZERO)
                .workers(2)
                .pollInterval(Duration.ofMillis(20))
                .build());
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    CountDownLatch inSend = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    f.email.onNext(
        m -> {
          inSend.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return f.email.accept(m);
        });

    dispatcher.start();
    assertThatThrownBy(dispatcher::start).isInstanceOf(IllegalStateException.class);
    assertThat(inSend.await(30, TimeUnit.SECONDS)).as("a worker is sending").isTrue();
    Thread stopper = new Thread(dispatcher::stop, "stopper");
    stopper.start();
    stopper.join(300);
    assertThat(stopper.isAlive()).as("stop() waits for the send in progress").isTrue();
    assertThat(dispatcher.isRunning()).isFalse();

    release.countDown();
    stopper.join(30_000);

    assertThat(stopper.isAlive()).isFalse();
    assertThat(f.row(id).status()).as("what was claimed was finished").isEqualTo("SENT");
    f.alert("C1", "V2", "e1");
    assertThat(f.email.received()).as("nothing is claimed after stop").hasSize(1);
    dispatcher.stop(); // harmless
  }
}
