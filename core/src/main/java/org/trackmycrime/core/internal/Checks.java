package org.trackmycrime.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;

/**
 * Collects every broken rule of a value before failing, so a caller sees all problems at once. Used
 * by the domain records' constructors and by configuration builders.
 */
public final class Checks {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final List<Problem> problems = new ArrayList<>();

  public Checks require(boolean ok, String field, String rule) {
    if (!ok) {
      problems.add(new Problem(field, rule));
    }
    return this;
  }

  public Checks notNull(String field, Object value) {
    return require(value != null, field, "is required");
  }

  /** Required text of 1..max characters without control characters. */
  public Checks text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return require(false, field, "is required and must not be blank");
    }
    return optionalText(field, value, max);
  }

  /** Optional text: when present, at most max characters and no control characters but newlines. */
  public Checks optionalText(String field, String value, int max) {
    if (value == null) {
      return this;
    }
    require(value.length() <= max, field, "must be at most " + max + " characters");
    return require(
        value
            .chars()
            .noneMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t'),
        field,
        "must not contain control characters");
  }

  /** A lower-case slug of 1..64 characters such as {@code avon-and-somerset}. */
  public Checks slug(String field, String value) {
    if (value == null) {
      return notNull(field, null);
    }
    return require(
        value.length() <= 64 && SLUG.matcher(value).matches(),
        field,
        "must be a lower-case slug of 1-64 characters (letters, digits and single hyphens)");
  }

  /** A records system's own identifier: 1..64 characters, no control characters. */
  public Checks ref(String field, String value) {
    if (value == null) {
      return notNull(field, null);
    }
    return require(
        !value.isEmpty()
            && value.length() <= 64
            && value.chars().noneMatch(Character::isISOControl),
        field,
        "must be 1-64 characters without control characters");
  }

  public Checks optionalRef(String field, String value) {
    return value == null ? this : ref(field, value);
  }

  public Checks e164(String field, String value) {
    if (value == null) {
      return this;
    }
    return require(
        E164.matcher(value).matches(),
        field,
        "must be an E.164 phone number such as +447700900123");
  }

  public Checks email(String field, String value) {
    if (value == null) {
      return this;
    }
    return require(Emails.isValid(value), field, "must be a valid email address");
  }

  public Checks noNulls(String field, Collection<?> values) {
    if (values == null) {
      return notNull(field, null);
    }
    return require(
        values.stream().allMatch(v -> v != null), field, "must not contain null elements");
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
