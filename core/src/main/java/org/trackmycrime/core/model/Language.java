package org.trackmycrime.core.model;

import java.util.Locale;

/** The languages a victim can choose for their alerts and portal: English and Welsh. */
public enum Language {
  EN("en"),
  CY("cy");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code, as in the record-event contract ({@code en} or {@code cy}). */
  public String code() {
    return code;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /** Parses {@code en} or {@code cy} (any case). */
  public static Language ofCode(String code) {
    for (Language l : values()) {
      if (l.code.equalsIgnoreCase(code)) {
        return l;
      }
    }
    throw new IllegalArgumentException("language must be en or cy, not " + code);
  }
}
