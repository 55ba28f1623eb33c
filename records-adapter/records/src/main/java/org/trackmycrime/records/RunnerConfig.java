package org.trackmycrime.records;

import java.time.Duration;
import java.util.Map;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.internal.Configs;

/**
 * How a {@link ConnectorRunner} paces its connectors. Immutable; {@link #builder()} starts from the
 * defaults, and every way of making one reports all broken rules at once.
 *
 * <table>
 *   <caption>Settings (the same names as keys for {@link #fromProperties})</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code pollInterval}</td><td>1s</td><td>wait after a poll that found nothing new</td></tr>
 *   <tr><td>{@code initialBackoff}</td><td>500ms</td><td>wait after a first failure</td></tr>
 *   <tr><td>{@code maxBackoff}</td><td>1m</td><td>the longest wait between retries</td></tr>
 *   <tr><td>{@code backoffMultiplier}</td><td>2.0</td><td>growth of the wait per failure</td></tr>
 *   <tr><td>{@code downAfterFailures}</td><td>5</td><td>failures in a row before health is DOWN</td></tr>
 *   <tr><td>{@code stopTimeout}</td><td>30s</td><td>how long {@code close()} waits for the batch
 *       in hand</td></tr>
 * </table>
 *
 * @param pollInterval wait after a poll that found nothing new (1 ms to 1 hour)
 * @param initialBackoff wait after the first failure (at least 1 ms)
 * @param maxBackoff the cap on the wait between retries (at least {@code initialBackoff})
 * @param backoffMultiplier how much the wait grows with each failure in a row (1 to 10)
 * @param downAfterFailures failures in a row after which the health is DOWN (at least 1)
 * @param stopTimeout how long {@link ConnectorRunner#close()} waits for batches in hand
 */
public record RunnerConfig(
    Duration pollInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    double backoffMultiplier,
    int downAfterFailures,
    Duration stopTimeout) {

  private static final Duration MILLI = Duration.ofMillis(1);

  public RunnerConfig {
    Checks checks =
        new Checks()
            .notNull("pollInterval", pollInterval)
            .notNull("initialBackoff", initialBackoff)
            .notNull("maxBackoff", maxBackoff)
            .notNull("stopTimeout", stopTimeout)
            .require(
                backoffMultiplier >= 1.0 && backoffMultiplier <= 10.0,
                "backoffMultiplier",
                "must be between 1 and 10")
            .require(downAfterFailures >= 1, "downAfterFailures", "must be at least 1");
    if (pollInterval != null) {
      checks.require(
          pollInterval.compareTo(MILLI) >= 0 && pollInterval.compareTo(Duration.ofHours(1)) <= 0,
          "pollInterval",
          "must be between 1ms and 1h");
    }
    if (initialBackoff != null) {
      checks.require(
          initialBackoff.compareTo(MILLI) >= 0, "initialBackoff", "must be at least 1ms");
      if (maxBackoff != null) {
        checks.require(
            maxBackoff.compareTo(initialBackoff) >= 0,
            "maxBackoff",
            "must be at least initialBackoff");
      }
    }
    if (stopTimeout != null) {
      checks.require(!stopTimeout.isNegative(), "stopTimeout", "must not be negative");
    }
    Configs.throwIfAny("RunnerConfig", checks);
  }

  /** 1s poll interval, backoff from 500ms doubling up to 1m, DOWN after 5 failures, 30s to stop. */
  public static RunnerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from key/value pairs using the keys in the table above; missing keys keep
   * their defaults.
   *
   * @throws org.trackmycrime.core.ConfigurationException naming every unknown key, unparseable
   *     value and broken rule
   */
  public static RunnerConfig fromProperties(Map<String, String> properties) {
    Configs in = Configs.read("RunnerConfig", properties);
    Builder b = builder();
    in.duration("pollInterval").ifPresent(b::pollInterval);
    in.duration("initialBackoff").ifPresent(b::initialBackoff);
    in.duration("maxBackoff").ifPresent(b::maxBackoff);
    in.decimal("backoffMultiplier").ifPresent(b::backoffMultiplier);
    in.integer("downAfterFailures").ifPresent(b::downAfterFailures);
    in.duration("stopTimeout").ifPresent(b::stopTimeout);
    return in.build(b::build);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .pollInterval(pollInterval)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .backoffMultiplier(backoffMultiplier)
        .downAfterFailures(downAfterFailures)
        .stopTimeout(stopTimeout);
  }

  /**
   * The wait before the next attempt after {@code failures} failures in a row: {@code
   * initialBackoff × multiplier^(failures-1)}, capped at {@code maxBackoff}.
   */
  public Duration backoff(int failures) {
    if (failures <= 1) {
      return initialBackoff;
    }
    double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, failures - 1.0);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }

  /** Builds a {@link RunnerConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofMinutes(1);
    private double backoffMultiplier = 2.0;
    private int downAfterFailures = 5;
    private Duration stopTimeout = Duration.ofSeconds(30);

    private Builder() {}

    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    public Builder backoffMultiplier(double value) {
      this.backoffMultiplier = value;
      return this;
    }

    public Builder downAfterFailures(int value) {
      this.downAfterFailures = value;
      return this;
    }

    public Builder stopTimeout(Duration value) {
      this.stopTimeout = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every broken rule
     */
    public RunnerConfig build() {
      return new RunnerConfig(
          pollInterval,
          initialBackoff,
          maxBackoff,
          backoffMultiplier,
          downAfterFailures,
          stopTimeout);
    }
  }
}
