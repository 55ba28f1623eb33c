package org.trackmycrime.notifications.internal;

import java.time.Duration;
import java.util.List;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Checks;

/** Checks shared by the provider channels' configurations (Twilio, GOV.UK Notify). */
public final class ChannelConfigs {
  private ChannelConfigs() {}

  /** Plain http is allowed only to this machine (tests, local stand-ins). */
  public static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  /**
   * True for an address a victim's alert may link to: https anywhere, or plain http on this machine
   * only (a developer's demo server on localhost).
   */
  public static boolean isAlertLink(java.net.URI url) {
    if (url == null || url.getHost() == null || url.getHost().isBlank()) {
      return false;
    }
    String scheme =
        url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
  }

  /** A timeout must be positive and no longer than {@code max}. */
  public static void checkDuration(Checks checks, String field, Duration value, Duration max) {
    checks.require(
        value != null && !value.isNegative() && !value.isZero() && value.compareTo(max) <= 0,
        field,
        "must be more than 0 and at most " + max.toSeconds() + " seconds");
  }

  /** An ISO-8601 duration from a properties value, or null with a problem recorded. */
  public static Duration parseDuration(List<Problem> problems, String field, String value) {
    try {
      return Duration.parse(value.strip());
    } catch (RuntimeException e) {
      problems.add(new Problem(field, "must be an ISO-8601 duration such as PT5S"));
      return null;
    }
  }
}
