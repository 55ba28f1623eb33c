package org.trackmycrime.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(6), new Random(42));

  @Test
  void doublesWithJitterBetweenHalfAndAll() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(1, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
      assertThat(backoff.delay(3, null)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }
  }

  @Test
  void isCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.delay(40, null)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    }
  }

  @Test
  void jitterSpreadsWorkersThatFailedTogether() {
    assertThat(
            java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.delay(4, null))
                .distinct()
                .count())
        .isGreaterThan(40);
  }

  @Test
  void honoursALongerRetryAfterUpToItsCap() {
    assertThat(backoff.delay(1, Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(20));
    assertThat(backoff.delay(1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(6));
    assertThat(backoff.delay(1, Duration.ofSeconds(1)))
        .as("a shorter Retry-After does not make us hurry")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(15));
  }
}
