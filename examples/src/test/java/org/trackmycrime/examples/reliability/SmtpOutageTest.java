package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.FORCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.awaitAllSent;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail server is down from the start and for longer than a message's retries would last: the
 * alerts wait (not dead-lettered, the victims not marked unreachable), and when it comes up every
 * one of them arrives exactly once.
 *
 * <p>With {@code TMC_DISPATCH_MAX_BACKOFF_SECONDS=5} a message's 8 attempts would be used up in
 * well under 45 s; the outage lasts 45 s by default ({@code -Dtmc.smtp.outage.seconds=N} for a
 * longer one). A real outage rather than a settable clock: the server is a separate process that
 * takes its time from the system clock, as in production.
 */
class SmtpOutageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void alertsWaitOutALongSmtpOutageThenEachArrivesOnce() throws Exception {
    int outage = Integer.getInteger("tmc.smtp.outage.seconds", 45);
    int crimes = 4;
    int smtpPort = ServerProcess.freePort(); // nothing listens there yet
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path log = dir.resolve("server.log");
    CrashRecoveryTest.writeDropFile(
        drop, drop.resolve("0001-outage.jsonl"), crimes, Instant.now().minusSeconds(7200));
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(smtpPort));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    env.put("TMC_DISPATCH_MAX_BACKOFF_SECONDS", "5");

    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    Set<String> ids = new HashSet<>();
    try (ServerProcess server = ServerProcess.start(env, log)) {
      Path processed = drop.resolve("processed").resolve("0001-outage.jsonl");
      ServerProcess.await(
          "the drop file processed", Duration.ofMinutes(2), () -> Files.exists(processed));
      Instant start = Instant.now();
      while (Instant.now().isBefore(start.plusSeconds(outage))) {
        Thread.sleep(1000);
        var health = JSON.readTree(server.health());
        assertThat(health.path("deadLetters").asInt())
            .as("dead letters during the outage")
            .isZero();
        assertThat(health.path("outboxBacklog").asInt()).as("alerts waiting").isPositive();
      }
      long refused =
          Files.readAllLines(log).stream()
              .filter(l -> l.contains("code CONNECTION_REFUSED"))
              .count();
      System.out.printf("smtp outage: %d s, %d refused tries%n", outage, refused);
      assertThat(refused).as("tries during the outage").isGreaterThan(8);

      smtp.start();
      awaitAllSent(server, Duration.ofMinutes(2));
      assertThat(server.stop()).isIn(0, 143);
      for (MimeMessage m : smtp.getReceivedMessages()) {
        assertThat(ids.add(m.getMessageID())).as("sent twice: %s", m.getMessageID()).isTrue();
      }
    } finally {
      smtp.stop();
    }
    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      String rows = "SELECT COUNT(*) FROM tmc_outbox WHERE force_slug = '" + FORCE + "'";
      long sent = count(c, rows + " AND status = 'SENT'");
      assertThat(count(c, rows + " AND status IN ('DEAD', 'FAILED', 'PENDING')")).isZero();
      assertThat(count(c, rows + " AND status = 'SENT' AND dispatch_attempts <> 1"))
          .as("the outage used up no attempt")
          .isZero();
      assertThat(
              count(
                  c,
                  "SELECT COUNT(DISTINCT crime_ref) FROM tmc_outbox WHERE status = 'SENT'"
                      + " AND message_kind = 'VICTIM_UPDATE'"))
          .isEqualTo(crimes);
      assertThat(ids).hasSize((int) sent);
      System.out.printf("smtp outage: %d messages sent, %d received, 0 twice%n", sent, ids.size());
    }
  }
}
