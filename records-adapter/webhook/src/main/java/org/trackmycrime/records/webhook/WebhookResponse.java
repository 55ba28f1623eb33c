package org.trackmycrime.records.webhook;

import java.util.Map;
import java.util.Objects;

/**
 * What to answer a webhook request with; the adapter for a web framework copies it out.
 *
 * @param status the HTTP status: 200 committed (the body lists each event's outcome), 400 the
 *     body's framing is broken, 401 not authenticated (bad or missing signature, a timestamp
 *     outside the window, a replay), 405 not a POST, 413 too large, 415 not JSON or JSON Lines, 503
 *     the database failed and nothing was committed (send again later), 500 anything else
 * @param contentType the body's media type
 * @param body the JSON text of the answer
 * @param headers further headers ({@code Retry-After} on a 503, {@code Allow} on a 405)
 */
public record WebhookResponse(
    int status, String contentType, String body, Map<String, String> headers) {
  public WebhookResponse {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }
}
