package org.trackmycrime.notifications.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ConfigurationException;

/**
 * Receives Twilio's message status callbacks, framework-neutral: the host's web layer turns its
 * request into a {@link CallbackRequest}, calls {@link #handle}, and answers with the returned
 * status. {@link #asHttpHandler()} does that for the JDK's {@code HttpServer}.
 *
 * <p>Every callback is checked with the Twilio SDK's {@link RequestValidator}: the {@code
 * X-Twilio-Signature} header must be Twilio's HMAC of the configured {@link
 * TwilioConfig#statusCallbackUrl()} (plus the query string the request arrived with, which Twilio
 * signs as part of the URL) and the form parameters, keyed with the auth token. The URL is never
 * built from the request's {@code Host} header, so a proxy or a forged host cannot make a bad
 * signature pass. A missing or wrong signature gets 403 and changes nothing; so does any request
 * that is not a POST (405), is too large (413) or lacks a message SID or status (400). A valid
 * callback becomes a {@link DeliveryReceipt} handed to the host's consumer (the dispatcher records
 * it) and gets 204. If the consumer throws, the answer is 500 so Twilio may try again.
 *
 * <p>Thread-safe. Logs carry message SIDs only; callbacks also carry the phone numbers, which are
 * neither logged nor passed on.
 */
public final class TwilioStatusCallbackHandler {
  /** The largest callback body accepted; Twilio's are well under 2 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(TwilioStatusCallbackHandler.class);
  private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");

  private final String signedUrlBase;
  private final RequestValidator validator;
  private final Consumer<DeliveryReceipt> receipts;

  /**
   * One request as the host's web layer received it.
   *
   * @param method the HTTP method
   * @param rawQuery the query string exactly as received, still percent-encoded, without {@code ?};
   *     null when there is none
   * @param headers the request headers (names in any case; the first value of each)
   * @param body the body, an {@code application/x-www-form-urlencoded} string, undecoded
   */
  public record CallbackRequest(
      String method, String rawQuery, Map<String, String> headers, String body) {
    public CallbackRequest {
      Objects.requireNonNull(method, "method");
      Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.putAll(Objects.requireNonNull(headers, "headers"));
      headers = java.util.Collections.unmodifiableMap(h);
      body = body == null ? "" : body;
    }

    /** The header's value, whatever the case of its name, or null. */
    public String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * What to answer Twilio.
   *
   * @param status the HTTP status: 204, 400, 403, 405, 413 or 500
   * @param reason a short explanation for the host's logs; not sent to Twilio
   */
  public record CallbackResponse(int status, String reason) {
    /** True when the callback was verified and recorded. */
    public boolean accepted() {
      return status == 204;
    }
  }

  /**
   * A handler for the channel's configuration.
   *
   * @param config must have a {@link TwilioConfig#statusCallbackUrl()}; its auth token keys the
   *     signature check
   * @param receipts called once for each verified callback, on the request's thread
   * @throws ConfigurationException when the configuration has no status-callback URL
   */
  public TwilioStatusCallbackHandler(TwilioConfig config, Consumer<DeliveryReceipt> receipts) {
    Objects.requireNonNull(config, "config");
    this.receipts = Objects.requireNonNull(receipts, "receipts");
    URI url = config.statusCallbackUrl();
    if (url == null) {
      throw new ConfigurationException(
          "TwilioConfig.statusCallbackUrl is required to verify status callbacks");
    }
    String s = url.toString();
    int q = s.indexOf('?');
    this.signedUrlBase = q < 0 ? s : s.substring(0, q);
    this.validator = new RequestValidator(config.authToken());
  }

  /** Verifies one callback and, when it is genuine, passes its receipt on. */
  public CallbackResponse handle(CallbackRequest request) {
    Objects.requireNonNull(request, "request");
    if (!request.method().equalsIgnoreCase("POST")) {
      return refuse(405, "only POST is accepted");
    }
    if (request.body().length() > MAX_BODY_BYTES) {
      return refuse(413, "body too large");
    }
    String signature = request.header("X-Twilio-Signature");
    if (signature == null || signature.isBlank()) {
      return refuse(403, "missing X-Twilio-Signature");
    }
    Map<String, String> params = parseForm(request.body());
    if (params == null) {
      return refuse(403, "malformed or ambiguous form body");
    }
    String url =
        request.rawQuery() == null || request.rawQuery().isEmpty()
            ? signedUrlBase
            : signedUrlBase + "?" + request.rawQuery();
    if (!validator.validate(url, params, signature.strip())) {
      return refuse(403, "bad X-Twilio-Signature");
    }
    String sid = params.get("MessageSid");
    String status = params.get("MessageStatus");
    if (sid == null || !MESSAGE_SID.matcher(sid).matches()) {
      return refuse(400, "missing or malformed MessageSid");
    }
    if (status == null || status.isBlank()) {
      return refuse(400, "missing MessageStatus");
    }
    Integer errorCode = null;
    String rawCode = params.get("ErrorCode");
    if (rawCode != null && !rawCode.isBlank()) {
      try {
        errorCode = Integer.valueOf(rawCode.strip());
      } catch (NumberFormatException e) {
        return refuse(400, "malformed ErrorCode");
      }
    }
    String key = null;
    Map<String, String> query =
        request.rawQuery() == null ? Map.of() : parseForm(request.rawQuery());
    if (query != null) {
      key = query.get(TwilioSmsChannel.KEY_PARAMETER);
    }
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            sid,
            DeliveryStatus.fromTwilio(status),
            status.strip().toLowerCase(Locale.ROOT),
            errorCode,
            key,
            request.header("I-Twilio-Idempotency-Token"));
    try {
      receipts.accept(receipt);
    } catch (RuntimeException e) {
      log.warn(
          "twilio callback: the receipt consumer failed ({}) for {}", e.getClass().getName(), sid);
      return new CallbackResponse(500, "receipt consumer failed");
    }
    log.debug("twilio callback: {} is {}", sid, receipt.twilioStatus());
    return new CallbackResponse(204, "recorded");
  }

  /**
   * This handler for the JDK's {@code com.sun.net.httpserver.HttpServer}, mounted at the path of
   * the configured status-callback URL.
   */
  public HttpHandler asHttpHandler() {
    return this::exchange;
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        body = new String(bytes, StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (!h.getValue().isEmpty()) {
          headers.put(h.getKey(), h.getValue().get(0));
        }
      }
      CallbackResponse response =
          handle(
              new CallbackRequest(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawQuery(),
                  headers,
                  body));
      exchange.sendResponseHeaders(response.status(), -1);
    }
  }

  /** Decoded form fields, or null when the body is malformed or names a field twice. */
  private static Map<String, String> parseForm(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    try {
      for (String pair : body.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (out.put(name, value) != null) {
          return null;
        }
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return out;
  }

  private static CallbackResponse refuse(int status, String reason) {
    log.warn("twilio callback refused ({}): {}", status, reason);
    return new CallbackResponse(status, reason);
  }
}
