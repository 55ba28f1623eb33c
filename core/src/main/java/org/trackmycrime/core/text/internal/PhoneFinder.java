package org.trackmycrime.core.text.internal;

import java.util.ArrayList;
import java.util.List;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds phone numbers by scanning, not by regular expression: digits are gathered into groups
 * joined by the separators people type (a space, a hyphen, a dot, brackets), and the longest run of
 * consecutive groups that has a phone number's count of digits is replaced. One pass over the text,
 * and a bounded look at each group.
 */
public final class PhoneFinder {
  /** The most groups one number may be typed in: "0 7 7 0 0 9 0 0 1 2 3" is eleven. */
  private static final int MAX_GROUPS = 11;

  private PhoneFinder() {}

  public static void find(String text, List<Candidate> out) {
    int n = text.length();
    int i = 0;
    List<int[]> groups = new ArrayList<>();
    while (i < n) {
      if (!Chars.isAsciiDigit(text.charAt(i))) {
        i++;
        continue;
      }
      groups.clear();
      int k = i;
      while (true) {
        int groupStart = k;
        while (k < n && Chars.isAsciiDigit(text.charAt(k))) {
          k++;
        }
        groups.add(new int[] {groupStart, k});
        int g = k;
        while (g < n && g - k < 3 && isSeparator(text.charAt(g))) {
          g++;
        }
        if (g > k && g < n && Chars.isAsciiDigit(text.charAt(g)) && validSeparator(text, k, g)) {
          k = g;
        } else {
          break;
        }
      }
      int s = 0;
      while (s < groups.size()) {
        int found = -1;
        for (int e = Math.min(groups.size() - 1, s + MAX_GROUPS - 1); e >= s; e--) {
          if (isPhoneNumber(text, groups, s, e)) {
            found = e;
            break;
          }
        }
        if (found < 0) {
          s++;
          continue;
        }
        int start = prefixStart(text, groups.get(s)[0]);
        int end = groups.get(found)[1];
        if (opensMoreThanCloses(text, start, end) && text.charAt(start) == '(') {
          start++; // "(07700 900123)": the brackets are the writer's, not the number's
        }
        out.add(new Candidate(start, end, ReplacementCategory.PHONE));
        s = found + 1;
      }
      i = groups.get(groups.size() - 1)[1];
    }
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\u00a0' || c == '.' || c == '(' || c == ')' || Chars.isHyphen(c);
  }

  /** One space, one hyphen, one dot alone, or brackets: "0117 496", "(0117) 496", "+44 (0)20". */
  private static boolean validSeparator(String text, int from, int to) {
    int hyphens = 0;
    int opens = 0;
    int closes = 0;
    int dots = 0;
    char previous = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c == '(') {
        opens++;
      } else if (c == ')') {
        closes++;
      } else if (Chars.isHyphen(c)) {
        hyphens++;
      } else if (previous == ' ' || previous == '\u00a0') {
        return false; // two spaces in a row end the number
      }
      previous = c;
    }
    return hyphens <= 1 && opens <= 1 && closes <= 1 && (dots == 0 || to - from == 1);
  }

  private static boolean isPhoneNumber(String text, List<int[]> groups, int s, int e) {
    int digits = 0;
    for (int g = s; g <= e; g++) {
      digits += groups.get(g)[1] - groups.get(g)[0];
    }
    int firstDigit = groups.get(s)[0];
    int start = prefixStart(text, firstDigit);
    boolean plus = text.substring(start, firstDigit).indexOf('+') >= 0;
    boolean leadingZero = text.charAt(firstDigit) == '0';
    boolean doubleZero = leadingZero && Chars.at(text, firstDigit + 1) == '0';
    boolean ok;
    if (plus) {
      ok = digits >= 8 && digits <= 15;
    } else if (doubleZero) {
      ok = digits >= 10 && digits <= 17;
    } else if (leadingZero) {
      ok = digits >= 9 && digits <= 12;
    } else {
      ok = digits >= 10 && digits <= 13 && !allYears(text, groups, s, e);
    }
    if (!ok) {
      return false;
    }
    int end = groups.get(e)[1];
    boolean gluedToWord =
        Chars.isLetterOrDigitAt(text, start - 1) || Chars.isLetterOrDigitAt(text, end);
    // inside a code such as a 64-hex crime id only an unmistakable number counts
    return !gluedToWord || (digits >= 10 && (plus || leadingZero));
  }

  /** "2019 2020 2021" is a list of years, not a number. */
  private static boolean allYears(String text, List<int[]> groups, int s, int e) {
    for (int g = s; g <= e; g++) {
      int[] group = groups.get(g);
      if (group[1] - group[0] != 4) {
        return false;
      }
      String year = text.substring(group[0], group[1]);
      if (!year.startsWith("19") && !year.startsWith("20")) {
        return false;
      }
    }
    return true;
  }

  /** Takes in a "+", "(" or "(+" typed just before the first digit. */
  private static int prefixStart(String text, int firstDigit) {
    int p = firstDigit;
    if (Chars.at(text, p - 1) == '(') {
      p--;
    }
    if (Chars.at(text, p - 1) == '+') {
      p--;
    }
    if (Chars.at(text, p - 1) == '(') {
      p--;
    }
    return p;
  }

  private static boolean opensMoreThanCloses(String text, int from, int to) {
    int balance = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      balance += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    return balance > 0;
  }
}
