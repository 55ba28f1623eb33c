package org.trackmycrime.core.text.internal;

import org.trackmycrime.core.text.ReplacementCategory;

/**
 * A stretch {@code [start, end)} of the input that must be replaced. Candidates from different
 * finders may overlap; {@link Redactor} merges them so that no part of any candidate survives.
 *
 * @param possessive the possessive ending that followed a name ("'s" or "’s"), already inside the
 *     span, so the replacement can keep it; null otherwise
 */
public record Candidate(int start, int end, ReplacementCategory category, String possessive) {
  public Candidate(int start, int end, ReplacementCategory category) {
    this(start, end, category, null);
  }

  public int length() {
    return end - start;
  }
}
