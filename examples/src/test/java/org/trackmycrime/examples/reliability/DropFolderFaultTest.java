package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.FORCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.SOURCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.column;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder's {@code processed/} directory is replaced by a plain file while the server runs
 * (the tests run as root, so permissions would not stop a write): the file-drop connector cannot
 * finish a file. The server must say so (health DEGRADED with the connector's status, a log line
 * naming the folder and the operating system's error, never the file's contents) and leave no
 * partial state: once the directory is back, the file is finished, and no event was applied twice
 * or lost.
 */
class DropFolderFaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aProcessedFolderThatCannotBeWrittenIsReportedAndNothingIsAppliedTwice() throws Exception {
    int crimes = 10;
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path processedDir = drop.resolve("processed");
    Path log = dir.resolve("server.log");
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    // a mail server that is not there: the alerts wait, which is not what this test is about
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    int events;
    try (ServerProcess server = ServerProcess.start(env, log)) {
      // the fault: the directory becomes a file
      Files.delete(processedDir);
      Files.writeString(processedDir, "not a directory");
      events =
          CrashRecoveryTest.writeDropFile(
              drop, drop.resolve("0001-fault.jsonl"), crimes, Instant.now().minusSeconds(7200));

      ServerProcess.await(
          "the connector reported as failing",
          Duration.ofMinutes(1),
          () -> connectorFailing(server.health()));
      JsonNode health = JSON.readTree(server.health());
      assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
      String output = server.output();
      String line =
          output
              .lines()
              .filter(l -> l.contains("ACKNOWLEDGE failed"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no failure logged:\n" + output));
      System.out.println("drop folder fault: " + line);
      assertThat(line).contains(drop.toString()).contains("FileAlreadyExistsException");
      assertThat(output).doesNotContain("Lee Grant").doesNotContain("victim0@example.org");

      // the fault is cleared: the connector finishes by itself
      Files.delete(processedDir);
      Files.createDirectory(processedDir);
      ServerProcess.await(
          "the file processed and the connector UP",
          Duration.ofMinutes(2),
          () ->
              Files.exists(processedDir.resolve("0001-fault.jsonl"))
                  && !connectorFailing(server.health()));
      assertThat(server.stop()).isIn(0, 143);
    }
    assertThat(drop.resolve("0001-fault.jsonl")).doesNotExist();
    assertThat(drop.resolve("0001-fault.jsonl.checkpoint")).doesNotExist();
    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      assertThat(
              count(c, "SELECT COUNT(*) FROM tmc_ingested_event WHERE source = '" + SOURCE + "'"))
          .isEqualTo(events);
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_rejected_event")).isZero();
      List<Long> perCrime =
          column(
              c,
              "SELECT COUNT(*) FROM tmc_timeline_entry WHERE force_slug = '"
                  + FORCE
                  + "' GROUP BY crime_ref");
      assertThat(perCrime).hasSize(crimes);
      assertThat(new HashSet<>(perCrime)).as("no event applied twice").hasSize(1);
    }
  }

  private static boolean connectorFailing(String health) {
    if (health == null) {
      return false;
    }
    try {
      for (JsonNode c : JSON.readTree(health).path("connectors")) {
        if (!"UP".equals(c.path("status").asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
