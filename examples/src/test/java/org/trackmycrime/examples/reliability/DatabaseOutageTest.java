package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.FORCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.SOURCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.awaitAllSent;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.backlog;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.committedLines;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.store.AuditVerification;

/**
 * PostgreSQL is stopped while the server ingests a drop file and sends alerts, then started again
 * on the same data directory and port: the server reports the database DOWN (503) meanwhile, the
 * connector and the dispatcher keep retrying, health comes back UP by itself, every event is
 * applied exactly once, every message reaches the SMTP server exactly once, and the audit chain is
 * intact.
 */
class DatabaseOutageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theServerRidesOutAPostgresOutageAndLosesNothing() throws Exception {
    int crimes = 50;
    Path data = dir.resolve("pg");
    int pgPort = ServerProcess.freePort();
    EmbeddedPostgres pg = postgres(data, pgPort);
    GreenMail smtp = new GreenMail(new ServerSetup(ServerProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path log = dir.resolve("server.log");
    Path file = drop.resolve("0001-outage.jsonl");
    Path processed = drop.resolve("processed").resolve("0001-outage.jsonl");
    Path checkpoint = drop.resolve("0001-outage.jsonl.checkpoint");
    int events =
        CrashRecoveryTest.writeDropFile(drop, file, crimes, Instant.now().minusSeconds(7200));
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
    env.put("TMC_DB_USER", "postgres");
    env.put("TMC_DB_PASSWORD", "postgres");
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    env.put("TMC_DISPATCH_MAX_BACKOFF_SECONDS", "5");

    Set<String> ids = new HashSet<>();
    int received;
    try (ServerProcess server = ServerProcess.start(env, log)) {
      // at once: the connector is reading its first batch, or about to
      pg.close(); // the database goes away
      boolean midFile = !Files.exists(processed);
      ServerProcess.await("health DOWN", Duration.ofSeconds(30), () -> databaseIs(server, "DOWN"));
      Thread.sleep(10_000);
      assertThat(databaseIs(server, "DOWN")).isTrue();
      int linesAtOutage = committedLines(checkpoint);
      assertThat(Files.exists(processed))
          .as("the file is not moved to processed/ while its lines cannot be applied")
          .isEqualTo(!midFile);
      assertThat(server.alive()).isTrue();

      pg = postgres(data, pgPort); // the same data directory and port
      ServerProcess.await("health UP again", Duration.ofMinutes(1), () -> databaseIs(server, "UP"));
      ServerProcess.await(
          "the drop file processed and the outbox empty",
          Duration.ofMinutes(3),
          () -> Files.exists(processed) && backlog(server) == 0);
      awaitAllSent(server, Duration.ofMinutes(1));
      System.out.printf(
          "database outage: %d events, outage at line %d (%s), %d messages received%n",
          events,
          linesAtOutage,
          midFile ? "mid-file" : "after the file",
          smtp.getReceivedMessages().length);
      assertThat(server.stop()).isIn(0, 143);
      received = smtp.getReceivedMessages().length;
      for (MimeMessage m : smtp.getReceivedMessages()) {
        ids.add(m.getMessageID());
      }
    } finally {
      smtp.stop();
    }

    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      assertThat(
              count(c, "SELECT COUNT(*) FROM tmc_ingested_event WHERE source = '" + SOURCE + "'"))
          .isEqualTo(events);
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_rejected_event")).isZero();
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_crime WHERE force_slug = '" + FORCE + "'"))
          .isEqualTo(crimes);
      String rows = "SELECT COUNT(*) FROM tmc_outbox WHERE force_slug = '" + FORCE + "'";
      assertThat(count(c, rows + " AND status IN ('DEAD', 'FAILED', 'PENDING')"))
          .as("outbox rows not sent: %s", unsent(c))
          .isZero();
      assertThat(ids)
          .as("distinct messages")
          .hasSize((int) count(c, rows + " AND status = 'SENT'"));
      assertThat(received).as("messages received, none twice").isEqualTo(ids.size());
    }
    TrackMyCrime tmc =
        TrackMyCrime.builder()
            .dataSource(pg.getPostgresDatabase())
            .clock(Clock.systemUTC())
            .migrate(false)
            .build();
    AuditVerification audit = tmc.audit().verify(FORCE);
    assertThat(audit.firstBreak()).as("audit chain").isEmpty();
    assertThat(audit.entries()).isPositive();
    pg.close();
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static boolean databaseIs(ServerProcess server, String state) {
    String health = server.health();
    if (health == null) {
      return false;
    }
    try {
      JsonNode n = JSON.readTree(health);
      return state.equals(n.path("database").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** Kind, status, attempts and error code of each row not sent, to explain a failure. */
  private static List<String> unsent(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT message_kind, status, dispatch_attempts, dispatch_error FROM tmc_outbox"
                    + " WHERE status <> 'SENT'")) {
      while (rs.next()) {
        out.add(
            rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/" + rs.getString(4));
      }
    }
    return out;
  }
}
