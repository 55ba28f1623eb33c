package org.trackmycrime.core.text;

import java.util.List;
import java.util.stream.Collectors;
import org.trackmycrime.core.internal.Checks;

/**
 * Text after {@link Depersonaliser} has replaced the personal details in it.
 *
 * @param text the text a victim may read
 * @param replacements where each replacement sits in {@code text}, in order and without overlaps
 */
public record Depersonalised(String text, List<Replacement> replacements) {
  public Depersonalised {
    Checks checks = new Checks().notNull("text", text).noNulls("replacements", replacements);
    checks.throwIfAny();
    replacements = List.copyOf(replacements);
    int previousEnd = 0;
    for (int i = 0; i < replacements.size(); i++) {
      Replacement r = replacements.get(i);
      checks.require(
          r.start() >= previousEnd && r.end() <= text.length(),
          "replacements[" + i + "]",
          "must lie inside the text, after the previous replacement");
      previousEnd = r.end();
    }
    checks.throwIfAny();
  }

  /** Nothing to show: the result for a null or empty input. */
  public static Depersonalised empty() {
    return new Depersonalised("", List.of());
  }

  /** True when at least one detail was replaced. */
  public boolean changed() {
    return !replacements.isEmpty();
  }

  /** The replacement words at {@code replacement}'s span, for example "[postcode]". */
  public String textOf(Replacement replacement) {
    return text.substring(replacement.start(), replacement.end());
  }

  /**
   * Shows the length and the replacement spans only: even depersonalised, the text is a message to
   * a victim and must not reach a log.
   */
  @Override
  public String toString() {
    return "Depersonalised[length="
        + text.length()
        + ", replacements="
        + replacements.stream()
            .map(r -> r.category() + "@" + r.start() + "-" + r.end())
            .collect(Collectors.joining(", ", "[", "]"))
        + "]";
  }
}
