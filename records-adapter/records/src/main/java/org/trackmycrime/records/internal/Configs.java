package org.trackmycrime.records.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Checks;

/**
 * Reads a connector's settings from string key/value pairs (a properties file, environment) and
 * reports every unknown key, unparseable value and broken rule at once, the same way for every
 * connector configuration.
 */
public final class Configs {
  private static final Pattern CONNECTOR_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final String what;
  private final Map<String, String> values;
  private final Set<String> read = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  private Configs(String what, Map<String, String> values) {
    this.what = what;
    this.values = Map.copyOf(values);
  }

  /** Settings named {@code what} (for messages) read from {@code values}. */
  public static Configs read(String what, Map<String, String> values) {
    return new Configs(what, values);
  }

  /**
   * Throws a {@link ConfigurationException} naming every problem {@code checks} found; its cause is
   * a {@link ValidationException} whose {@code problems()} list them one by one.
   */
  public static void throwIfAny(String what, Checks checks) {
    if (!checks.ok()) {
      try {
        checks.throwIfAny();
      } catch (ValidationException e) {
        throw new ConfigurationException(what + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Checks a connector's name: it keys logs, health, counters and stored checkpoints, so it is kept
   * to 1-64 characters of {@code A-Z a-z 0-9 . _ -}.
   */
  public static Checks connectorName(Checks checks, String field, String name) {
    return checks.require(
        name != null && CONNECTOR_NAME.matcher(name).matches(),
        field,
        "must be 1-64 characters of A-Z a-z 0-9 . _ -");
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT5M}.
   */
  public static Duration parseDuration(String text) {
    String t = text.trim();
    Matcher m = SHORT_DURATION.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    return Duration.parse(t);
  }

  public Optional<String> text(String key) {
    read.add(key);
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public Optional<Integer> integer(String key) {
    return parse(key, Integer::valueOf, "must be a whole number");
  }

  public Optional<Long> longValue(String key) {
    return parse(key, Long::valueOf, "must be a whole number");
  }

  public Optional<Double> decimal(String key) {
    return parse(key, Double::valueOf, "must be a number");
  }

  public Optional<Duration> duration(String key) {
    return parse(key, Configs::parseDuration, "must be a duration such as 500ms, 30s, 5m or PT5M");
  }

  public Optional<Path> path(String key) {
    return parse(key, Path::of, "must be a file system path");
  }

  public Optional<Boolean> bool(String key) {
    return parse(
        key,
        v -> {
          if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v);
          }
          throw new IllegalArgumentException(v);
        },
        "must be true or false");
  }

  /**
   * Every key starting with {@code prefix}, without the prefix (for keys such as {@code data.x}).
   */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String key : new TreeSet<>(values.keySet())) {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        read.add(key);
        found.put(key.substring(prefix.length()), values.get(key).trim());
      }
    }
    return found;
  }

  /**
   * Builds the configuration, and throws a {@link ConfigurationException} listing unknown keys,
   * values that did not parse and the rules the result broke, all together.
   */
  public <T> T build(Supplier<T> builder) {
    for (String key : new TreeSet<>(values.keySet())) {
      if (!read.contains(key)) {
        problems.add(new Problem(key, "is not a known setting"));
      }
    }
    List<Problem> all = new ArrayList<>(problems);
    T result = null;
    try {
      result = builder.get();
    } catch (ConfigurationException e) {
      if (e.getCause() instanceof ValidationException v) {
        all.addAll(v.problems());
      } else {
        throw e;
      }
    }
    if (!all.isEmpty()) {
      ValidationException v = new ValidationException(all);
      throw new ConfigurationException(what + ": " + v.getMessage(), v);
    }
    return result;
  }

  /** An enum constant by name, ignoring case. */
  public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(constant.name());
    }
    return parse(
        key, v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)), "must be one of " + names);
  }

  /**
   * Any value {@code parser} can read; a parser failing with an {@link IllegalArgumentException},
   * {@link DateTimeException} or {@link ArithmeticException} records {@code rule} as the problem.
   */
  public <T> Optional<T> parse(String key, Function<String, T> parser, String rule) {
    Optional<String> raw = text(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(raw.get()));
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      problems.add(new Problem(key, rule));
      return Optional.empty();
    }
  }
}
