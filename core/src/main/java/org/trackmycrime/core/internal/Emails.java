package org.trackmycrime.core.internal;

import java.util.regex.Pattern;

/** Syntactic email check: a practical subset of RFC 5321 that real mail servers accept. */
public final class Emails {
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private Emails() {}

  public static boolean isValid(String value) {
    if (value == null || value.length() > 254) {
      return false;
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1 || at > 64) {
      return false;
    }
    if (!LOCAL.matcher(value.substring(0, at)).matches()) {
      return false;
    }
    String[] labels = value.substring(at + 1).split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }
}
