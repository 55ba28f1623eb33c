package org.trackmycrime.core.text.internal;

import java.util.List;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds email addresses by growing outwards from each "@" (at most 64 characters to the left, 253
 * to the right, as the limits of an address allow), so the work stays linear in the text.
 */
public final class EmailFinder {
  private EmailFinder() {}

  public static void find(String text, List<Candidate> out) {
    int n = text.length();
    int resumeAt = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      if (at < resumeAt) {
        continue;
      }
      int start = at;
      while (start > resumeAt && at - start < 64 && isLocalChar(text.charAt(start - 1))) {
        start--;
      }
      while (start < at && (text.charAt(start) == '.' || Chars.isApostrophe(text.charAt(start)))) {
        start++;
      }
      if (start == at) {
        continue;
      }
      int end = at + 1;
      while (end < n && end - at - 1 < 253 && isDomainChar(text.charAt(end))) {
        end++;
      }
      while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
        end--;
      }
      if (isDomain(text, at + 1, end)) {
        out.add(new Candidate(start, end, ReplacementCategory.EMAIL));
        resumeAt = end;
      }
    }
  }

  private static boolean isLocalChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || Chars.isAsciiDigit(c)
        || "._%+-!#$&*=?^{|}~".indexOf(c) >= 0
        || Chars.isApostrophe(c)
        || Character.isLetter(c);
  }

  private static boolean isDomainChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || Chars.isAsciiDigit(c)
        || c == '.'
        || c == '-'
        || Character.isLetter(c);
  }

  /** At least two labels, and a last label of two or more letters: "example.org". */
  private static boolean isDomain(String text, int from, int to) {
    int lastDot = to - 1;
    while (lastDot > from && text.charAt(lastDot) != '.') {
      lastDot--;
    }
    if (lastDot <= from || to - lastDot - 1 < 2) {
      return false;
    }
    for (int i = lastDot + 1; i < to; i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
