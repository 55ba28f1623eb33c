package org.trackmycrime.core.messaging;

import java.util.List;

/**
 * Whether a victim's text looks urgent or like a new crime, and the configured phrases it matched
 * (each as configured, in the order they appear in the text).
 */
public record UrgencyCheck(boolean urgent, List<String> matchedPhrases) {
  public UrgencyCheck {
    matchedPhrases = List.copyOf(matchedPhrases);
    if (urgent != !matchedPhrases.isEmpty()) {
      throw new IllegalArgumentException("urgent exactly when a phrase matched");
    }
  }

  public static UrgencyCheck of(List<String> matchedPhrases) {
    return new UrgencyCheck(!matchedPhrases.isEmpty(), matchedPhrases);
  }
}
