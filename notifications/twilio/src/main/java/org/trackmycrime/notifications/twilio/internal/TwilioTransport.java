package org.trackmycrime.notifications.twilio.internal;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's {@link HttpClient} for one send, on the JDK's HTTP client.
 *
 * <p>Why not the SDK's own {@code NetworkHttpClient}: it overwrites any per-request timeout with
 * its defaults (30 s), always sends to {@code api.twilio.com}, and retries every 5xx three times
 * inside one call, which for a POST can send the same text three times. This one makes exactly one
 * attempt (the dispatcher owns retries and back-off), rewrites scheme, host and port to the
 * configured base URL, honours the configured timeouts, and remembers the answer's status and
 * {@code Retry-After} so the channel can classify it even when the SDK only throws.
 *
 * <p>One instance serves one send on one thread; the JDK client underneath is shared.
 */
public final class TwilioTransport extends HttpClient {
  /** Sent with every request; Twilio's Messages API does not document reading it (see README). */
  public static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

  private static final int MAX_BODY_CHARS = 1_000_000;

  private final java.net.http.HttpClient http;
  private final URI base;
  private final Duration requestTimeout;
  private final String idempotencyToken;
  private Exchange exchange;

  /** What came back: the HTTP status and the Retry-After header, if any. */
  public record Exchange(int status, String retryAfter) {}

  public TwilioTransport(
      java.net.http.HttpClient http, URI base, Duration requestTimeout, String idempotencyToken) {
    this.http = http;
    this.base = base;
    this.requestTimeout = requestTimeout;
    this.idempotencyToken = idempotencyToken;
  }

  /** The answer to the last request, or null when none arrived (timeout, refused connection). */
  public Exchange exchange() {
    return exchange;
  }

  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(request);
  }

  @Override
  public Response reliableRequest(Request request, int[] retryCodes, int retries, long delay) {
    return makeRequest(request);
  }

  @Override
  public Response makeRequest(Request request) {
    exchange = null;
    URI target = rewrite(request.constructURL());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header("X-Twilio-Client", "java-" + Twilio.VERSION)
            .header(
                "User-Agent",
                HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true));
    if (request.requiresAuthentication()) {
      b.header("Authorization", request.getAuthString());
    }
    for (Map.Entry<String, List<String>> h : request.getHeaderParams().entrySet()) {
      for (String value : h.getValue()) {
        b.header(h.getKey(), value);
      }
    }
    if (idempotencyToken != null) {
      b.header(IDEMPOTENCY_HEADER, idempotencyToken);
    }
    b.method(request.getMethod().toString(), body(request, b));
    HttpResponse<String> answer;
    try {
      answer = http.send(b.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the message names only the failure kind and host, never the request's content
      throw new ApiConnectionException("Twilio request failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("Twilio request interrupted", e);
    }
    exchange =
        new Exchange(answer.statusCode(), answer.headers().firstValue("Retry-After").orElse(null));
    String content = answer.body();
    if (content != null && content.length() > MAX_BODY_CHARS) {
      content = content.substring(0, MAX_BODY_CHARS);
    }
    return new Response(content, answer.statusCode(), headers(answer.headers()));
  }

  private static BodyPublisher body(Request request, HttpRequest.Builder b) {
    if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.DELETE) {
      return BodyPublishers.noBody();
    }
    if (request.getContentType() != null
        && EnumConstants.ContentType.JSON.getValue().equals(request.getContentType().getValue())) {
      b.header("Content-Type", "application/json");
      return BodyPublishers.ofString(
          request.getBody() == null ? "" : request.getBody(), StandardCharsets.UTF_8);
    }
    b.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    return BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
  }

  /** Keeps the SDK's path and query; takes scheme, host, port and any path prefix from base. */
  private URI rewrite(URL sdkUrl) {
    try {
      String prefix = base.getRawPath() == null ? "" : base.getRawPath();
      if (prefix.endsWith("/")) {
        prefix = prefix.substring(0, prefix.length() - 1);
      }
      String path = prefix + sdkUrl.getPath();
      String query = sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery();
      String authority = base.getRawAuthority();
      return new URI(base.getScheme() + "://" + authority + path + query);
    } catch (URISyntaxException e) {
      throw new ApiConnectionException("Twilio request URL could not be built", e);
    }
  }

  private static Header[] headers(HttpHeaders headers) {
    List<Header> out = new ArrayList<>();
    headers.map().forEach((k, vs) -> vs.forEach(v -> out.add(new BasicHeader(k, v))));
    return out.toArray(new Header[0]);
  }
}
