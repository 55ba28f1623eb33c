package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.FORCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.awaitAllSent;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.backlog;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twilio's Messages API (a local server answering as Twilio does) fails with 500 for a while, then
 * with 429 and a Retry-After, then takes every text: each text is delivered exactly once, counted
 * at the local server by the idempotency key the SDK sends with each text.
 */
class TwilioBadSpellTest {
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final long SERVER_ERRORS_MS = 8_000;
  private static final long RATE_LIMITED_MS = 16_000;

  @TempDir Path dir;

  private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private volatile long firstRequest;

  @Test
  void textsRefusedWith500Then429AreEachDeliveredOnceAfterTheSpell() throws Exception {
    HttpServer twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    twilio.createContext("/", this::answer);
    twilio.start();
    int crimes = 4;
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path log = dir.resolve("server.log");
    List<ObjectNode> events = new ArrayList<>();
    Instant at = Instant.now().minusSeconds(7200);
    for (int i = 0; i < crimes; i++) {
      List<ObjectNode> crime = CrashRecoveryTest.crimeEvents(i, at.plusSeconds(i));
      ObjectNode victim = (ObjectNode) crime.get(0).get("data").get("victims").get(0);
      victim.remove("email");
      victim.put("mobile", String.format("+4477009%05d", i));
      events.addAll(crime);
    }
    CrashRecoveryTest.writeEvents(drop, drop.resolve("0001-texts.jsonl"), events);
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_TWILIO_ACCOUNT_SID", SID);
    env.put("TMC_TWILIO_AUTH_TOKEN", "f00dfeedf00dfeedf00dfeedf00dfeed");
    env.put("TMC_TWILIO_FROM", "+447700900001");
    env.put("TMC_TWILIO_BASE_URL", "http://127.0.0.1:" + twilio.getAddress().getPort());
    env.put("TMC_DISPATCH_MAX_BACKOFF_SECONDS", "3");

    try (ServerProcess server = ServerProcess.start(env, log)) {
      Path processed = drop.resolve("processed").resolve("0001-texts.jsonl");
      ServerProcess.await(
          "the drop file processed and every text sent",
          Duration.ofMinutes(3),
          () -> Files.exists(processed) && firstRequest > 0 && backlog(server) == 0);
      awaitAllSent(server, Duration.ofMinutes(1));
      assertThat(server.stop()).isIn(0, 143);
    } finally {
      twilio.stop(0);
    }

    System.out.printf(
        "twilio bad spell: %d answered 500, %d answered 429, %d texts created%n",
        serverErrors.get(), rateLimited.get(), created.size());
    assertThat(serverErrors.get()).as("texts refused with 500").isPositive();
    assertThat(rateLimited.get()).as("texts refused with 429").isPositive();
    assertThat(created.values())
        .as("texts created, by idempotency key")
        .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      String rows = "SELECT COUNT(*) FROM tmc_outbox WHERE force_slug = '" + FORCE + "'";
      assertThat(count(c, rows + " AND status IN ('DEAD', 'FAILED', 'PENDING')")).isZero();
      assertThat(created).hasSize((int) count(c, rows + " AND status = 'SENT'"));
      assertThat(
              count(
                  c,
                  "SELECT COUNT(DISTINCT crime_ref) FROM tmc_outbox WHERE status = 'SENT'"
                      + " AND message_kind = 'VICTIM_UPDATE'"))
          .isEqualTo(crimes);
    }
  }

  private void answer(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    long now = System.currentTimeMillis();
    synchronized (this) {
      if (firstRequest == 0) {
        firstRequest = now;
      }
    }
    long since = now - firstRequest;
    String header = ex.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
    String key = header == null ? "(none)" : header;
    if (!ex.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + SID + "/Messages.json")) {
      reply(ex, 404, "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}");
    } else if (since < SERVER_ERRORS_MS) {
      serverErrors.incrementAndGet();
      reply(ex, 500, "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}");
    } else if (since < RATE_LIMITED_MS) {
      rateLimited.incrementAndGet();
      ex.getResponseHeaders().add("Retry-After", "3");
      reply(ex, 429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}");
    } else {
      int n = created.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      String sid = String.format("SM%032x", Math.abs((key + n).hashCode()));
      reply(
          ex,
          201,
          "{\"account_sid\": \""
              + SID
              + "\", \"sid\": \""
              + sid
              + "\", \"status\": \"queued\", \"to\": \"+447700900123\", \"from\":"
              + " \"+447700900001\", \"body\": \"x\", \"direction\": \"outbound-api\","
              + " \"api_version\": \"2010-04-01\", \"num_segments\": \"1\"}");
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
