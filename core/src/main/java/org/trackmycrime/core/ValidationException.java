package org.trackmycrime.core;

import java.util.List;
import java.util.Map;

/**
 * Input broke a rule. Every problem names the field and the rule, and all problems found are
 * reported at once rather than the first only.
 */
public class ValidationException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  /** One broken rule: the field's path (for example {@code victims[0].mobile}) and the rule. */
  public record Problem(String field, String rule) {
    @Override
    public String toString() {
      return field + ": " + rule;
    }
  }

  private final List<Problem> problems;

  public ValidationException(List<Problem> problems) {
    this(problems, Map.of());
  }

  public ValidationException(List<Problem> problems, Map<String, String> context) {
    super(describe(problems), context, null);
    this.problems = List.copyOf(problems);
  }

  public static ValidationException of(String field, String rule) {
    return new ValidationException(List.of(new Problem(field, rule)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(p);
    }
    return sb.toString();
  }
}
