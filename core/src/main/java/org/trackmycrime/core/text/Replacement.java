package org.trackmycrime.core.text;

import org.trackmycrime.core.internal.Checks;

/**
 * Where one personal detail was replaced, as a half-open span {@code [start, end)} of the
 * <em>output</em> text, so that an officer's preview can highlight it. The original words are not
 * kept.
 */
public record Replacement(int start, int end, ReplacementCategory category) {
  public Replacement {
    new Checks()
        .require(start >= 0, "start", "must not be negative")
        .require(end > start, "end", "must be greater than start")
        .notNull("category", category)
        .throwIfAny();
  }

  /** The length of the replacement words in the output. */
  public int length() {
    return end - start;
  }
}
