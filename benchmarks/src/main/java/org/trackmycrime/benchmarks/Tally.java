package org.trackmycrime.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a server on loopback received, counted per recipient as each message arrives (before the
 * server answers), so a count read after the last send has finished is complete.
 */
final class Tally {
  private final ConcurrentHashMap<String, LongAdder> byRecipient = new ConcurrentHashMap<>();
  private final LongAdder received = new LongAdder();

  void add(String recipient) {
    byRecipient.computeIfAbsent(recipient, r -> new LongAdder()).increment();
    received.increment();
  }

  /** Messages received since the last {@link #reset()}. */
  long received() {
    return received.sum();
  }

  /** Different recipients among them. */
  long recipients() {
    return byRecipient.size();
  }

  /** Messages beyond the first to the same recipient. */
  long duplicates() {
    return received() - recipients();
  }

  void reset() {
    byRecipient.clear();
    received.reset();
  }
}
