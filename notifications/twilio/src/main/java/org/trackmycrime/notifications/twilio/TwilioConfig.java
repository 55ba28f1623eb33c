package org.trackmycrime.notifications.twilio;

import static org.trackmycrime.notifications.internal.ChannelConfigs.checkDuration;
import static org.trackmycrime.notifications.internal.ChannelConfigs.isLoopback;
import static org.trackmycrime.notifications.internal.ChannelConfigs.parseDuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Checks;

/**
 * How the Twilio SMS channel reaches Twilio. Build one with {@link #builder()} or {@link
 * #fromProperties(Map)}; {@code build()} checks every setting and reports every problem at once in
 * a {@link org.trackmycrime.core.ValidationException}.
 *
 * <p>The auth token is a secret: it never appears in {@link #toString()}, in exception messages or
 * in logs.
 *
 * @param accountSid the Twilio account SID, {@code AC} and 32 hex digits
 * @param authToken the account's auth token; used for HTTP basic auth and to check the signature of
 *     status callbacks
 * @param messagingServiceSid the Messaging Service to send through ({@code MG} and 32 hex digits),
 *     or null when {@code fromNumber} is set; exactly one of the two is required
 * @param fromNumber the E.164 number to send from, or null when {@code messagingServiceSid} is set
 * @param apiBaseUrl where Twilio's REST API is: {@code https://api.twilio.com} by default, a
 *     regional edge such as {@code https://api.dublin.ie1.twilio.com}, or a local server in tests.
 *     Plain {@code http} is allowed only for loopback addresses
 * @param connectTimeout how long to wait for a connection (1 ms to 60 s)
 * @param requestTimeout how long to wait for the whole answer once connected (1 ms to 120 s)
 * @param statusCallbackUrl the public URL at which the host serves {@link
 *     TwilioStatusCallbackHandler}, or null for no delivery receipts. Twilio signs each callback
 *     with this exact URL, so it must be the address Twilio calls, not the one the host's server
 *     sees behind a proxy. {@code https} unless loopback; no fragment; no underscore in the host
 */
public record TwilioConfig(
    String accountSid,
    String authToken,
    String messagingServiceSid,
    String fromNumber,
    URI apiBaseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    URI statusCallbackUrl) {

  /** Twilio's REST API as the SDK addresses it. */
  public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.twilio.com");

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /** The prefix of every key read by {@link #fromProperties(Map)}. */
  public static final String PREFIX = "trackmycrime.twilio.";

  private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
  private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
  private static final Set<String> KEYS =
      Set.of(
          "account-sid",
          "auth-token",
          "messaging-service-sid",
          "from-number",
          "api-base-url",
          "connect-timeout",
          "request-timeout",
          "status-callback-url");

  /** Checks every setting; throws one ValidationException naming each broken rule. */
  public TwilioConfig {
    Checks checks = new Checks();
    checks.require(
        accountSid != null && ACCOUNT_SID.matcher(accountSid).matches(),
        "accountSid",
        "must be AC followed by 32 hex digits");
    checks.require(
        authToken != null && !authToken.isBlank() && authToken.strip().equals(authToken),
        "authToken",
        "is required, without surrounding spaces");
    checks.require(
        (messagingServiceSid == null) != (fromNumber == null),
        "messagingServiceSid/fromNumber",
        "exactly one of the two is required");
    checks.require(
        messagingServiceSid == null || SERVICE_SID.matcher(messagingServiceSid).matches(),
        "messagingServiceSid",
        "must be MG followed by 32 hex digits");
    checks.e164("fromNumber", fromNumber);
    checks.notNull("apiBaseUrl", apiBaseUrl);
    if (apiBaseUrl != null) {
      checkUrl(checks, "apiBaseUrl", apiBaseUrl);
      checks.require(
          apiBaseUrl.getRawQuery() == null && apiBaseUrl.getRawFragment() == null,
          "apiBaseUrl",
          "must not have a query or fragment");
    }
    checkDuration(checks, "connectTimeout", connectTimeout, Duration.ofSeconds(60));
    checkDuration(checks, "requestTimeout", requestTimeout, Duration.ofSeconds(120));
    if (statusCallbackUrl != null) {
      checkUrl(checks, "statusCallbackUrl", statusCallbackUrl);
      checks.require(
          statusCallbackUrl.getRawFragment() == null,
          "statusCallbackUrl",
          "must not have a fragment (Twilio reads fragments as connection overrides)");
      checks.require(
          statusCallbackUrl.getHost() == null || !statusCallbackUrl.getHost().contains("_"),
          "statusCallbackUrl",
          "must not have an underscore in its host (Twilio refuses such URLs)");
    }
    checks.throwIfAny();
  }

  private static void checkUrl(Checks checks, String field, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean absolute = url.isAbsolute() && url.getHost() != null && url.getRawUserInfo() == null;
    checks.require(absolute, field, "must be an absolute http(s) URL with a host and no user info");
    checks.require(
        scheme.equals("https") || (scheme.equals("http") && absolute && isLoopback(url.getHost())),
        field,
        "must use https (plain http only for localhost or 127.0.0.1)");
  }

  /** A builder with the defaults: Twilio's public API, 5 s to connect, 20 s per request. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a configuration from flat keys, for hosts that keep settings in properties files or the
   * environment. Keys (all under {@value #PREFIX}): {@code account-sid}, {@code auth-token}, {@code
   * messaging-service-sid}, {@code from-number}, {@code api-base-url}, {@code connect-timeout} and
   * {@code request-timeout} (ISO-8601 durations such as {@code PT5S}), {@code status-callback-url}.
   * Other keys under the prefix are refused as likely typos; keys outside it are ignored.
   */
  public static TwilioConfig fromProperties(Map<String, String> properties) {
    List<Problem> problems = new ArrayList<>();
    new TreeSet<>(properties.keySet())
        .stream()
            .filter(k -> k.startsWith(PREFIX) && !KEYS.contains(k.substring(PREFIX.length())))
            .forEach(k -> problems.add(new Problem(k, "is not a known key")));
    Builder b =
        builder()
            .accountSid(properties.get(PREFIX + "account-sid"))
            .authToken(properties.get(PREFIX + "auth-token"))
            .messagingServiceSid(properties.get(PREFIX + "messaging-service-sid"))
            .fromNumber(properties.get(PREFIX + "from-number"));
    String base = properties.get(PREFIX + "api-base-url");
    if (base != null) {
      URI parsed = parseUri(problems, PREFIX + "api-base-url", base);
      if (parsed != null) {
        b.apiBaseUrl(parsed);
      }
    }
    String callback = properties.get(PREFIX + "status-callback-url");
    if (callback != null) {
      URI parsed = parseUri(problems, PREFIX + "status-callback-url", callback);
      if (parsed != null) {
        b.statusCallbackUrl(parsed);
      }
    }
    String connect = properties.get(PREFIX + "connect-timeout");
    if (connect != null) {
      Duration parsed = parseDuration(problems, PREFIX + "connect-timeout", connect);
      if (parsed != null) {
        b.connectTimeout(parsed);
      }
    }
    String request = properties.get(PREFIX + "request-timeout");
    if (request != null) {
      Duration parsed = parseDuration(problems, PREFIX + "request-timeout", request);
      if (parsed != null) {
        b.requestTimeout(parsed);
      }
    }
    try {
      TwilioConfig config = b.build();
      if (problems.isEmpty()) {
        return config;
      }
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    throw new ValidationException(problems);
  }

  private static URI parseUri(List<Problem> problems, String field, String value) {
    try {
      return new URI(value.strip());
    } catch (URISyntaxException e) {
      problems.add(new Problem(field, "must be a URL"));
      return null;
    }
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .accountSid(accountSid)
        .authToken(authToken)
        .messagingServiceSid(messagingServiceSid)
        .fromNumber(fromNumber)
        .apiBaseUrl(apiBaseUrl)
        .connectTimeout(connectTimeout)
        .requestTimeout(requestTimeout)
        .statusCallbackUrl(statusCallbackUrl);
  }

  /** Every setting but the auth token, which shows as {@code ****}. */
  @Override
  public String toString() {
    return "TwilioConfig[accountSid="
        + accountSid
        + ", authToken=****"
        + ", messagingServiceSid="
        + messagingServiceSid
        + ", fromNumber="
        + fromNumber
        + ", apiBaseUrl="
        + apiBaseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", statusCallbackUrl="
        + statusCallbackUrl
        + "]";
  }

  /** Collects settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private String accountSid;
    private String authToken;
    private String messagingServiceSid;
    private String fromNumber;
    private URI apiBaseUrl = DEFAULT_API_BASE_URL;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private URI statusCallbackUrl;

    private Builder() {}

    /** The account SID ({@code AC…}). */
    public Builder accountSid(String value) {
      this.accountSid = value;
      return this;
    }

    /** The auth token (secret). */
    public Builder authToken(String value) {
      this.authToken = value;
      return this;
    }

    /** Send through this Messaging Service ({@code MG…}); leave the from number unset. */
    public Builder messagingServiceSid(String value) {
      this.messagingServiceSid = value;
      return this;
    }

    /** Send from this E.164 number; leave the Messaging Service unset. */
    public Builder fromNumber(String value) {
      this.fromNumber = value;
      return this;
    }

    /** Where the REST API is (default {@link TwilioConfig#DEFAULT_API_BASE_URL}). */
    public Builder apiBaseUrl(URI value) {
      this.apiBaseUrl = value;
      return this;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /** How long to wait for Twilio's answer (default 20 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /** The public URL of the host's status-callback endpoint, or null for none. */
    public Builder statusCallbackUrl(URI value) {
      this.statusCallbackUrl = value;
      return this;
    }

    /** Validates every setting and returns the configuration. */
    public TwilioConfig build() {
      return new TwilioConfig(
          accountSid,
          authToken,
          messagingServiceSid,
          fromNumber,
          apiBaseUrl,
          connectTimeout,
          requestTimeout,
          statusCallbackUrl);
    }
  }
}
