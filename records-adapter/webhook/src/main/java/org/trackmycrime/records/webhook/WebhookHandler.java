package org.trackmycrime.records.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.ConnectorCounters;
import org.trackmycrime.records.ConnectorFailure.Stage;
import org.trackmycrime.records.ConnectorHealth;
import org.trackmycrime.records.ConnectorListener;
import org.trackmycrime.records.ConnectorMonitor;
import org.trackmycrime.records.internal.Configs;
import org.trackmycrime.records.internal.SafeLog;
import org.trackmycrime.records.webhook.internal.Framing;
import org.trackmycrime.records.webhook.internal.Framing.FramingException;
import org.trackmycrime.records.webhook.internal.Framing.Part;
import org.trackmycrime.records.webhook.internal.Hmac;
import org.trackmycrime.records.webhook.internal.ReplayGuard;

/**
 * Receives record events pushed over HTTP, independent of any web framework: the host's adapter
 * passes the method, the headers and the body, and copies the {@link WebhookResponse} out. {@link
 * WebhookHttpHandler} is that adapter for the JDK's {@code HttpServer}.
 *
 * <pre>{@code
 * WebhookHandler webhook = WebhookHandler.builder(tmc.ingest(), WebhookConfig.builder(secret).build())
 *     .listener(myMetrics)
 *     .build();
 * WebhookResponse answer = webhook.handle("POST", headers, body);
 * }</pre>
 *
 * <ol>
 *   <li>Only {@code POST} (405), a body of at most {@code maxBodyBytes} (413).
 *   <li>Authentication (401): a timestamp header in unix seconds within {@code replayWindow} of now
 *       (either way), a signature header {@code sha256=<hex>} equal to the HMAC-SHA256 of {@code
 *       timestamp + "." + body} under the shared secret (compared in constant time), and a
 *       signature not seen before within the window.
 *   <li>Framing (400, 415): {@code application/json} with one event object or an array of events,
 *       or {@code application/x-ndjson} (JSON Lines); at most {@code maxEvents} events (413).
 *   <li>All events are committed in one transaction; only then the answer is 200 with each event's
 *       outcome. A database failure answers 503 with {@code Retry-After}: nothing was committed and
 *       the sender sends again (events already applied come back {@code DUPLICATE}).
 * </ol>
 *
 * <p>Thread-safe: one handler serves any number of concurrent requests.
 */
public final class WebhookHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final Pattern SIGNATURE = Pattern.compile("sha256=([0-9a-fA-F]{64})");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final List<String> JSON_LINES_TYPES =
      List.of("application/x-ndjson", "application/jsonl", "application/json-lines");

  private final RecordIngest ingest;
  private final WebhookConfig config;
  private final Clock clock;
  private final List<SecretKeySpec> keys;
  private final ReplayGuard replays = new ReplayGuard();
  private final ConnectorMonitor monitor;

  private WebhookHandler(Builder b) {
    this.ingest = b.ingest;
    this.config = b.config;
    this.clock = b.clock;
    List<SecretKeySpec> k = new ArrayList<>();
    k.add(Hmac.key(config.secret()));
    if (config.previousSecret() != null) {
      k.add(Hmac.key(config.previousSecret()));
    }
    this.keys = List.copyOf(k);
    this.monitor =
        new ConnectorMonitor(config.name(), config.downAfterFailures(), clock, b.listeners);
    monitor.started();
  }

  /** A handler committing to {@code ingest}, usually {@code trackMyCrime.ingest()}. */
  public static Builder builder(RecordIngest ingest, WebhookConfig config) {
    return new Builder(ingest, config);
  }

  /**
   * Handles a request whose body is still a stream, reading no more than {@code maxBodyBytes + 1}
   * bytes of it: a body announced or found to be larger is refused with 413 without reading it all.
   */
  public WebhookResponse handle(
      String method, Map<String, List<String>> headers, InputStream body) {
    if (!"POST".equalsIgnoreCase(method)) {
      return notPost();
    }
    String declared = header(headers, "Content-Length");
    if (declared != null
        && declared.matches("[0-9]{1,18}")
        && Long.parseLong(declared) > config.maxBodyBytes()) {
      return tooLarge();
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(config.maxBodyBytes() + 1);
    } catch (IOException e) {
      return error(400, "the body could not be read", Map.of());
    }
    return handle(method, headers, bytes);
  }

  /**
   * Handles one request.
   *
   * @param headers the request headers; names are matched without regard to case
   */
  public WebhookResponse handle(String method, Map<String, List<String>> headers, byte[] body) {
    if (!"POST".equalsIgnoreCase(method)) {
      return notPost();
    }
    if (body.length > config.maxBodyBytes()) {
      return tooLarge();
    }
    Instant now = clock.instant();
    String timestamp = header(headers, config.timestampHeader());
    String signature = header(headers, config.signatureHeader());
    String refusal = authenticate(timestamp, signature, body, now);
    if (refusal != null) {
      LOG.warn("Webhook {}: request refused: {}", config.name(), refusal);
      return error(401, refusal, Map.of());
    }
    String claim = signature.toLowerCase(Locale.ROOT);
    if (!replays.claim(
        claim, Instant.ofEpochSecond(Long.parseLong(timestamp)).plus(config.replayWindow()), now)) {
      LOG.warn("Webhook {}: request refused: a replay of an earlier request", config.name());
      return error(401, "this request was received before (replay)", Map.of());
    }
    List<Part> parts;
    try {
      parts = frame(headers, body);
    } catch (FramingException e) {
      return error(400, e.getMessage(), Map.of());
    } catch (UnsupportedType e) {
      return error(
          415,
          "send application/json (an event or an array of events) or application/x-ndjson",
          Map.of());
    }
    if (parts.size() > config.maxEvents()) {
      return error(413, "more than " + config.maxEvents() + " events in one request", Map.of());
    }
    return commit(parts, timestamp, claim);
  }

  /** Counts of what this endpoint delivered, by outcome. */
  public ConnectorCounters counters() {
    return monitor.counters();
  }

  /** UP, or DEGRADED / DOWN while commits fail. */
  public ConnectorHealth health() {
    return monitor.health();
  }

  public WebhookConfig config() {
    return config;
  }

  private WebhookResponse commit(List<Part> parts, String timestamp, String claim) {
    List<RawEvent> events = new ArrayList<>(parts.size());
    for (Part part : parts) {
      events.add(
          new RawEvent(part.json(), config.name() + ":" + timestamp + ":" + part.position()));
    }
    List<IngestOutcome> outcomes;
    try {
      outcomes = events.isEmpty() ? List.of() : ingest.ingestAll(events);
    } catch (PersistenceException e) {
      replays.release(claim);
      monitor.failed(Stage.INGEST, e, config.retryAfter());
      LOG.warn("Webhook {}: commit failed, answering 503: {}", config.name(), SafeLog.describe(e));
      return error(
          503,
          "the events could not be stored; nothing was committed, send them again",
          Map.of("Retry-After", Long.toString(config.retryAfter().toSeconds())));
    } catch (RuntimeException e) {
      replays.release(claim);
      monitor.failed(Stage.INGEST, e, config.retryAfter());
      LOG.error("Webhook {}: commit failed, answering 500: {}", config.name(), SafeLog.describe(e));
      return error(500, "the events could not be processed", Map.of());
    }
    monitor.committed(outcomes, 1);
    monitor.succeeded();
    LOG.debug("Webhook {}: committed {} events", config.name(), outcomes.size());
    return new WebhookResponse(200, JSON_TYPE, results(parts, outcomes), Map.of());
  }

  // null when authentic, else why not (no header values: they come from anyone)
  private String authenticate(String timestamp, String signature, byte[] body, Instant now) {
    if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
      return "missing or malformed " + config.timestampHeader() + " (unix seconds)";
    }
    long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
    if (skew > config.replayWindow().toSeconds()) {
      return "the timestamp is outside the accepted window of "
          + config.replayWindow().toSeconds()
          + " seconds";
    }
    if (signature == null || !SIGNATURE.matcher(signature).matches()) {
      return "missing or malformed " + config.signatureHeader() + " (sha256=<hex>)";
    }
    byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
    boolean match = false;
    for (SecretKeySpec key : keys) {
      // constant time, and every key is tried, so timing tells nothing about which matched
      match |= MessageDigest.isEqual(Hmac.sign(key, timestamp, body), given);
    }
    return match ? null : "the signature does not match";
  }

  private List<Part> frame(Map<String, List<String>> headers, byte[] body)
      throws FramingException, UnsupportedType {
    String type = header(headers, "Content-Type");
    String media =
        type == null ? "application/json" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    String text = Framing.utf8(body);
    if (JSON_LINES_TYPES.contains(media)) {
      return Framing.jsonLines(text);
    }
    if (media.equals("application/json")) {
      return Framing.json(text);
    }
    throw new UnsupportedType();
  }

  private static String results(List<Part> parts, List<IngestOutcome> outcomes) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
      for (int i = 0; i < outcomes.size(); i++) {
        IngestOutcome o = outcomes.get(i);
        g.writeStartObject();
        g.writeNumberField("position", parts.get(i).position());
        g.writeStringField("status", o.status().name());
        g.writeStringField("eventId", o.eventId());
        if (o.rejectedId() != null) {
          g.writeNumberField("rejectedId", o.rejectedId());
        }
        g.writeArrayFieldStart("problems");
        for (Problem p : o.problems()) {
          g.writeStartObject();
          g.writeStringField("field", p.field());
          g.writeStringField("rule", p.rule());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private WebhookResponse notPost() {
    return error(405, "only POST is accepted", Map.of("Allow", "POST"));
  }

  private WebhookResponse tooLarge() {
    return error(413, "the body is larger than " + config.maxBodyBytes() + " bytes", Map.of());
  }

  private static WebhookResponse error(int status, String message, Map<String, String> headers) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WebhookResponse(status, JSON_TYPE, out.toString(), headers);
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0).strip();
      }
    }
    return null;
  }

  /** The body's media type is neither JSON nor JSON Lines. */
  private static final class UnsupportedType extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /** Builds a {@link WebhookHandler}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final RecordIngest ingest;
    private final WebhookConfig config;
    private final List<ConnectorListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder(RecordIngest ingest, WebhookConfig config) {
      this.ingest = ingest;
      this.config = config;
    }

    /** The clock timestamps are checked against. Default: system UTC. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** Adds a listener for commits, rejections, failures and health changes. */
    public Builder listener(ConnectorListener value) {
      listeners.add(value);
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every problem
     */
    public WebhookHandler build() {
      Configs.throwIfAny(
          "WebhookHandler",
          new Checks()
              .notNull("ingest", ingest)
              .notNull("config", config)
              .notNull("clock", clock)
              .noNulls("listeners", listeners));
      return new WebhookHandler(this);
    }
  }
}
