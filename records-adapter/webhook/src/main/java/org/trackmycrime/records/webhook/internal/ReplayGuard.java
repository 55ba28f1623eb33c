package org.trackmycrime.records.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the signatures of accepted requests until their timestamp leaves the replay window, so
 * that the same request cannot be played again. Memory is bounded by the number of genuine requests
 * in one window: a forged request never gets this far.
 */
public final class ReplayGuard {
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

  private final Map<String, Instant> seen = new HashMap<>();
  private Instant nextSweep = Instant.MIN;

  /**
   * Claims a signature until {@code expiresAt}.
   *
   * @return false when it was claimed before and has not expired: a replay
   */
  public synchronized boolean claim(String signature, Instant expiresAt, Instant now) {
    sweep(now);
    Instant until = seen.get(signature);
    if (until != null && until.isAfter(now)) {
      return false;
    }
    seen.put(signature, expiresAt);
    return true;
  }

  /** Gives a claim back, so that the sender may send the same request again after a failure. */
  public synchronized void release(String signature) {
    seen.remove(signature);
  }

  /** How many signatures are remembered. */
  public synchronized int size() {
    return seen.size();
  }

  private void sweep(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    seen.values().removeIf(until -> !until.isAfter(now));
    nextSweep = now.plus(SWEEP_EVERY);
  }
}
