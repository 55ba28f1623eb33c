package org.trackmycrime.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

  @Test
  void nightIsQuietAndDayIsNot() {
    assertThat(quiet.isQuiet(Instant.parse("2026-01-15T20:59:59Z"), UK)).isFalse();
    assertThat(quiet.isQuiet(Instant.parse("2026-01-15T21:00:00Z"), UK)).isTrue();
    assertThat(quiet.isQuiet(Instant.parse("2026-01-16T07:59:59Z"), UK)).isTrue();
    assertThat(quiet.isQuiet(Instant.parse("2026-01-16T08:00:00Z"), UK)).isFalse();
  }

  @Test
  void localTimeCountsInSummer() {
    // 20:30 UTC is 21:30 BST: quiet; 07:30 UTC is 08:30 BST: not
    assertThat(quiet.isQuiet(Instant.parse("2026-07-01T20:30:00Z"), UK)).isTrue();
    assertThat(quiet.isQuiet(Instant.parse("2026-07-02T07:30:00Z"), UK)).isFalse();
  }

  @Test
  void aTextAtNightWaitsUntilEightTheNextMorning() {
    assertThat(quiet.nextAllowed(Instant.parse("2026-07-01T21:30:00Z"), UK))
        .isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
    assertThat(quiet.nextAllowed(Instant.parse("2026-07-02T02:00:00Z"), UK))
        .as("after midnight: the same morning")
        .isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
  }

  @Test
  void theNightTheClocksGoForwardEndsAtEightLocal() {
    // 29 March 2026: clocks go forward at 01:00 UTC; 08:00 BST is 07:00 UTC
    assertThat(quiet.nextAllowed(Instant.parse("2026-03-28T22:00:00Z"), UK))
        .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
  }

  @Test
  void aDaytimeWindowWorksToo() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
    assertThat(lunch.nextAllowed(Instant.parse("2026-01-15T12:30:00Z"), UK))
        .isEqualTo(Instant.parse("2026-01-15T13:00:00Z"));
    assertThat(lunch.isQuiet(Instant.parse("2026-01-15T23:30:00Z"), UK)).isFalse();
  }
}
