package org.trackmycrime.core.model;

import org.trackmycrime.core.internal.Checks;

/** Text a victim reads, in English and Welsh. Welsh falls back to English when absent. */
public record LocalizedText(String en, String cy) {
  public static final int MAX_LENGTH = 8000;

  public LocalizedText {
    new Checks()
        .text("text.en", en, MAX_LENGTH)
        .optionalText("text.cy", cy, MAX_LENGTH)
        .throwIfAny();
  }

  /** The same words in both languages (for example an officer's own text). */
  public static LocalizedText same(String text) {
    return new LocalizedText(text, text);
  }

  public String in(Language language) {
    return language == Language.CY && cy != null ? cy : en;
  }
}
