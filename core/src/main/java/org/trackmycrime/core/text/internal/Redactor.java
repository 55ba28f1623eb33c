package org.trackmycrime.core.text.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.Replacement;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Merges the finders' candidates and writes the output. Overlapping candidates become one
 * replacement covering all of them (so no fragment of either survives), named after the longest.
 */
public final class Redactor {
  private Redactor() {}

  public static Depersonalised apply(String text, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return new Depersonalised(text, List.of());
    }
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
    StringBuilder out = new StringBuilder(text.length() + 32);
    List<Replacement> replacements = new ArrayList<>();
    int copied = 0;
    int i = 0;
    while (i < sorted.size()) {
      Candidate dominant = sorted.get(i);
      int start = dominant.start();
      int end = dominant.end();
      int j = i + 1;
      while (j < sorted.size() && sorted.get(j).start() < end) {
        Candidate c = sorted.get(j);
        if (c.length() > dominant.length()) {
          dominant = c;
        }
        end = Math.max(end, c.end());
        j++;
      }
      out.append(text, copied, start);
      String words = words(out, dominant, dominant.end() == end ? dominant.possessive() : null);
      int outStart = out.length();
      out.append(words);
      replacements.add(new Replacement(outStart, out.length(), dominant.category()));
      copied = end;
      i = j;
    }
    out.append(text, copied, text.length());
    return new Depersonalised(out.toString(), replacements);
  }

  private static String words(StringBuilder before, Candidate c, String possessive) {
    ReplacementCategory category = c.category();
    String words = category.replacementText();
    if (!category.isName()) {
      return words;
    }
    if (endsWithArticle(before, "the")
        || (category == ReplacementCategory.WITNESS_NAME
            && (endsWithArticle(before, "a") || endsWithArticle(before, "an")))) {
      // "the Blake family" becomes "the suspect family", not "the the suspect family"
      words = words.substring(words.indexOf(' ') + 1);
    } else if (startsSentence(before)) {
      words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
    return possessive == null ? words : words + possessive;
  }

  private static boolean endsWithArticle(StringBuilder b, String article) {
    int n = b.length();
    int k = article.length();
    return n >= k + 1
        && b.charAt(n - 1) == ' '
        && b.substring(n - k - 1, n - 1).equalsIgnoreCase(article)
        && (n == k + 1 || !Character.isLetterOrDigit(b.charAt(n - k - 2)));
  }

  private static boolean startsSentence(StringBuilder b) {
    int i = b.length() - 1;
    while (i >= 0 && " \t\u00a0\"'\u201c\u2018([*-".indexOf(b.charAt(i)) >= 0) {
      i--;
    }
    return i < 0 || ".!?\n\r".indexOf(b.charAt(i)) >= 0;
  }
}
