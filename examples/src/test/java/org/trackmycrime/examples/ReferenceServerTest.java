package org.trackmycrime.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.trackmycrime.examples.server.ServerConfig;
import org.trackmycrime.examples.server.StartupException;
import org.trackmycrime.records.webhook.WebhookSigner;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceServerTest {
  private static final String SECRET = "webhook-secret-0123456789abcdef-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private ReferenceServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() {
    ServerConfig config =
        ServerConfig.fromMap(
            Map.of(
                "TMC_HTTP_PORT",
                "0",
                "TMC_DB_URL",
                "jdbc:h2:" + dir.resolve("db").toAbsolutePath(),
                "TMC_RECORDS_DROP_DIR",
                dir.resolve("drop").toString(),
                "TMC_WEBHOOK_SECRET",
                SECRET,
                "TMC_ALERT_COALESCE_SECONDS",
                "0",
                "TMC_SMS_QUIET_HOURS",
                "none"));
    server =
        ReferenceServer.start(
            config,
            new ReferenceServer.Tuning(
                Duration.ofMillis(300), 3, Duration.ofMillis(100), Duration.ofSeconds(2)));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(server.localAddress().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void healthReportsDatabaseConnectorsBacklogAndDeadLetters() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode health = JSON.readTree(r.body());
    assertThat(health.path("database").asText()).isEqualTo("UP");
    assertThat(health.path("connectors").findValuesAsText("name"))
        .containsExactlyInAnyOrder("file-drop", "webhook");
    assertThat(health.has("outboxBacklog")).as("outbox backlog reported").isTrue();
    assertThat(health.path("deadLetters").asInt(-1)).isZero();
  }

  @Test
  @Order(2)
  void theDevMailboxFillsWithAlertsFromTheSimulatedFeed() throws Exception {
    String page = "";
    Instant until = Instant.now().plusSeconds(25);
    while (Instant.now().isBefore(until)) {
      page = get("/dev/mailbox").body();
      if (page.contains("VICTIM_UPDATE") && page.contains("SMS") && page.contains("EMAIL")) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(page)
        .as("alerts from the demo feed reach the capturing channel")
        .contains("DEV ONLY")
        .contains("VICTIM_UPDATE")
        .contains("@example.org")
        .contains("+447700");
    assertThat(page).as("no unescaped markup from message text").doesNotContain("<script");
  }

  @Test
  @Order(3)
  void aSignedEventIsAppliedAndABadSignatureIsRefused() throws Exception {
    String ref = "43/900001/26";
    String event =
        "{\"schema\":\"trackmycrime.record-event/1\",\"eventId\":\"test-1\",\"source\":\"test\","
            + "\"force\":\"demo-force\",\"crimeReference\":\""
            + ref
            + "\",\"occurredAt\":\""
            + Instant.now()
            + "\",\"type\":\"CRIME_RECORDED\",\"data\":{\"reportedAt\":\""
            + Instant.now()
            + "\",\"offence\":{\"category\":\"Burglary\"},\"victims\":[{\"victimRef\":\"V1\","
            + "\"givenName\":\"Test\",\"familyName\":\"Person\",\"email\":\"t@example.org\"}]}}";
    byte[] body = event.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new WebhookSigner(SECRET, Clock.systemUTC()).headers(body);

    HttpRequest.Builder good =
        HttpRequest.newBuilder(server.localAddress().resolve("/records/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(good::header);
    HttpResponse<String> ok = http.send(good.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("APPLIED");
    assertThat(server.trackMyCrime().crimes().find("demo-force", ref)).isPresent();

    HttpRequest.Builder bad =
        HttpRequest.newBuilder(server.localAddress().resolve("/records/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (k, v) ->
            bad.header(k, k.toLowerCase().contains("signature") ? "sha256=" + "0".repeat(64) : v));
    HttpResponse<String> refused = http.send(bad.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);

    // an event for a force this server does not serve: rejected, with the reason
    byte[] otherForce =
        event
            .replace("\"force\":\"demo-force\"", "\"force\":\"avon-and-somerset\"")
            .replace("test-1", "test-2")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder elsewhere =
        HttpRequest.newBuilder(server.localAddress().resolve("/records/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(otherForce));
    new WebhookSigner(SECRET, Clock.systemUTC()).headers(otherForce).forEach(elsewhere::header);
    HttpResponse<String> rejected =
        http.send(elsewhere.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rejected.body()).contains("REJECTED").contains("not a force served here");
    assertThat(server.trackMyCrime().crimes().find("avon-and-somerset", ref)).isEmpty();
  }

  @Test
  @Order(4)
  void theVictimPortalIsAtTheRootAndTheDemoStaffPortalUnderStaff() throws Exception {
    HttpResponse<String> start = get("/");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(start.body()).contains("Demo Police").contains("href=\"/sign-in\"");
    assertThat(start.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> staff = get("/staff/");
    assertThat(staff.statusCode()).isEqualTo(303);
    assertThat(staff.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/staff/sign-in"));
    assertThat(get("/staff/sign-in").body()).contains("hub.operator");
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(5)
  void shutdownIsGraceful() throws Exception {
    URI health = server.localAddress().resolve("/health");
    server.close();
    assertThat(server.isClosed()).isTrue();
    assertThat(server.dispatcher().isRunning()).as("dispatcher stopped").isFalse();
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()))
        .as("no longer taking requests")
        .isInstanceOf(IOException.class);
    server.close(); // a second close (the shutdown hook after a test) does nothing
  }

  @Test
  @Order(6)
  void anUnreachableDatabaseFailsFastWithAClearMessage() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ServerConfig config =
        ServerConfig.fromMap(
            Map.of(
                "TMC_HTTP_PORT", "0",
                "TMC_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/tmc",
                "TMC_DB_USER", "tmc",
                "TMC_DB_PASSWORD", "db-password-never-shown",
                "TMC_RECORDS_DROP_DIR", dir.resolve("drop2").toString()));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> ReferenceServer.start(config, ReferenceServer.Tuning.defaults()))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("TMC_DB_URL")
        .hasMessageContaining("cannot reach the database")
        .hasMessageNotContaining("db-password-never-shown");
    // the driver gives up after its 5-second connect timeout, not a TCP default of minutes
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
  }
}
