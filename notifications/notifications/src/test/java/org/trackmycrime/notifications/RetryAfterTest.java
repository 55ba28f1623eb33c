package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsDelaySecondsAndHttpDates() {
    assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:05:00 GMT", clock))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aPastDateMeansNowAndAHugeWaitIsCappedAtADay() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("99999999999999999999", clock)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void absentOrUnreadableGivesNothing() {
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse(" ", clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
  }
}
