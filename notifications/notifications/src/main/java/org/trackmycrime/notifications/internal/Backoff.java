package org.trackmycrime.notifications.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": after the n-th failure wait between half and all
 * of {@code initial * 2^(n-1)} (capped), so workers that failed together do not retry together. A
 * provider's Retry-After is honoured (up to a cap) when it asks for longer.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /**
   * @param failures failures so far, from 1
   * @param retryAfter what the provider asked for, or null
   */
  public Duration delay(int failures, Duration retryAfter) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    for (int i = 1; i < failures && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long half = base / 2;
    long jittered = half + random.nextLong(base - half + 1);
    if (retryAfter != null && !retryAfter.isNegative()) {
      jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis()));
    }
    return Duration.ofMillis(Math.max(jittered, 1));
  }

  /**
   * The wait before trying a provider again that has been unreachable for {@code outage} so far:
   * about as long again as the outage (so the checks thin out as it goes on), between the initial
   * wait and the cap, with the same jitter.
   */
  public Duration delayInOutage(Duration outage) {
    long base = Math.min(Math.max(initial.toMillis(), outage.toMillis()), max.toMillis());
    long half = base / 2;
    return Duration.ofMillis(Math.max(half + random.nextLong(base - half + 1), 1));
  }
}
