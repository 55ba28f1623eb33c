package org.trackmycrime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  @Test
  void standsStillUntilMovedAndZonedViewsShareTheTime() {
    MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    var london = clock.withZone(ZoneId.of("Europe/London"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    clock.advance(Duration.ofDays(28));
    assertThat(london.instant()).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    clock.set(Instant.EPOCH);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
  }
}
