package org.trackmycrime.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.portal.internal.CommonPasswords;

/**
 * What a victim's new password must be (NCSC guidance, OWASP ASVS 6.2): at least {@value
 * #MIN_LENGTH} characters ({@value #RECOMMENDED_LENGTH} or more recommended), at most {@value
 * #MAX_LENGTH}, not one of the NCSC's 100,000 most common passwords, and not containing the force's
 * name or the word "police". No composition rules. Length counts Unicode code points.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;
  public static final int RECOMMENDED_LENGTH = 15;
  public static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  /**
   * The rules the password breaks, each a sentence naming the rule; empty when it is acceptable.
   */
  public static List<String> problems(CharSequence password, String forceName) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() == 0) {
      problems.add("enter a password");
      return problems;
    }
    // checked on the raw length first, so a huge input is refused before any other work
    if (password.length() > MAX_LENGTH * 2
        || password.toString().codePointCount(0, password.length()) > MAX_LENGTH) {
      problems.add("must be " + MAX_LENGTH + " characters or fewer");
      return problems;
    }
    String text = password.toString();
    int length = text.codePointCount(0, text.length());
    if (length < MIN_LENGTH) {
      problems.add(
          "must be at least "
              + MIN_LENGTH
              + " characters (we recommend "
              + RECOMMENDED_LENGTH
              + " or more)");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (CommonPasswords.contains(text)) {
      problems.add("is one of the most common passwords; choose one that is harder to guess");
    }
    if (forceName != null
        && !forceName.isBlank()
        && lower.contains(forceName.strip().toLowerCase(Locale.ROOT))) {
      problems.add("must not contain the police force's name");
    }
    if (lower.contains("police")) {
      problems.add("must not contain the word \"police\"");
    }
    return problems;
  }

  /** Throws a {@link ValidationException} on field {@code password} listing every broken rule. */
  public static void check(CharSequence password, String forceName) {
    List<String> problems = problems(password, forceName);
    if (!problems.isEmpty()) {
      throw new ValidationException(
          problems.stream().map(p -> new ValidationException.Problem("password", p)).toList());
    }
  }
}
