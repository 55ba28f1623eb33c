package org.trackmycrime.core.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.Language;

/**
 * How victims' messages are handled: the phrases that make text look urgent or like a new crime
 * (English and Welsh, replaceable per force) and how many messages a victim may send a day. Passed
 * to {@code TrackMyCrime.builder().messaging(…)}; {@link #defaults()} when not given.
 *
 * <pre>{@code
 * MessagingConfig config = MessagingConfig.builder()
 *     .forceUrgentPhrases("demo-force", Language.EN, List.of("emergency", "in danger", "stalking"))
 *     .maxMessagesPerVictimPerDay(10)
 *     .build();
 * }</pre>
 *
 * <p>Phrases match case-insensitively on word boundaries ("kill" does not match "skill"); words of
 * a phrase match across any run of spaces. Text is checked against both languages' phrases,
 * whatever the victim's language.
 *
 * @param urgentPhrases the phrases of every force without its own list for that language
 * @param forceUrgentPhrases per force slug, lists that replace the default for a language
 * @param maxMessagesPerVictimPerDay messages one victim may send on one crime in any 24 hours;
 *     default 20
 */
public record MessagingConfig(
    Map<Language, List<String>> urgentPhrases,
    Map<String, Map<Language, List<String>>> forceUrgentPhrases,
    int maxMessagesPerVictimPerDay) {

  public static final int DEFAULT_MAX_MESSAGES_PER_VICTIM_PER_DAY = 20;
  public static final int MAX_PHRASE_LENGTH = 100;

  /** Default English phrases: danger now, a new crime, threats, harm. */
  public static final List<String> DEFAULT_URGENT_EN =
      List.of(
          "emergency",
          "urgent",
          "in danger",
          "help me",
          "he is here",
          "he's here",
          "she is here",
          "she's here",
          "they are here",
          "they're here",
          "outside my house",
          "happening now",
          "right now",
          "new crime",
          "threatening",
          "threatened",
          "threatens",
          "hurt",
          "hurting",
          "injured",
          "attacked",
          "kill",
          "killed",
          "weapon",
          "knife",
          "gun",
          "suicide");

  /** Default Welsh phrases, with the common mutations of the words that take them. */
  public static final List<String> DEFAULT_URGENT_CY =
      List.of(
          "argyfwng",
          "brys",
          "helpwch fi",
          "mewn perygl",
          "mae e yma",
          "mae o yma",
          "mae hi yma",
          "maen nhw yma",
          "tu allan i'r tŷ",
          "yn digwydd nawr",
          "yn digwydd rŵan",
          "trosedd newydd",
          "drosedd newydd",
          "nhrosedd newydd",
          "bygwth",
          "mygwth",
          "fygwth",
          "bygythiol",
          "wedi brifo",
          "wedi fy anafu",
          "anafu",
          "ymosod",
          "lladd",
          "ladd",
          "nghyllell",
          "cyllell",
          "hunanladdiad");

  public MessagingConfig {
    Checks checks =
        new Checks()
            .notNull("messaging.urgentPhrases", urgentPhrases)
            .notNull("messaging.forceUrgentPhrases", forceUrgentPhrases)
            .require(
                maxMessagesPerVictimPerDay >= 1 && maxMessagesPerVictimPerDay <= 1000,
                "messaging.maxMessagesPerVictimPerDay",
                "must be between 1 and 1000");
    if (urgentPhrases != null) {
      urgentPhrases.forEach((l, p) -> checkPhrases(checks, "messaging.urgentPhrases." + l, p));
      for (Language l : Language.values()) {
        checks.require(urgentPhrases.containsKey(l), "messaging.urgentPhrases." + l, "is required");
      }
    }
    if (forceUrgentPhrases != null) {
      forceUrgentPhrases.forEach(
          (force, byLanguage) -> {
            checks.slug("messaging.forceUrgentPhrases", force);
            checks.notNull("messaging.forceUrgentPhrases." + force, byLanguage);
            if (byLanguage != null) {
              byLanguage.forEach(
                  (l, p) ->
                      checkPhrases(checks, "messaging.forceUrgentPhrases." + force + "." + l, p));
            }
          });
    }
    checks.throwIfAny();
    urgentPhrases = copy(urgentPhrases);
    Map<String, Map<Language, List<String>>> forces = new TreeMap<>();
    forceUrgentPhrases.forEach((force, byLanguage) -> forces.put(force, copy(byLanguage)));
    forceUrgentPhrases = Map.copyOf(forces);
  }

  /** The defaults: {@link #DEFAULT_URGENT_EN}, {@link #DEFAULT_URGENT_CY}, 20 a day. */
  public static MessagingConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The phrases used for a force's text in a language: its own list, else the default. */
  public List<String> urgentPhrases(String force, Language language) {
    Map<Language, List<String>> own = forceUrgentPhrases.get(force);
    if (own != null && own.containsKey(language)) {
      return own.get(language);
    }
    return urgentPhrases.get(language);
  }

  private static void checkPhrases(Checks checks, String field, List<String> phrases) {
    checks.noNulls(field, phrases);
    if (phrases == null) {
      return;
    }
    for (String p : phrases) {
      if (p != null) {
        checks.text(field, p, MAX_PHRASE_LENGTH);
        checks.require(
            p.codePoints().anyMatch(Character::isLetterOrDigit),
            field,
            "phrases must contain a letter or digit");
      }
    }
  }

  private static Map<Language, List<String>> copy(Map<Language, List<String>> byLanguage) {
    Map<Language, List<String>> copy = new EnumMap<>(Language.class);
    byLanguage.forEach((l, p) -> copy.put(l, List.copyOf(p)));
    return Map.copyOf(copy);
  }

  /** Builds a {@link MessagingConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private final Map<Language, List<String>> urgentPhrases = new EnumMap<>(Language.class);
    private final Map<String, Map<Language, List<String>>> forcePhrases = new LinkedHashMap<>();
    private int maxPerDay = DEFAULT_MAX_MESSAGES_PER_VICTIM_PER_DAY;

    private Builder() {
      urgentPhrases.put(Language.EN, DEFAULT_URGENT_EN);
      urgentPhrases.put(Language.CY, DEFAULT_URGENT_CY);
    }

    /** Replaces the default phrases of a language for every force without its own. */
    public Builder urgentPhrases(Language language, Collection<String> phrases) {
      urgentPhrases.put(language, phrases == null ? null : new ArrayList<>(phrases));
      return this;
    }

    /** Replaces one force's phrases for a language (the other language keeps the default). */
    public Builder forceUrgentPhrases(String force, Language language, Collection<String> phrases) {
      forcePhrases
          .computeIfAbsent(force, f -> new EnumMap<>(Language.class))
          .put(language, phrases == null ? null : new ArrayList<>(phrases));
      return this;
    }

    public Builder maxMessagesPerVictimPerDay(int value) {
      this.maxPerDay = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ValidationException naming every broken rule
     */
    public MessagingConfig build() {
      return new MessagingConfig(urgentPhrases, forcePhrases, maxPerDay);
    }
  }
}
