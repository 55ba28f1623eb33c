package org.trackmycrime.core.internal.messaging;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.messaging.MessagingConfig;
import org.trackmycrime.core.messaging.UrgencyCheck;
import org.trackmycrime.core.model.Language;

/**
 * Finds a force's urgent phrases in text: case-insensitive, whole words only (a phrase must not
 * have a letter or digit right before or after it), any run of white space between its words, and
 * curly apostrophes read as straight ones. Patterns are compiled once per force.
 */
public final class UrgencyDetector {
  private static final String EDGE = "[\\p{L}\\p{N}_]";

  private record Phrase(String text, Pattern pattern) {}

  private record Found(String phrase, int at) {}

  private final MessagingConfig config;
  private final Map<String, List<Phrase>> byForce = new ConcurrentHashMap<>();

  public UrgencyDetector(MessagingConfig config) {
    this.config = config;
  }

  public UrgencyCheck check(String force, String text) {
    if (text == null || text.isBlank()) {
      return UrgencyCheck.of(List.of());
    }
    String normal = normalise(text);
    List<Found> found = new ArrayList<>();
    for (Phrase p : byForce.computeIfAbsent(force, this::compile)) {
      Matcher m = p.pattern().matcher(normal);
      if (m.find()) {
        found.add(new Found(p.text(), m.start()));
      }
    }
    found.sort(Comparator.comparingInt(Found::at));
    return UrgencyCheck.of(found.stream().map(Found::phrase).toList());
  }

  private List<Phrase> compile(String force) {
    Set<String> phrases = new LinkedHashSet<>();
    for (Language l : Language.values()) {
      phrases.addAll(config.urgentPhrases(force, l));
    }
    List<Phrase> compiled = new ArrayList<>();
    for (String phrase : phrases) {
      String[] words = normalise(phrase).strip().split("\\s+");
      StringBuilder regex = new StringBuilder("(?<!").append(EDGE).append(')');
      for (int i = 0; i < words.length; i++) {
        if (i > 0) {
          regex.append("\\s+");
        }
        regex.append(Pattern.quote(words[i]));
      }
      regex.append("(?!").append(EDGE).append(')');
      compiled.add(
          new Phrase(
              phrase,
              Pattern.compile(
                  regex.toString(),
                  Pattern.CASE_INSENSITIVE
                      | Pattern.UNICODE_CASE
                      | Pattern.UNICODE_CHARACTER_CLASS)));
    }
    return List.copyOf(compiled);
  }

  private static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .replace('\u2019', '\'')
        .replace('\u2018', '\'');
  }
}
