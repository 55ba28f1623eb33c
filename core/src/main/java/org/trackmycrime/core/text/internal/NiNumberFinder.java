package org.trackmycrime.core.text.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds National Insurance numbers: two letters, six digits and a letter A to D, with or without
 * spaces or hyphens ("QQ 12 34 56 C", "qq123456c"). Without the final letter the two letters must
 * be capitals.
 */
public final class NiNumberFinder {
  private static final Pattern NI =
      Pattern.compile(
          "(?<![A-Za-z0-9])([A-Za-z]{2})[ \\u00a0-]?[0-9]{2}[ \\u00a0-]?[0-9]{2}[ \\u00a0-]?[0-9]{2}"
              + "(?:[ \\u00a0-]?([A-Da-d]))?(?![A-Za-z0-9])");

  private NiNumberFinder() {}

  public static void find(String text, List<Candidate> out) {
    Matcher m = NI.matcher(text);
    while (m.find()) {
      String letters = m.group(1);
      if (m.group(2) != null || letters.equals(letters.toUpperCase(Locale.ROOT))) {
        out.add(new Candidate(m.start(), m.end(), ReplacementCategory.NI_NUMBER));
      }
    }
  }
}
