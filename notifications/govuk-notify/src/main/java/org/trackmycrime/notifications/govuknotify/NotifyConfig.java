package org.trackmycrime.notifications.govuknotify;

import static org.trackmycrime.notifications.internal.ChannelConfigs.checkDuration;
import static org.trackmycrime.notifications.internal.ChannelConfigs.isLoopback;
import static org.trackmycrime.notifications.internal.ChannelConfigs.parseDuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;

/**
 * How the GOV.UK Notify channels reach Notify. Build one with {@link #builder()} or {@link
 * #fromProperties(Map)}; {@code build()} checks every setting and reports every problem at once in
 * a {@link ValidationException}.
 *
 * <p>Notify holds the message texts itself: each of the SDK's template keys ({@code
 * OutgoingMessage.templateKey}) is mapped, per channel and language, to the id of a template made
 * in Notify's web interface. The template's fields are filled from {@code
 * OutgoingMessage.personalisation}, plus {@value #BODY_FIELD} (the SDK's rendered text) and, for
 * email, {@value #SUBJECT_FIELD}: a template that is just {@code ((tmc_body))} sends the SDK's own
 * English or Welsh wording.
 *
 * <p>The API key is a secret: it never appears in {@link #toString()}, in exception messages or in
 * logs.
 *
 * @param apiKey the Notify API key, as Notify shows it: {@code name-serviceId-secret}, the last two
 *     parts UUIDs
 * @param baseUrl where Notify's API is: {@code https://api.notifications.service.gov.uk} by
 *     default; plain {@code http} only for loopback addresses (tests)
 * @param templates Notify template ids by channel, template key and language
 * @param emailReplyToId the id of one of the service's email reply-to addresses, or null for the
 *     service's default
 * @param smsSenderId the id of one of the service's text message senders, or null for the service's
 *     default
 * @param connectTimeout how long to wait for a connection (1 ms to 60 s)
 * @param requestTimeout how long to wait for the whole answer once connected (1 ms to 120 s)
 * @param lookUpReferenceFirst before sending, ask Notify whether a notification with this message's
 *     reference (its idempotency key) already exists and, unless it failed, return its id instead
 *     of sending again; closes the send-then-crash window at the cost of one GET per send (default
 *     true)
 */
public record NotifyConfig(
    String apiKey,
    URI baseUrl,
    Map<TemplateRef, String> templates,
    String emailReplyToId,
    String smsSenderId,
    Duration connectTimeout,
    Duration requestTimeout,
    boolean lookUpReferenceFirst) {

  /** Notify's production API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.notifications.service.gov.uk");

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /** The prefix of every key read by {@link #fromProperties(Map)}. */
  public static final String PREFIX = "trackmycrime.notify.";

  /**
   * The personalisation field carrying the SDK's rendered text (the plain-text body or the SMS).
   */
  public static final String BODY_FIELD = "tmc_body";

  /** The personalisation field carrying the SDK's rendered email subject. */
  public static final String SUBJECT_FIELD = "tmc_subject";

  private static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  private static final Pattern UUID_PATTERN = Pattern.compile(UUID);
  private static final Pattern API_KEY = Pattern.compile("[^\\s]+-" + UUID + "-" + UUID);
  private static final Pattern TEMPLATE_PROPERTY =
      Pattern.compile("template\\.(email|sms)\\.([A-Za-z0-9][A-Za-z0-9_-]*)\\.(en|cy)");
  private static final Set<String> KEYS =
      Set.of(
          "api-key",
          "base-url",
          "email-reply-to-id",
          "sms-sender-id",
          "connect-timeout",
          "request-timeout",
          "look-up-reference-first");

  /**
   * Which Notify template serves one SDK template key on one channel in one language.
   *
   * @param kind email or SMS (Notify templates are one or the other)
   * @param templateKey the SDK's key, as in {@code OutgoingMessage.templateKey}
   * @param language English or Welsh
   */
  public record TemplateRef(Channel kind, String templateKey, Language language) {
    public TemplateRef {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(templateKey, "templateKey");
      Objects.requireNonNull(language, "language");
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(Locale.ROOT) + "/" + templateKey + "/" + language.code();
    }
  }

  /** Checks every setting; throws one ValidationException naming each broken rule. */
  public NotifyConfig {
    Checks checks = new Checks();
    checks.require(
        apiKey != null && API_KEY.matcher(apiKey).matches(),
        "apiKey",
        "must be a Notify API key: its name, then the service id and the secret, both UUIDs");
    checks.notNull("baseUrl", baseUrl);
    if (baseUrl != null) {
      String scheme =
          baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      boolean absolute =
          baseUrl.isAbsolute() && baseUrl.getHost() != null && baseUrl.getRawUserInfo() == null;
      checks.require(
          absolute, "baseUrl", "must be an absolute http(s) URL with a host and no user info");
      checks.require(
          scheme.equals("https")
              || (scheme.equals("http") && absolute && isLoopback(baseUrl.getHost())),
          "baseUrl",
          "must use https (plain http only for localhost or 127.0.0.1)");
      checks.require(
          baseUrl.getRawQuery() == null && baseUrl.getRawFragment() == null,
          "baseUrl",
          "must not have a query or fragment");
    }
    checks.notNull("templates", templates);
    Map<TemplateRef, String> copy = new LinkedHashMap<>();
    if (templates != null) {
      for (Map.Entry<TemplateRef, String> e : templates.entrySet()) {
        String field = "templates[" + e.getKey() + "]";
        checks.require(
            e.getValue() != null && UUID_PATTERN.matcher(e.getValue()).matches(),
            field,
            "must be a Notify template id (a UUID)");
        checks.require(
            e.getKey() == null || !e.getKey().templateKey().isBlank(),
            field,
            "template key must not be blank");
        copy.put(e.getKey(), e.getValue());
      }
      checks.require(!templates.isEmpty(), "templates", "must map at least one template key");
    }
    templates = Collections.unmodifiableMap(copy);
    checks.require(
        emailReplyToId == null || UUID_PATTERN.matcher(emailReplyToId).matches(),
        "emailReplyToId",
        "must be a UUID");
    checks.require(
        smsSenderId == null || UUID_PATTERN.matcher(smsSenderId).matches(),
        "smsSenderId",
        "must be a UUID");
    checkDuration(checks, "connectTimeout", connectTimeout, Duration.ofSeconds(60));
    checkDuration(checks, "requestTimeout", requestTimeout, Duration.ofSeconds(120));
    checks.throwIfAny();
  }

  /** The Notify template id for a template key on a channel in a language, if one is mapped. */
  public Optional<String> templateId(Channel kind, String templateKey, Language language) {
    if (templateKey == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(templates.get(new TemplateRef(kind, templateKey, language)));
  }

  /** A builder with the defaults: Notify's production API, 5 s to connect, 20 s per request. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a configuration from flat keys, for hosts that keep settings in properties files or the
   * environment. Keys (all under {@value #PREFIX}): {@code api-key}, {@code base-url}, {@code
   * email-reply-to-id}, {@code sms-sender-id}, {@code connect-timeout} and {@code request-timeout}
   * (ISO-8601 durations such as {@code PT5S}), {@code look-up-reference-first} ({@code true} or
   * {@code false}), and one {@code template.<email|sms>.<key>.<en|cy>} per template, for example
   * {@code trackmycrime.notify.template.sms.update-available.cy}. Other keys under the prefix are
   * refused as likely typos; keys outside it are ignored.
   */
  public static NotifyConfig fromProperties(Map<String, String> properties) {
    List<Problem> problems = new ArrayList<>();
    Builder b = builder();
    for (String key : new TreeSet<>(properties.keySet())) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String name = key.substring(PREFIX.length());
      var m = TEMPLATE_PROPERTY.matcher(name);
      if (m.matches()) {
        b.template(
            m.group(1).equals("email") ? Channel.EMAIL : Channel.SMS,
            m.group(2),
            Language.ofCode(m.group(3)),
            properties.get(key));
      } else if (!KEYS.contains(name)) {
        problems.add(new Problem(key, "is not a known key"));
      }
    }
    b.apiKey(properties.get(PREFIX + "api-key"))
        .emailReplyToId(properties.get(PREFIX + "email-reply-to-id"))
        .smsSenderId(properties.get(PREFIX + "sms-sender-id"));
    String base = properties.get(PREFIX + "base-url");
    if (base != null) {
      try {
        b.baseUrl(new URI(base.strip()));
      } catch (URISyntaxException e) {
        problems.add(new Problem(PREFIX + "base-url", "must be a URL"));
      }
    }
    String lookUp = properties.get(PREFIX + "look-up-reference-first");
    if (lookUp != null) {
      if (lookUp.strip().equalsIgnoreCase("true") || lookUp.strip().equalsIgnoreCase("false")) {
        b.lookUpReferenceFirst(Boolean.parseBoolean(lookUp.strip()));
      } else {
        problems.add(new Problem(PREFIX + "look-up-reference-first", "must be true or false"));
      }
    }
    String connect = properties.get(PREFIX + "connect-timeout");
    if (connect != null) {
      Duration d = parseDuration(problems, PREFIX + "connect-timeout", connect);
      if (d != null) {
        b.connectTimeout(d);
      }
    }
    String request = properties.get(PREFIX + "request-timeout");
    if (request != null) {
      Duration d = parseDuration(problems, PREFIX + "request-timeout", request);
      if (d != null) {
        b.requestTimeout(d);
      }
    }
    try {
      NotifyConfig config = b.build();
      if (problems.isEmpty()) {
        return config;
      }
    } catch (ValidationException e) {
      problems.addAll(e.problems());
    }
    throw new ValidationException(problems);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .apiKey(apiKey)
            .baseUrl(baseUrl)
            .emailReplyToId(emailReplyToId)
            .smsSenderId(smsSenderId)
            .connectTimeout(connectTimeout)
            .requestTimeout(requestTimeout)
            .lookUpReferenceFirst(lookUpReferenceFirst);
    b.templates.putAll(templates);
    return b;
  }

  /** Every setting but the API key's secret, which shows as {@code ****}. */
  @Override
  public String toString() {
    return "NotifyConfig[apiKey=****"
        + ", baseUrl="
        + baseUrl
        + ", templates="
        + templates
        + ", emailReplyToId="
        + emailReplyToId
        + ", smsSenderId="
        + smsSenderId
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", lookUpReferenceFirst="
        + lookUpReferenceFirst
        + "]";
  }

  /** Collects settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private String apiKey;
    private URI baseUrl = DEFAULT_BASE_URL;
    private final Map<TemplateRef, String> templates = new LinkedHashMap<>();
    private String emailReplyToId;
    private String smsSenderId;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private boolean lookUpReferenceFirst = true;

    private Builder() {}

    /** The API key (secret), as Notify shows it. */
    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    /** Where Notify's API is (default {@link NotifyConfig#DEFAULT_BASE_URL}). */
    public Builder baseUrl(URI value) {
      this.baseUrl = value;
      return this;
    }

    /** Maps a template key on a channel in a language to a Notify template id. */
    public Builder template(
        Channel kind, String templateKey, Language language, String templateId) {
      this.templates.put(new TemplateRef(kind, templateKey, language), templateId);
      return this;
    }

    /** Shorthand for {@code template(Channel.EMAIL, …)}. */
    public Builder emailTemplate(String templateKey, Language language, String templateId) {
      return template(Channel.EMAIL, templateKey, language, templateId);
    }

    /** Shorthand for {@code template(Channel.SMS, …)}. */
    public Builder smsTemplate(String templateKey, Language language, String templateId) {
      return template(Channel.SMS, templateKey, language, templateId);
    }

    /** The reply-to address id for emails, or null for the service default. */
    public Builder emailReplyToId(String value) {
      this.emailReplyToId = value;
      return this;
    }

    /** The text message sender id, or null for the service default. */
    public Builder smsSenderId(String value) {
      this.smsSenderId = value;
      return this;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /** How long to wait for Notify's answer (default 20 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /** Whether to look for an earlier notification with the same reference first (default true). */
    public Builder lookUpReferenceFirst(boolean value) {
      this.lookUpReferenceFirst = value;
      return this;
    }

    /** Validates every setting and returns the configuration. */
    public NotifyConfig build() {
      return new NotifyConfig(
          apiKey,
          baseUrl,
          templates,
          emailReplyToId,
          smsSenderId,
          connectTimeout,
          requestTimeout,
          lookUpReferenceFirst);
    }
  }
}
