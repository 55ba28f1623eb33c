package org.trackmycrime.records.webhook;

import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trackmycrime.records.webhook.internal.Hmac;

/**
 * Signs a webhook request the way {@link WebhookHandler} checks it, for a records system's sender
 * (and for tests):
 *
 * <pre>{@code
 * WebhookSigner signer = new WebhookSigner(secret, Clock.systemUTC());
 * byte[] body = ndjson.getBytes(UTF_8);
 * HttpRequest.Builder request = HttpRequest.newBuilder(uri)
 *     .header("Content-Type", "application/x-ndjson")
 *     .POST(HttpRequest.BodyPublishers.ofByteArray(body));
 * signer.headers(body).forEach(request::header);
 * }</pre>
 *
 * <p>The signature is {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the shared
 * secret, of the timestamp (unix seconds, as sent in the timestamp header), a full stop, and the
 * body's bytes. Sign again for every attempt: a retry with the same signature is refused as a
 * replay once the first attempt succeeded.
 */
public final class WebhookSigner {
  private final javax.crypto.spec.SecretKeySpec key;
  private final Clock clock;
  private final String timestampHeader;
  private final String signatureHeader;

  /** A signer using the default header names ({@code X-TMC-Timestamp}, {@code X-TMC-Signature}). */
  public WebhookSigner(String secret, Clock clock) {
    this(secret, clock, "X-TMC-Timestamp", "X-TMC-Signature");
  }

  public WebhookSigner(String secret, Clock clock, String timestampHeader, String signatureHeader) {
    this.key = Hmac.key(secret);
    this.clock = clock;
    this.timestampHeader = timestampHeader;
    this.signatureHeader = signatureHeader;
  }

  /** The signature of {@code body} sent at {@code unixSeconds}: {@code sha256=<hex>}. */
  public String signature(long unixSeconds, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(Hmac.sign(key, Long.toString(unixSeconds), body));
  }

  /** The two headers to send with {@code body} now. */
  public Map<String, String> headers(byte[] body) {
    long now = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(timestampHeader, Long.toString(now));
    headers.put(signatureHeader, signature(now, body));
    return headers;
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "WebhookSigner[secret=***]";
  }
}
