package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The depersonaliser on any text and any known names. Its contract is to never throw and to
 * withhold the whole text when something goes wrong inside; here, withholding is a failure too,
 * since it only happens when an internal step broke. Input: the text, then NUL-separated names of
 * one suspect.
 */
class DepersonaliserFuzzTest {
  private static final Depersonaliser DEPERSONALISER =
      Depersonaliser.create(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

  @FuzzTest(maxDuration = "60s")
  void depersonalise(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\0", -1);
    String text = parts[0];
    List<PersonNames> people =
        parts.length > 1
            ? List.of(PersonNames.suspect(Arrays.copyOfRange(parts, 1, parts.length)))
            : List.of();
    Depersonalised out = DEPERSONALISER.depersonalise(text, people);
    assertThat(out).isNotNull();
    if (!text.isEmpty()) {
      assertThat(out.text())
          .as("withheld: an internal step failed")
          .isNotEqualTo(Depersonaliser.WITHHELD);
    }
  }
}
