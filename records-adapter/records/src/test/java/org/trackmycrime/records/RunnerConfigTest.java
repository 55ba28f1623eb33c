package org.trackmycrime.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.ValidationException;

class RunnerConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    RunnerConfig c = RunnerConfig.defaults();
    assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.backoffMultiplier()).isEqualTo(2.0);
    assertThat(c.downAfterFailures()).isEqualTo(5);
    assertThat(c.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void backoffDoublesFromTheInitialWaitUpToTheCap() {
    RunnerConfig c = RunnerConfig.defaults();
    assertThat(
            java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(c::backoff)
                .map(Duration::toMillis)
                .toList())
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L);
    assertThat(c.backoff(10_000)).as("no overflow far past the cap").isEqualTo(c.maxBackoff());
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    RunnerConfig.Builder b =
        RunnerConfig.builder()
            .pollInterval(Duration.ZERO)
            .initialBackoff(Duration.ofSeconds(10))
            .maxBackoff(Duration.ofSeconds(1))
            .backoffMultiplier(0.5)
            .downAfterFailures(0)
            .stopTimeout(null);

    assertThatThrownBy(b::build)
        .isInstanceOf(ConfigurationException.class)
        .cause()
        .isInstanceOfSatisfying(
            ValidationException.class,
            v ->
                assertThat(v.problems())
                    .extracting(p -> p.field())
                    .containsExactlyInAnyOrder(
                        "pollInterval",
                        "maxBackoff",
                        "backoffMultiplier",
                        "downAfterFailures",
                        "stopTimeout"));
  }

  @Test
  void readsItsKeysFromPropertiesInShortOrIsoDurations() {
    RunnerConfig c =
        RunnerConfig.fromProperties(
            Map.of(
                "pollInterval", "250ms",
                "initialBackoff", "PT2S",
                "maxBackoff", "5m",
                "backoffMultiplier", "3",
                "downAfterFailures", "7",
                "stopTimeout", "10s"));

    assertThat(c)
        .isEqualTo(
            new RunnerConfig(
                Duration.ofMillis(250),
                Duration.ofSeconds(2),
                Duration.ofMinutes(5),
                3.0,
                7,
                Duration.ofSeconds(10)));
  }

  @Test
  void propertiesReportUnknownKeysUnparseableValuesAndBrokenRulesTogether() {
    assertThatThrownBy(
            () ->
                RunnerConfig.fromProperties(
                    Map.of(
                        "pollIntervall", "1s",
                        "maxBackoff", "soon",
                        "downAfterFailures", "0")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pollIntervall: is not a known setting")
        .hasMessageContaining("maxBackoff: must be a duration")
        .hasMessageContaining("downAfterFailures: must be at least 1");
  }
}
