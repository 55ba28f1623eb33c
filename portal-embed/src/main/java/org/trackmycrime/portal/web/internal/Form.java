package org.trackmycrime.portal.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.portal.http.PortalRequest;

/**
 * What a form shows: the values to put back in its fields and the errors, field by field, in the
 * order they appear on the page (the error summary lists them in that order and links to each field
 * by its id). Error texts are already in the page's language. Passwords are never put back.
 */
public final class Form {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  public static Form empty() {
    return new Form();
  }

  /** A form holding the submitted values of these fields (at most 4,000 characters each). */
  public static Form of(PortalRequest request, String... fields) {
    Form f = new Form();
    for (String name : fields) {
      request
          .field(name)
          .ifPresent(v -> f.values.put(name, v.length() > 4000 ? v.substring(0, 4000) : v));
    }
    return f;
  }

  public Form value(String field, String value) {
    if (value != null) {
      values.put(field, value);
    }
    return this;
  }

  /** The submitted value, or "" for none. */
  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public Optional<String> find(String field) {
    String v = values.get(field);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  public Form error(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  /** The error for a field, or null. */
  public String errorFor(String field) {
    return errors.get(field);
  }

  public Map<String, String> errors() {
    return Map.copyOf(errors);
  }

  /** The errors in page order, for the error summary. */
  public Iterable<Map.Entry<String, String>> errorList() {
    return errors.entrySet();
  }

  /** The ids a field's {@code aria-describedby} names (hint, error), or null for none. */
  public String describedBy(String field, boolean hasHint) {
    String ids = (hasHint ? field + "-hint " : "") + (hasError(field) ? field + "-error" : "");
    return ids.isBlank() ? null : ids.strip();
  }
}
