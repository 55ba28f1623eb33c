package org.trackmycrime.records.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.records.ConnectorCounters;
import org.trackmycrime.records.ConnectorListener;
import org.trackmycrime.records.HealthStatus;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.FaultyIngest;
import org.trackmycrime.testing.records.KitEvent;

class WebhookHandlerTest {
  private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();
  private FaultyIngest ingest;
  private final List<IngestOutcome> rejectedSeen = new ArrayList<>();
  private WebhookHandler webhook;
  private WebhookSigner signer;

  @BeforeEach
  void setUp() {
    db.trackMyCrime()
        .forces()
        .save(new Force(KitEvent.FORCE, "Kit Police", ForceSettings.defaults()));
    ingest = new FaultyIngest(db.trackMyCrime().ingest());
    webhook = handler(WebhookConfig.builder(SECRET).maxBodyBytes(8192).maxEvents(5).build());
    signer = new WebhookSigner(SECRET, db.clock());
  }

  private WebhookHandler handler(WebhookConfig config) {
    return WebhookHandler.builder(ingest, config)
        .clock(db.clock())
        .listener(
            new ConnectorListener() {
              @Override
              public void onRejected(String connector, IngestOutcome outcome) {
                rejectedSeen.add(outcome);
              }
            })
        .build();
  }

  private static Map<String, List<String>> headers(Map<String, String> signed, String contentType) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    signed.forEach((k, v) -> h.put(k, List.of(v)));
    if (contentType != null) {
      h.put("Content-Type", List.of(contentType));
    }
    return h;
  }

  private WebhookResponse post(String body, String contentType) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return webhook.handle("POST", headers(signer.headers(bytes), contentType), bytes);
  }

  private static String ndjson(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> KitEvent.good(i).json())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static JsonNode results(WebhookResponse r) throws Exception {
    assertThat(r.contentType()).startsWith("application/json");
    return JSON.readTree(r.body()).get("results");
  }

  @Test
  void acceptsOneSignedEventAndAnswersItsOutcomeAfterTheCommit() throws Exception {
    WebhookResponse r = post(KitEvent.good(1).json(), "application/json");

    assertThat(r.status()).isEqualTo(200);
    JsonNode result = results(r).get(0);
    assertThat(result.get("status").asText()).isEqualTo("APPLIED");
    assertThat(result.get("eventId").asText()).isEqualTo("kit-0001");
    assertThat(result.get("problems")).isEmpty();
    assertThat(db.trackMyCrime().crimes().find(KitEvent.FORCE, "KIT/1")).isPresent();
  }

  @Test
  void acceptsAJsonArrayOfEventsKeepingEachEventsTextAsSent() throws Exception {
    String body = "[ " + KitEvent.good(1).json() + " ,\n" + KitEvent.good(2).json() + "]";

    WebhookResponse r = post(body, "application/json; charset=utf-8");

    assertThat(r.status()).isEqualTo(200);
    assertThat(results(r))
        .extracting(n -> n.get("status").asText())
        .containsExactly("APPLIED", "APPLIED");
    assertThat(ingest.offered())
        .extracting(RawEvent::json)
        .containsExactly(KitEvent.good(1).json(), KitEvent.good(2).json());
    assertThat(ingest.offered())
        .extracting(RawEvent::origin)
        .allMatch(o -> o.startsWith("webhook:"));
  }

  @Test
  void acceptsJsonLinesSkippingBlankLines() throws Exception {
    String body = KitEvent.good(1).json() + "\r\n\r\n" + KitEvent.good(2).json() + "\n";

    WebhookResponse r = post(body, "application/x-ndjson");

    assertThat(results(r)).hasSize(2);
    assertThat(results(r)).extracting(n -> n.get("position").asInt()).containsExactly(1, 3);
  }

  @Test
  void answersEachEventsOutcomeIncludingRejectionsWithTheirProblems() throws Exception {
    String body =
        KitEvent.good(1).json() + "\n{\"eventId\":\"x\"}\n" + KitEvent.good(1).json() + "\n";

    WebhookResponse r = post(body, "application/x-ndjson");

    assertThat(r.status()).as("bad events do not fail the request").isEqualTo(200);
    JsonNode results = results(r);
    assertThat(results)
        .extracting(n -> n.get("status").asText())
        .containsExactly("APPLIED", "REJECTED", "DUPLICATE");
    assertThat(results.get(1).get("problems")).isNotEmpty();
    assertThat(results.get(1).get("problems").get(0).get("field").asText()).isNotBlank();
    assertThat(results.get(1).get("rejectedId").asLong()).isPositive();
    assertThat(rejectedSeen).hasSize(1);
    assertThat(webhook.counters()).isEqualTo(new ConnectorCounters(1, 1, 0, 1));
  }

  @Test
  void refusesABadSignature() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    WebhookSigner impostor =
        new WebhookSigner("another-secret-that-is-32-bytes-long!!", db.clock());

    WebhookResponse r = webhook.handle("POST", headers(impostor.headers(body), null), body);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("the signature does not match");
    assertThat(ingest.calls()).as("nothing reached the ingest").isZero();
  }

  @Test
  void refusesABodyChangedAfterSigning() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed = signer.headers(body);
    byte[] changed = KitEvent.good(2).json().getBytes(StandardCharsets.UTF_8);

    assertThat(webhook.handle("POST", headers(signed, null), changed).status()).isEqualTo(401);
  }

  @Test
  void refusesMissingOrMalformedAuthenticationHeaders() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed = signer.headers(body);
    String ts = signed.get("X-TMC-Timestamp");

    assertThat(webhook.handle("POST", Map.of(), body).status()).isEqualTo(401);
    assertThat(webhook.handle("POST", headers(Map.of("X-TMC-Timestamp", ts), null), body).body())
        .contains("missing or malformed X-TMC-Signature");
    assertThat(
            webhook
                .handle(
                    "POST",
                    headers(
                        Map.of(
                            "X-TMC-Timestamp",
                            "yesterday",
                            "X-TMC-Signature",
                            signed.get("X-TMC-Signature")),
                        null),
                    body)
                .status())
        .isEqualTo(401);
    assertThat(
            webhook
                .handle(
                    "POST",
                    headers(Map.of("x-tmc-timestamp", ts, "x-tmc-signature", "sha256=zz"), null),
                    body)
                .status())
        .isEqualTo(401);
  }

  @Test
  void refusesATimestampOlderThanTheReplayWindow() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed = signer.headers(body);
    db.clock().advance(Duration.ofMinutes(5).plusSeconds(1));

    WebhookResponse r = webhook.handle("POST", headers(signed, null), body);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("outside the accepted window");
  }

  @Test
  void refusesATimestampFromTheFuture() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    long future = db.clock().instant().plus(Duration.ofMinutes(6)).getEpochSecond();
    Map<String, String> signed =
        Map.of(
            "X-TMC-Timestamp",
            Long.toString(future),
            "X-TMC-Signature",
            signer.signature(future, body));

    assertThat(webhook.handle("POST", headers(signed, null), body).status()).isEqualTo(401);
  }

  @Test
  void acceptsATimestampJustInsideTheWindow() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    Map<String, String> signed = signer.headers(body);
    db.clock().advance(Duration.ofMinutes(5));

    assertThat(webhook.handle("POST", headers(signed, null), body).status()).isEqualTo(200);
  }

  @Test
  void refusesAReplayedRequest() {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> request = headers(signer.headers(body), null);
    assertThat(webhook.handle("POST", request, body).status()).isEqualTo(200);
    db.clock().advance(Duration.ofMinutes(2));

    WebhookResponse replay = webhook.handle("POST", request, body);

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.body()).contains("replay");
    assertThat(ingest.calls()).as("the replay never reached the ingest").isEqualTo(1);
  }

  @Test
  void answers503WithRetryAfterWhenTheDatabaseFailsAndTheSenderMayRetryTheSameRequest()
      throws Exception {
    byte[] body = ndjson(1, 2).getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> request = headers(signer.headers(body), "application/x-ndjson");
    ingest.failNextCalls(1);

    WebhookResponse failed = webhook.handle("POST", request, body);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.headers()).containsEntry("Retry-After", "5");
    assertThat(webhook.health().status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(webhook.health().lastErrorType()).isEqualTo(PersistenceException.class.getName());
    assertThat(db.trackMyCrime().crimes().list(KitEvent.FORCE, 0, 10))
        .as("nothing committed")
        .isEmpty();

    WebhookResponse retried = webhook.handle("POST", request, body);

    assertThat(retried.status())
        .as("a retry of a request that failed is not a replay")
        .isEqualTo(200);
    assertThat(results(retried)).extracting(n -> n.get("status").asText()).containsOnly("APPLIED");
    assertThat(webhook.health().status()).isEqualTo(HealthStatus.UP);
  }

  @Test
  void acceptsThePreviousSecretWhileTheSecretIsRotated() {
    String next = "the-next-shared-secret-of-32-bytes-or-more";
    webhook = handler(WebhookConfig.builder(next).previousSecret(SECRET).build());

    assertThat(post(KitEvent.good(1).json(), null).status()).isEqualTo(200);
    byte[] body = KitEvent.good(2).json().getBytes(StandardCharsets.UTF_8);
    assertThat(
            webhook
                .handle(
                    "POST", headers(new WebhookSigner(next, db.clock()).headers(body), null), body)
                .status())
        .isEqualTo(200);
  }

  @Test
  void refusesOtherMethodsBodiesTooLargeAndTooManyEvents() {
    assertThat(webhook.handle("GET", Map.of(), new byte[0]).status()).isEqualTo(405);
    assertThat(webhook.handle("GET", Map.of(), new byte[0]).headers())
        .containsEntry("Allow", "POST");
    assertThat(post("x".repeat(8193), "application/x-ndjson").status()).isEqualTo(413);
    assertThat(post(ndjson(1, 6), "application/x-ndjson").status())
        .as("six events where five are allowed")
        .isEqualTo(413);
  }

  @Test
  void refusesAnAnnouncedOversizedBodyWithoutReadingIt() {
    AtomicInteger read = new AtomicInteger();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 'x';
          }
        };
    Map<String, List<String>> h = Map.of("Content-Length", List.of("100000000"));

    assertThat(webhook.handle("POST", h, endless).status()).isEqualTo(413);
    assertThat(read.get()).isZero();
    assertThat(webhook.handle("POST", Map.of(), endless).status())
        .as("a body larger than announced is cut at the limit")
        .isEqualTo(413);
    assertThat(read.get()).isLessThanOrEqualTo(8193);
  }

  @Test
  void refusesBrokenFramingWithoutQuotingTheBody() {
    WebhookResponse notJson = post("{\"givenName\":\"Zebedee\",", "application/json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON").doesNotContain("Zebedee");

    assertThat(post("42", "application/json").status()).isEqualTo(400);
    assertThat(post("", "application/json").status()).isEqualTo(400);
    assertThat(post(KitEvent.good(1).json() + " {}", "application/json").status()).isEqualTo(400);
    assertThat(post(KitEvent.good(1).json(), "text/plain").status()).isEqualTo(415);

    byte[] latin1 = "{\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(
            webhook
                .handle("POST", headers(signer.headers(latin1), "application/json"), latin1)
                .body())
        .contains("not UTF-8");
  }

  @Test
  void anArrayElementThatIsNotAnObjectIsRejectedByTheIngestNotTheFraming() throws Exception {
    WebhookResponse r = post("[" + KitEvent.good(1).json() + ", 42, \"text\"]", "application/json");

    assertThat(r.status()).isEqualTo(200);
    assertThat(results(r))
        .extracting(n -> n.get("status").asText())
        .containsExactly("APPLIED", "REJECTED", "REJECTED");
    assertThat(ingest.offered())
        .extracting(RawEvent::json)
        .containsExactly(KitEvent.good(1).json(), "42", "\"text\"");
  }

  @Test
  void anEmptyArrayIsCommittedAsNothing() throws Exception {
    WebhookResponse r = post("[]", "application/json");

    assertThat(r.status()).isEqualTo(200);
    assertThat(results(r)).isEmpty();
  }

  @Test
  void secretsNeverAppearInToString() {
    WebhookConfig config = WebhookConfig.builder(SECRET).previousSecret(SECRET + "-old").build();

    assertThat(config.toString()).doesNotContain(SECRET).contains("secret=***");
    assertThat(signer.toString()).doesNotContain(SECRET);
  }

  @Test
  void theBuilderReportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> WebhookHandler.builder(null, null).clock(null).build())
        .hasMessageContaining("ingest: is required")
        .hasMessageContaining("config: is required")
        .hasMessageContaining("clock: is required");
  }
}
