package org.trackmycrime.core.store;

import java.util.Optional;

/**
 * The result of checking one force's audit chain, from its first entry to the chain head.
 *
 * @param force the force whose chain was read
 * @param entries how many entries were read
 * @param firstBreak the first link that does not hold, or empty when the chain is intact
 */
public record AuditVerification(String force, long entries, Optional<BrokenLink> firstBreak) {

  /** True when every entry is present, in order, and unchanged. */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /**
   * The first link that failed.
   *
   * @param sequence the sequence number where the chain breaks
   * @param problem what failed: {@code sequence} (an entry is missing or out of order), {@code
   *     previous-hash} (the entry does not follow the one before it), {@code hash} (the entry was
   *     changed) or {@code head} (entries are missing at the end)
   * @param expected what the chain says should be there
   * @param found what is there
   */
  public record BrokenLink(long sequence, String problem, String expected, String found) {
    @Override
    public String toString() {
      return "sequence " + sequence + ": " + problem + " expected " + expected + ", found " + found;
    }
  }
}
