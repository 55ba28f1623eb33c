package org.trackmycrime.records.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.internal.Configs;

/**
 * How the webhook authenticates and bounds requests. Immutable; every way of making one reports all
 * broken rules at once. The secrets never appear in {@link #toString()}.
 *
 * @param name the connector's name in logs, health, counters and event origins (default {@code
 *     webhook})
 * @param secret the shared secret the sender signs with (required; at least 32 bytes)
 * @param previousSecret while rotating the secret, the old one, still accepted; null otherwise
 * @param replayWindow how far a request's timestamp may be from now, either way, and how long a
 *     signature is remembered to refuse replays (30 seconds to 1 hour; default 5 minutes)
 * @param maxBodyBytes the largest body accepted (1 KiB to 64 MiB; default 1 MiB)
 * @param maxEvents the most events in one request, which are committed in one transaction (1 to
 *     10,000; default 1,000)
 * @param timestampHeader the header carrying the unix time in seconds (default {@code
 *     X-TMC-Timestamp})
 * @param signatureHeader the header carrying {@code sha256=<hex HMAC>} (default {@code
 *     X-TMC-Signature})
 * @param retryAfter what a 503 answer tells the sender to wait (1 second to 1 hour; default 5
 *     seconds)
 * @param downAfterFailures failed commits in a row after which the health is DOWN (default 5)
 */
public record WebhookConfig(
    String name,
    String secret,
    String previousSecret,
    Duration replayWindow,
    int maxBodyBytes,
    int maxEvents,
    String timestampHeader,
    String signatureHeader,
    Duration retryAfter,
    int downAfterFailures) {

  /** The shortest secret accepted, in bytes of UTF-8. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public WebhookConfig {
    Checks checks =
        Configs.connectorName(new Checks(), "name", name)
            .require(
                secret != null
                    && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                "secret",
                "is required and must be at least " + MIN_SECRET_BYTES + " bytes")
            .require(
                previousSecret == null
                    || previousSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                "previousSecret",
                "must be at least " + MIN_SECRET_BYTES + " bytes")
            .require(
                replayWindow != null
                    && replayWindow.compareTo(Duration.ofSeconds(30)) >= 0
                    && replayWindow.compareTo(Duration.ofHours(1)) <= 0,
                "replayWindow",
                "must be between 30s and 1h")
            .require(
                maxBodyBytes >= 1024 && maxBodyBytes <= 64 * 1024 * 1024,
                "maxBodyBytes",
                "must be 1024 to 67108864")
            .require(maxEvents >= 1 && maxEvents <= 10_000, "maxEvents", "must be 1 to 10000")
            .require(
                timestampHeader != null && HEADER.matcher(timestampHeader).matches(),
                "timestampHeader",
                "must be a header name")
            .require(
                signatureHeader != null && HEADER.matcher(signatureHeader).matches(),
                "signatureHeader",
                "must be a header name")
            .require(
                retryAfter != null
                    && retryAfter.compareTo(Duration.ofSeconds(1)) >= 0
                    && retryAfter.compareTo(Duration.ofHours(1)) <= 0,
                "retryAfter",
                "must be between 1s and 1h")
            .require(downAfterFailures >= 1, "downAfterFailures", "must be at least 1");
    Configs.throwIfAny("WebhookConfig", checks);
  }

  /** A builder with the shared secret and every other setting at its default. */
  public static Builder builder(String secret) {
    return new Builder().secret(secret);
  }

  /**
   * Reads the settings from key/value pairs: {@code name}, {@code secret}, {@code previousSecret},
   * {@code replayWindow}, {@code maxBodyBytes}, {@code maxEvents}, {@code timestampHeader}, {@code
   * signatureHeader}, {@code retryAfter}, {@code downAfterFailures}.
   *
   * @throws org.trackmycrime.core.ConfigurationException naming every unknown key, unparseable
   *     value and broken rule (never a secret's value)
   */
  public static WebhookConfig fromProperties(Map<String, String> properties) {
    Configs in = Configs.read("WebhookConfig", properties);
    Builder b = new Builder();
    in.text("name").ifPresent(b::name);
    in.text("secret").ifPresent(b::secret);
    in.text("previousSecret").ifPresent(b::previousSecret);
    in.duration("replayWindow").ifPresent(b::replayWindow);
    in.integer("maxBodyBytes").ifPresent(b::maxBodyBytes);
    in.integer("maxEvents").ifPresent(b::maxEvents);
    in.text("timestampHeader").ifPresent(b::timestampHeader);
    in.text("signatureHeader").ifPresent(b::signatureHeader);
    in.duration("retryAfter").ifPresent(b::retryAfter);
    in.integer("downAfterFailures").ifPresent(b::downAfterFailures);
    return in.build(b::build);
  }

  /** Shows every setting but the secrets. */
  @Override
  public String toString() {
    return "WebhookConfig[name="
        + name
        + ", secret=***"
        + (previousSecret == null ? "" : ", previousSecret=***")
        + ", replayWindow="
        + replayWindow
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", maxEvents="
        + maxEvents
        + ", timestampHeader="
        + timestampHeader
        + ", signatureHeader="
        + signatureHeader
        + ", retryAfter="
        + retryAfter
        + ", downAfterFailures="
        + downAfterFailures
        + "]";
  }

  /** Builds a {@link WebhookConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private String name = "webhook";
    private String secret;
    private String previousSecret;
    private Duration replayWindow = Duration.ofMinutes(5);
    private int maxBodyBytes = 1024 * 1024;
    private int maxEvents = 1000;
    private String timestampHeader = "X-TMC-Timestamp";
    private String signatureHeader = "X-TMC-Signature";
    private Duration retryAfter = Duration.ofSeconds(5);
    private int downAfterFailures = 5;

    private Builder() {}

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder secret(String value) {
      this.secret = value;
      return this;
    }

    public Builder previousSecret(String value) {
      this.previousSecret = value;
      return this;
    }

    public Builder replayWindow(Duration value) {
      this.replayWindow = value;
      return this;
    }

    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    public Builder maxEvents(int value) {
      this.maxEvents = value;
      return this;
    }

    public Builder timestampHeader(String value) {
      this.timestampHeader = value;
      return this;
    }

    public Builder signatureHeader(String value) {
      this.signatureHeader = value;
      return this;
    }

    public Builder retryAfter(Duration value) {
      this.retryAfter = value;
      return this;
    }

    public Builder downAfterFailures(int value) {
      this.downAfterFailures = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every broken rule
     */
    public WebhookConfig build() {
      return new WebhookConfig(
          name,
          secret,
          previousSecret,
          replayWindow,
          maxBodyBytes,
          maxEvents,
          timestampHeader,
          signatureHeader,
          retryAfter,
          downAfterFailures);
    }
  }
}
