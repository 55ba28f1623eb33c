package org.trackmycrime.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;

/**
 * How the dispatcher works: its pace, its retries, when it holds alerts back, and each force's
 * messaging. Immutable; {@link #builder()} starts from the defaults below and {@link
 * Builder#build()} reports every broken rule at once.
 *
 * @param batchSize rows one worker claims at a time (default 20)
 * @param workers worker threads {@link Dispatcher#start()} runs (default 4)
 * @param pollInterval how long an idle worker waits before looking again (default 1 s)
 * @param lease how long a claimed row is a worker's own; a row whose lease expires (its worker
 *     died) is claimed again. Must comfortably exceed the slowest send (default 5 min)
 * @param maxAttempts sending passes before an alert is dead-lettered (default 8)
 * @param initialBackoff wait after the first transient failure; doubles each time (default 30 s)
 * @param maxBackoff the longest wait between attempts (default 1 h)
 * @param maxRetryAfter the longest a provider's Retry-After is honoured (default 6 h)
 * @param coalesceWindow update alerts for one victim on one crime are held this long after the
 *     first, and all that came in the meantime go as one (default 10 min; zero sends at once)
 * @param quietFrom start of quiet hours in the force's zone, when texts wait (default 21:00); null
 *     for none
 * @param quietUntil end of quiet hours (default 08:00); null for none
 * @param alertChannels which of a victim's channels update alerts use (default {@link
 *     AlertChannels#ALL})
 * @param shutdownTimeout how long {@link Dispatcher#stop()} waits for claimed rows (default 30 s)
 * @param defaultMessaging messaging for forces not listed in {@code forces}, or null
 * @param forces messaging by force slug
 */
public record DispatchConfig(
    int batchSize,
    int workers,
    Duration pollInterval,
    Duration lease,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration coalesceWindow,
    LocalTime quietFrom,
    LocalTime quietUntil,
    AlertChannels alertChannels,
    Duration shutdownTimeout,
    ForceMessaging defaultMessaging,
    Map<String, ForceMessaging> forces) {

  /** A sample activation token's length when checking that texts with links fit: 128 bits. */
  static final int SAMPLE_TOKEN_LENGTH = 22;

  public DispatchConfig {
    List<Problem> problems = new ArrayList<>();
    range(problems, "batchSize", batchSize, 1, 1000);
    range(problems, "workers", workers, 1, 64);
    range(problems, "maxAttempts", maxAttempts, 1, 100);
    positive(problems, "pollInterval", pollInterval, Duration.ofMillis(1));
    positive(problems, "lease", lease, Duration.ofSeconds(10));
    positive(problems, "initialBackoff", initialBackoff, Duration.ofSeconds(1));
    positive(problems, "maxBackoff", maxBackoff, Duration.ofSeconds(1));
    positive(problems, "maxRetryAfter", maxRetryAfter, Duration.ZERO);
    positive(problems, "coalesceWindow", coalesceWindow, Duration.ZERO);
    positive(problems, "shutdownTimeout", shutdownTimeout, Duration.ZERO);
    if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
      problems.add(new Problem("maxBackoff", "must not be shorter than initialBackoff"));
    }
    if (coalesceWindow != null && coalesceWindow.compareTo(Duration.ofHours(24)) > 0) {
      problems.add(new Problem("coalesceWindow", "must be at most 24 hours"));
    }
    if ((quietFrom == null) != (quietUntil == null)) {
      problems.add(new Problem("quietHours", "needs both a start and an end, or neither"));
    } else if (quietFrom != null && quietFrom.equals(quietUntil)) {
      problems.add(new Problem("quietHours", "start and end must differ"));
    }
    if (alertChannels == null) {
      problems.add(new Problem("alertChannels", "is required"));
    }
    if (forces == null) {
      problems.add(new Problem("forces", "is required"));
    } else {
      forces.forEach(
          (slug, messaging) -> {
            if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 64) {
              problems.add(new Problem("forces", "keys must be force slugs, not " + slug));
            }
            if (messaging == null) {
              problems.add(new Problem("forces[" + slug + "]", "is required"));
            } else {
              problems.addAll(checkTexts("forces[" + slug + "]", messaging));
            }
          });
    }
    if (defaultMessaging != null) {
      problems.addAll(checkTexts("defaultMessaging", defaultMessaging));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    forces = Map.copyOf(forces);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The messaging of a force: its own, else the default. */
  public Optional<ForceMessaging> messagingFor(String force) {
    return Optional.ofNullable(forces.getOrDefault(force, defaultMessaging));
  }

  /** Whether texts are held back during some hours of the night. */
  public boolean hasQuietHours() {
    return quietFrom != null;
  }

  /** Every text a force could send must fit one segment with its own portal address in it. */
  private static List<Problem> checkTexts(String field, ForceMessaging m) {
    String portal = m.portalUrl().toString();
    String link =
        (portal.endsWith("/") ? portal : portal + "/") + "a/" + "x".repeat(SAMPLE_TOKEN_LENGTH);
    return m.templates()
        .checkTexts(
            field + ".templates",
            Map.of("portalUrl", portal, "link", link, "code", "12345678", "minutes", "15"));
  }

  private static void range(List<Problem> problems, String field, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(new Problem(field, "must be between " + min + " and " + max));
    }
  }

  private static void positive(List<Problem> problems, String field, Duration value, Duration min) {
    if (value == null) {
      problems.add(new Problem(field, "is required"));
    } else if (value.compareTo(min) < 0) {
      problems.add(new Problem(field, "must be at least " + min));
    }
  }

  /** Builds a {@link DispatchConfig} from the defaults. */
  public static final class Builder {
    private int batchSize = 20;
    private int workers = 4;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration lease = Duration.ofMinutes(5);
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofSeconds(30);
    private Duration maxBackoff = Duration.ofHours(1);
    private Duration maxRetryAfter = Duration.ofHours(6);
    private Duration coalesceWindow = Duration.ofMinutes(10);
    private LocalTime quietFrom = LocalTime.of(21, 0);
    private LocalTime quietUntil = LocalTime.of(8, 0);
    private AlertChannels alertChannels = AlertChannels.ALL;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private ForceMessaging defaultMessaging;
    private final Map<String, ForceMessaging> forces = new LinkedHashMap<>();

    private Builder() {}

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    public Builder lease(Duration value) {
      this.lease = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    /** The first wait and the cap of the exponential backoff. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    public Builder maxRetryAfter(Duration value) {
      this.maxRetryAfter = value;
      return this;
    }

    public Builder coalesceWindow(Duration value) {
      this.coalesceWindow = value;
      return this;
    }

    /** Texts are not sent from {@code from} to {@code until}, local time of the force. */
    public Builder quietHours(LocalTime from, LocalTime until) {
      this.quietFrom = from;
      this.quietUntil = until;
      return this;
    }

    /** Texts go at any hour. */
    public Builder noQuietHours() {
      return quietHours(null, null);
    }

    public Builder alertChannels(AlertChannels value) {
      this.alertChannels = value;
      return this;
    }

    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    /** Messaging for every force not given its own with {@link #force}. */
    public Builder defaultMessaging(ForceMessaging value) {
      this.defaultMessaging = value;
      return this;
    }

    /** Messaging for one force. */
    public Builder force(String slug, ForceMessaging value) {
      this.forces.put(slug, value);
      return this;
    }

    /**
     * @throws ValidationException naming every broken rule
     */
    public DispatchConfig build() {
      return new DispatchConfig(
          batchSize,
          workers,
          pollInterval,
          lease,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          maxRetryAfter,
          coalesceWindow,
          quietFrom,
          quietUntil,
          alertChannels,
          shutdownTimeout,
          defaultMessaging,
          forces);
    }
  }
}
