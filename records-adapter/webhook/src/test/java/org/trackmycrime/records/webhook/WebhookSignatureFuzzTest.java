package org.trackmycrime.records.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.BulkReport;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.ParkedEvent;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.ingest.RejectedEvents;

/**
 * The webhook's signature check and framing on any request: it answers 200, 400, 401, 413 or 415,
 * and never throws. Input: a mode byte, then NUL-separated content type, timestamp header,
 * signature header and body. Mode even: the headers are taken as given (forgeries). Mode odd: the
 * request is signed correctly, so the framing behind the check is fuzzed too.
 */
class WebhookSignatureFuzzTest {
  private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
  private static final Set<Integer> ANSWERS = Set.of(200, 400, 401, 413, 415);

  @FuzzTest(maxDuration = "60s")
  void handle(byte[] input) {
    // a new handler each time: the replay guard would otherwise remember earlier inputs
    WebhookHandler webhook =
        WebhookHandler.builder(
                new AcceptingIngest(),
                WebhookConfig.builder(SECRET).maxBodyBytes(16_384).maxEvents(20).build())
            .clock(CLOCK)
            .build();
    boolean signed = input.length > 0 && (input[0] & 1) == 1;
    byte[] rest = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input;
    List<byte[]> parts = split(rest, 4);
    String contentType = text(parts.get(0));
    byte[] body = parts.get(3);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (signed) {
      new WebhookSigner(SECRET, CLOCK).headers(body).forEach((k, v) -> headers.put(k, List.of(v)));
    } else {
      headers.put("X-TMC-Timestamp", List.of(text(parts.get(1))));
      headers.put("X-TMC-Signature", List.of(text(parts.get(2))));
    }
    headers.put("Content-Type", List.of(contentType));
    WebhookResponse response = webhook.handle("POST", headers, body);
    assertThat(ANSWERS).as(response.toString()).contains(response.status());
    String genuine =
        new WebhookSigner(SECRET, CLOCK).signature(CLOCK.instant().getEpochSecond(), body);
    if (!signed && !genuine.equalsIgnoreCase(text(parts.get(2)))) {
      // a forged or malformed request never gets past the check
      assertThat(response.status()).isIn(401, 413);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Splits at the first {@code n - 1} NUL bytes; missing parts are empty. */
  private static List<byte[]> split(byte[] input, int n) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < input.length && parts.size() < n - 1; i++) {
      if (input[i] == 0) {
        parts.add(Arrays.copyOfRange(input, start, i));
        start = i + 1;
      }
    }
    parts.add(Arrays.copyOfRange(input, Math.min(start, input.length), input.length));
    while (parts.size() < n) {
      parts.add(new byte[0]);
    }
    return parts;
  }

  /** Takes every event as applied; the fuzz target is the webhook, not the ingest. */
  private static final class AcceptingIngest implements RecordIngest {
    @Override
    public IngestOutcome ingest(RawEvent event) {
      return new IngestOutcome(IngestStatus.APPLIED, event.origin(), "fuzz", "e", List.of(), null);
    }

    @Override
    public List<IngestOutcome> ingestAll(List<RawEvent> events) {
      return events.stream().map(this::ingest).toList();
    }

    @Override
    public BulkReport bulkLoad(BufferedReader jsonLines, BulkOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RejectedEvents rejected() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ParkedEvent> parked(Duration olderThan) {
      return List.of();
    }
  }
}
