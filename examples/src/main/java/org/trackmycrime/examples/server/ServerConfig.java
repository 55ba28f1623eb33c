package org.trackmycrime.examples.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The reference server's configuration, read from {@code TMC_*} environment variables or a
 * properties file with the same keys, validated all at once. Secrets never appear in {@link
 * #toString()} or in any problem message.
 */
public record ServerConfig(
    int httpPort,
    String dbUrl,
    String dbUser,
    String dbPassword,
    URI publicBaseUrl,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    String twilioAccountSid,
    String twilioAuthToken,
    String twilioFrom,
    URI twilioBaseUrl,
    String notifyApiKey,
    URI notifyBaseUrl,
    Path recordsDropDir,
    String webhookSecret,
    String portalSecret,
    String force,
    Duration alertCoalesce,
    Duration dispatchLease,
    Duration dispatchMaxBackoff,
    LocalTime quietFrom,
    LocalTime quietUntil,
    boolean demo) {

  /** Every variable the server reads. */
  public static final List<String> VARIABLES =
      List.of(
          "TMC_HTTP_PORT",
          "TMC_DB_URL",
          "TMC_DB_USER",
          "TMC_DB_PASSWORD",
          "TMC_PUBLIC_BASE_URL",
          "TMC_SMTP_HOST",
          "TMC_SMTP_PORT",
          "TMC_SMTP_FROM",
          "TMC_TWILIO_ACCOUNT_SID",
          "TMC_TWILIO_AUTH_TOKEN",
          "TMC_TWILIO_FROM",
          "TMC_TWILIO_BASE_URL",
          "TMC_NOTIFY_API_KEY",
          "TMC_NOTIFY_BASE_URL",
          "TMC_RECORDS_DROP_DIR",
          "TMC_WEBHOOK_SECRET",
          "TMC_PORTAL_SECRET",
          "TMC_FORCE",
          "TMC_ALERT_COALESCE_SECONDS",
          "TMC_SMS_QUIET_HOURS",
          "TMC_DISPATCH_LEASE_SECONDS",
          "TMC_DISPATCH_MAX_BACKOFF_SECONDS",
          "TMC_DEMO");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final Pattern QUIET = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

  /** A configuration that cannot start the server; the message lists every problem. */
  public static final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
      super("Invalid configuration:\n  " + String.join("\n  ", problems));
      this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the variable's name. */
    public List<String> problems() {
      return problems;
    }
  }

  /** Reads the environment, or the file given with {@code --config FILE}. */
  public static ServerConfig fromArgs(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i])) {
        if (i + 1 >= args.length) {
          throw new InvalidConfigException(List.of("--config: needs a file name"));
        }
        return fromMap(readProperties(Path.of(args[i + 1])));
      }
    }
    return fromMap(env);
  }

  private static Map<String, String> readProperties(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new InvalidConfigException(
          List.of("--config: cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
    }
    Map<String, String> map = new HashMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    return map;
  }

  /** Validates the given variables; unknown {@code TMC_*} keys are reported as typos. */
  public static ServerConfig fromMap(Map<String, String> raw) {
    Map<String, String> v = new HashMap<>();
    raw.forEach(
        (k, val) -> {
          if (k.startsWith("TMC_") && val != null && !val.isBlank()) {
            v.put(k, val.strip());
          }
        });
    List<String> problems = new ArrayList<>();
    v.keySet().stream()
        .filter(k -> !VARIABLES.contains(k))
        .sorted()
        .forEach(k -> problems.add(k + ": unknown variable (check the spelling)"));

    int port = intVar(v, "TMC_HTTP_PORT", 8080, 0, 65535, problems);
    boolean demo = boolVar(v, "TMC_DEMO", true, problems);
    String force = v.getOrDefault("TMC_FORCE", "demo-force");
    if (!SLUG.matcher(force).matches()) {
      problems.add("TMC_FORCE: must be a lower-case slug such as demo-force (a-z, 0-9, -)");
    }
    String dbUrl = v.getOrDefault("TMC_DB_URL", "jdbc:h2:./data/trackmycrime");
    if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      problems.add("TMC_DB_URL: must be an H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…) URL");
    }
    URI publicUrl = uriVar(v, "TMC_PUBLIC_BASE_URL", problems);
    if (publicUrl == null && !v.containsKey("TMC_PUBLIC_BASE_URL")) {
      if (demo) {
        publicUrl = URI.create("http://localhost:" + (port == 0 ? 8080 : port));
      } else {
        problems.add("TMC_PUBLIC_BASE_URL: is required outside demo mode (TMC_DEMO=false)");
      }
    } else if (publicUrl != null && !demo && !"https".equals(publicUrl.getScheme())) {
      problems.add("TMC_PUBLIC_BASE_URL: must be https outside demo mode");
    }

    String smtpHost = v.get("TMC_SMTP_HOST");
    int smtpPort = intVar(v, "TMC_SMTP_PORT", 587, 1, 65535, problems);
    String smtpFrom = v.get("TMC_SMTP_FROM");
    if (smtpHost != null && smtpFrom == null) {
      problems.add("TMC_SMTP_FROM: is required when TMC_SMTP_HOST is set");
    }
    if (smtpHost == null && (smtpFrom != null || v.containsKey("TMC_SMTP_PORT"))) {
      problems.add("TMC_SMTP_HOST: is required when TMC_SMTP_PORT or TMC_SMTP_FROM is set");
    }

    String sid = v.get("TMC_TWILIO_ACCOUNT_SID");
    String token = v.get("TMC_TWILIO_AUTH_TOKEN");
    String from = v.get("TMC_TWILIO_FROM");
    URI twilioBase = uriVar(v, "TMC_TWILIO_BASE_URL", problems);
    boolean anyTwilio = sid != null || token != null || from != null || twilioBase != null;
    if (anyTwilio) {
      if (sid == null) {
        problems.add("TMC_TWILIO_ACCOUNT_SID: is required when any TMC_TWILIO_* is set");
      } else if (!sid.matches("AC[0-9a-fA-F]{32}")) {
        problems.add("TMC_TWILIO_ACCOUNT_SID: must be AC and 32 hex digits");
      }
      if (token == null) {
        problems.add("TMC_TWILIO_AUTH_TOKEN: is required when any TMC_TWILIO_* is set");
      }
      if (from == null) {
        problems.add("TMC_TWILIO_FROM: is required when any TMC_TWILIO_* is set");
      } else if (!from.matches("\\+[1-9][0-9]{6,14}") && !from.matches("MG[0-9a-fA-F]{32}")) {
        problems.add(
            "TMC_TWILIO_FROM: must be an E.164 number (+447700900001) or a messaging service SID");
      }
    }

    String notifyKey = v.get("TMC_NOTIFY_API_KEY");
    URI notifyBase = uriVar(v, "TMC_NOTIFY_BASE_URL", problems);
    if (notifyBase != null && notifyKey == null) {
      problems.add("TMC_NOTIFY_API_KEY: is required when TMC_NOTIFY_BASE_URL is set");
    }
    if (!demo && smtpHost == null && sid == null && notifyKey == null) {
      problems.add(
          "TMC_SMTP_HOST: an alert channel is required outside demo mode (set TMC_SMTP_HOST,"
              + " TMC_TWILIO_ACCOUNT_SID or TMC_NOTIFY_API_KEY)");
    }

    Path drop = null;
    if (v.containsKey("TMC_RECORDS_DROP_DIR")) {
      try {
        drop = Path.of(v.get("TMC_RECORDS_DROP_DIR"));
      } catch (RuntimeException e) {
        problems.add("TMC_RECORDS_DROP_DIR: is not a valid path");
      }
    } else if (demo) {
      drop = Path.of("data", "drop");
    }

    String secret = v.get("TMC_WEBHOOK_SECRET");
    if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      problems.add("TMC_WEBHOOK_SECRET: must be at least 32 bytes long (the value is not shown)");
    }

    String portalSecret = v.get("TMC_PORTAL_SECRET");
    if (portalSecret != null
        && portalSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      problems.add("TMC_PORTAL_SECRET: must be at least 32 bytes long (the value is not shown)");
    } else if (portalSecret == null && !demo) {
      problems.add(
          "TMC_PORTAL_SECRET: is required outside demo mode (at least 32 bytes, the same on every"
              + " node: it keeps second factors readable and crime links valid across restarts)");
    }

    int coalesce = intVar(v, "TMC_ALERT_COALESCE_SECONDS", 600, 0, 86_400, problems);
    int lease = intVar(v, "TMC_DISPATCH_LEASE_SECONDS", 300, 10, 86_400, problems);
    int maxBackoff = intVar(v, "TMC_DISPATCH_MAX_BACKOFF_SECONDS", 3600, 1, 86_400, problems);

    LocalTime quietFrom = LocalTime.of(21, 0);
    LocalTime quietUntil = LocalTime.of(8, 0);
    String quiet = v.getOrDefault("TMC_SMS_QUIET_HOURS", "21:00-08:00");
    if ("none".equalsIgnoreCase(quiet)) {
      quietFrom = null;
      quietUntil = null;
    } else {
      var m = QUIET.matcher(quiet);
      try {
        if (!m.matches()) {
          throw new DateTimeParseException("", quiet, 0);
        }
        quietFrom = LocalTime.parse(m.group(1));
        quietUntil = LocalTime.parse(m.group(2));
        if (quietFrom.equals(quietUntil)) {
          problems.add("TMC_SMS_QUIET_HOURS: start and end must differ (use none to turn off)");
        }
      } catch (DateTimeParseException e) {
        problems.add("TMC_SMS_QUIET_HOURS: must be HH:MM-HH:MM such as 21:00-08:00, or none");
      }
    }

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new ServerConfig(
        port,
        dbUrl,
        v.getOrDefault("TMC_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
        v.getOrDefault("TMC_DB_PASSWORD", dbUrl.startsWith("jdbc:h2:") ? "" : null),
        publicUrl,
        smtpHost,
        smtpPort,
        smtpFrom,
        sid,
        token,
        from,
        twilioBase,
        notifyKey,
        notifyBase,
        drop,
        secret,
        portalSecret,
        force,
        Duration.ofSeconds(coalesce),
        Duration.ofSeconds(lease),
        Duration.ofSeconds(maxBackoff),
        quietFrom,
        quietUntil,
        demo);
  }

  /** True when no real channel is configured: alerts go to the dev mailbox (demo mode only). */
  public boolean usesDevMailbox() {
    return demo && !smtpConfigured() && !twilioConfigured() && !notifyConfigured();
  }

  public boolean smtpConfigured() {
    return smtpHost != null;
  }

  public boolean twilioConfigured() {
    return twilioAccountSid != null;
  }

  public boolean notifyConfigured() {
    return notifyApiKey != null;
  }

  public Optional<String> webhook() {
    return Optional.ofNullable(webhookSecret);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ServerConfig[port=%d, db=%s, publicBaseUrl=%s, force=%s, demo=%s, smtp=%s, twilio=%s,"
            + " notify=%s, dropDir=%s, webhook=%s, coalesce=%ds, lease=%ds, maxBackoff=%ds,"
            + " quietHours=%s]",
        httpPort,
        dbUrl.replaceAll("(?i)(password=)[^;&]*", "$1***"),
        publicBaseUrl,
        force,
        demo,
        smtpConfigured() ? smtpHost + ":" + smtpPort : "off",
        twilioConfigured() ? "on" : "off",
        notifyConfigured() ? "on" : "off",
        recordsDropDir,
        webhookSecret != null ? "on (secret ***)" : "off",
        alertCoalesce.toSeconds(),
        dispatchLease.toSeconds(),
        dispatchMaxBackoff.toSeconds(),
        quietFrom == null ? "none" : quietFrom + "-" + quietUntil);
  }

  private static int intVar(
      Map<String, String> v, String name, int dflt, int min, int max, List<String> problems) {
    String s = v.get(name);
    if (s == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(s);
      if (n < min || n > max) {
        problems.add(name + ": must be a whole number from " + min + " to " + max);
        return dflt;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + ": must be a whole number from " + min + " to " + max);
      return dflt;
    }
  }

  private static boolean boolVar(Map<String, String> v, String name, boolean dflt, List<String> p) {
    String s = v.get(name);
    if (s == null) {
      return dflt;
    }
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    p.add(name + ": must be true or false");
    return dflt;
  }

  private static URI uriVar(Map<String, String> v, String name, List<String> problems) {
    String s = v.get(name);
    if (s == null) {
      return null;
    }
    try {
      URI u = URI.create(s);
      if (u.getScheme() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null) {
        problems.add(name + ": must be an http(s) address such as https://example.org");
        return null;
      }
      return u;
    } catch (IllegalArgumentException e) {
      problems.add(name + ": must be an http(s) address such as https://example.org");
      return null;
    }
  }
}
