package org.trackmycrime.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per account (the sign-in name, whether or not an account exists, so the
 * answer does not reveal which do) and per client (an address or other key the host chooses). Each
 * key has a token bucket refilled at a steady rate on the injected clock; a failure takes a token,
 * and with none left the caller is told to try again later. Successes cost nothing. In memory, per
 * node: with several nodes the limit is per node. Thread-safe.
 */
public final class SignInThrottle {
  /**
   * One limit: up to {@code burst} failures at once, then one more per {@code refillEvery}.
   *
   * @param burst failures allowed before the key is throttled
   * @param refillEvery time to earn back one failure
   */
  public record Limit(int burst, Duration refillEvery) {
    public Limit {
      if (burst < 1 || refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
        throw new IllegalArgumentException("burst must be positive and refillEvery positive");
      }
    }
  }

  /** Per account: 5 failures, then one every 5 minutes. */
  public static final Limit DEFAULT_PER_ACCOUNT = new Limit(5, Duration.ofMinutes(5));

  /** Per client: 20 failures, then one every 30 seconds. */
  public static final Limit DEFAULT_PER_CLIENT = new Limit(20, Duration.ofSeconds(30));

  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Limit perAccount;
  private final Limit perClient;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public SignInThrottle(Clock clock, Limit perAccount, Limit perClient) {
    this.clock = clock;
    this.perAccount = perAccount;
    this.perClient = perClient;
  }

  public static SignInThrottle defaults(Clock clock) {
    return new SignInThrottle(clock, DEFAULT_PER_ACCOUNT, DEFAULT_PER_CLIENT);
  }

  /** Empty if a sign-in may be tried now, else how long until it may. */
  public Optional<Duration> retryAfter(String account, String client) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    wait = max(wait, waitFor("a:" + account, perAccount, now));
    if (client != null) {
      wait = max(wait, waitFor("c:" + client, perClient, now));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a failed sign-in against the account and the client. */
  public void recordFailure(String account, String client) {
    Instant now = clock.instant();
    take("a:" + account, perAccount, now);
    if (client != null) {
      take("c:" + client, perClient, now);
    }
  }

  /** Forgets the account's failures (after a successful sign-in or a password reset). */
  public void reset(String account) {
    buckets.remove("a:" + account);
  }

  private Duration waitFor(String key, Limit limit, Instant now) {
    Bucket bucket = buckets.get(key);
    return bucket == null ? Duration.ZERO : bucket.waitFor(limit, now);
  }

  private void take(String key, Limit limit, Instant now) {
    if (buckets.size() >= MAX_KEYS) {
      // bounded memory: forget keys that have fully recovered, which throttle nothing
      buckets.values().removeIf(b -> b.isFull(limit, now));
    }
    buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now)).take(limit, now);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Tokens held in nanoseconds of refill time, to stay exact with whole durations. */
  private static final class Bucket {
    private double tokens;
    private Instant updated;

    Bucket(int tokens, Instant now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized Duration waitFor(Limit limit, Instant now) {
      refill(limit, now);
      if (tokens >= 1) {
        return Duration.ZERO;
      }
      long nanos = (long) Math.ceil((1 - tokens) * limit.refillEvery().toNanos());
      return Duration.ofNanos(Math.max(1, nanos));
    }

    synchronized void take(Limit limit, Instant now) {
      refill(limit, now);
      tokens = Math.max(0, tokens - 1);
    }

    synchronized boolean isFull(Limit limit, Instant now) {
      refill(limit, now);
      return tokens >= limit.burst();
    }

    private void refill(Limit limit, Instant now) {
      if (now.isAfter(updated)) {
        double earned =
            (double) Duration.between(updated, now).toNanos() / limit.refillEvery().toNanos();
        tokens = Math.min(limit.burst(), tokens + earned);
        updated = now;
      }
    }
  }
}
