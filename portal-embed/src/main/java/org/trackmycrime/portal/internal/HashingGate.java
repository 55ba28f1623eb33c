package org.trackmycrime.portal.internal;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the password hashing a portal does at once. At most {@code concurrent} hashes run (each
 * Argon2id computation with the default parameters holds 19 MiB and a core for tens of
 * milliseconds); up to {@code waiting} more callers wait their turn in arrival order. {@link
 * #tryRun} refuses at once when that many are already waiting, so a flood of sign-ins costs a
 * counter increment rather than a hash, a thread or memory. Thread-safe.
 */
public final class HashingGate {
  private final int concurrent;
  private final int waiting;
  private final Semaphore running;
  // callers that hold a permit or wait for one
  private final AtomicInteger inside = new AtomicInteger();

  public HashingGate(int concurrent, int waiting) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent: must be at least 1");
    }
    if (waiting < 0) {
      throw new IllegalArgumentException("waiting: must be 0 or more");
    }
    this.concurrent = concurrent;
    this.waiting = waiting;
    this.running = new Semaphore(concurrent, true);
  }

  /** The default: half the processors (at least one) hashing, four times that many waiting. */
  public static HashingGate defaults() {
    int concurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new HashingGate(concurrent, 4 * concurrent);
  }

  public int concurrent() {
    return concurrent;
  }

  public int waiting() {
    return waiting;
  }

  /** Callers running or waiting now (for tests and monitoring). */
  public int inside() {
    return inside.get();
  }

  /**
   * Runs the work when a slot is free, waiting for one if fewer than {@code waiting} callers
   * already wait; empty, without running it, when the queue is full (or the thread is interrupted
   * while waiting).
   */
  public <T> Optional<T> tryRun(Supplier<T> work) {
    if (inside.incrementAndGet() > concurrent + waiting) {
      inside.decrementAndGet();
      return Optional.empty();
    }
    try {
      try {
        running.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      try {
        return Optional.of(work.get());
      } finally {
        running.release();
      }
    } finally {
      inside.decrementAndGet();
    }
  }

  /**
   * Runs the work when a slot is free, waiting as long as it takes (no queue limit): for the
   * hashing that only a holder of a token or a session can start, which other limits already bound.
   */
  public <T> T run(Supplier<T> work) {
    inside.incrementAndGet();
    try {
      running.acquireUninterruptibly();
      try {
        return work.get();
      } finally {
        running.release();
      }
    } finally {
      inside.decrementAndGet();
    }
  }
}
