package org.trackmycrime.core.text.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A word of the input: a maximal run of letters (with their accents and any invisible characters
 * inside), split at everything else, hyphens and apostrophes included, so "O'Neill" is "O" and
 * "Neill" and "Smith-Jones" is "Smith" and "Jones".
 *
 * @param folded the word as {@link Chars#fold} gives it
 * @param capitalised the first letter is upper or title case
 * @param allUpper every cased letter is upper case and there are at least two letters
 */
public record Token(int start, int end, String folded, boolean capitalised, boolean allUpper) {

  /** Whether the folded word is a single letter, as an initial is. */
  public boolean isSingleLetter() {
    return folded.codePointCount(0, folded.length()) == 1;
  }

  public static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      int end = i + Character.charCount(cp);
      int j = end;
      int letters = 1;
      boolean upper = Character.isUpperCase(cp);
      while (j < n) {
        int next = text.codePointAt(j);
        if (!Chars.isWordPart(next)) {
          break;
        }
        j += Character.charCount(next);
        if (Character.isLetter(next)) {
          letters++;
          upper &= !Character.isLowerCase(next);
          end = j;
        } else if (Chars.isMark(next)) {
          end = j;
        }
      }
      boolean capitalised = Character.isUpperCase(cp) || Character.isTitleCase(cp);
      tokens.add(
          new Token(
              start,
              end,
              Chars.fold(text.substring(start, end)),
              capitalised,
              upper && letters >= 2));
      i = j;
    }
    return tokens;
  }
}
