package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.SOURCE;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the drop folder while the server runs: the {@code processed/} directory replaced by a
 * plain file (the tests run as root, so permissions would not stop a write), and a disk that is
 * full where the checkpoint is written. The file-drop connector cannot finish a file. The server
 * must say so (health DEGRADED with the connector's status, a log line naming the folder and the
 * operating system's error, never the file's contents) and leave no partial state: once the
 * directory is back, the file is finished, and no event was applied twice or lost.
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

      String line = awaitReportedFailure(server, "drop folder fault");
      assertThat(line).contains(drop.toString()).contains("FileAlreadyExistsException");

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
    assertEveryEventAppliedOnce(env, events, crimes);
  }

  /**
   * A real "no space left on device" from the operating system, in the middle of a file: once the
   * first batch is committed and checkpointed, the checkpoint's temporary file becomes a link to
   * {@code /dev/full}, so the next checkpoint write fails with ENOSPC after its batch was committed
   * to the database. The server must report it, keep the previous checkpoint whole, and once space
   * is back re-read the uncheckpointed lines without applying any of them twice.
   */
  @Test
  void aDiskFullMidFileIsReportedAndNothingIsAppliedTwice() throws Exception {
    Path full = Path.of("/dev/full");
    assertThat(full).as("Linux's always-full device").exists();
    int crimes = 600; // 3,600 events: 8 batches of 500, so the fault lands mid-file
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path file = drop.resolve("0001-full.jsonl");
    Path checkpoint = drop.resolve("0001-full.jsonl.checkpoint");
    Path checkpointTmp = drop.resolve("0001-full.jsonl.checkpoint.tmp");
    Path log = dir.resolve("server.log");
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    // H2's auto-server mode, so this test can count committed events while the server runs
    env.put("TMC_DB_URL", env.get("TMC_DB_URL") + ";AUTO_SERVER=TRUE");
    int events;
    int linesBefore;
    try (ServerProcess server = ServerProcess.start(env, log)) {
      events =
          CrashRecoveryTest.writeDropFile(drop, file, crimes, Instant.now().minusSeconds(7200));
      linesBefore = fillTheDiskAfterTheFirstCheckpoint(checkpoint, checkpointTmp, full);
      assertThat(linesBefore).as("lines checkpointed before the disk filled").isLessThan(events);

      String line = awaitReportedFailure(server, "disk full mid-file");
      assertThat(line)
          .contains("Storing the checkpoint of a dropped file failed")
          .contains("file=0001-full.jsonl")
          .contains("(No space left on device)");
      // no partial state: the last good checkpoint is whole, the file still in the drop folder
      assertThat(CrashRecoveryTest.committedLines(checkpoint)).isEqualTo(linesBefore);
      assertThat(file).exists();
      long applied;
      try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
        applied =
            count(c, "SELECT COUNT(*) FROM tmc_ingested_event WHERE source = '" + SOURCE + "'");
      }
      System.out.printf(
          "disk full mid-file: checkpoint at line %d of %d, %d events committed%n",
          linesBefore, events, applied);
      assertThat(applied)
          .as("the batch whose checkpoint failed was committed: its lines come back")
          .isGreaterThan(linesBefore);

      // space is back: the connector re-reads the uncheckpointed lines and finishes by itself
      Files.delete(checkpointTmp);
      ServerProcess.await(
          "the file processed and the connector UP",
          Duration.ofMinutes(3),
          () ->
              Files.exists(drop.resolve("processed").resolve("0001-full.jsonl"))
                  && !connectorFailing(server.health()));
      assertThat(server.stop()).isIn(0, 143);
    }
    assertThat(file).doesNotExist();
    assertThat(checkpoint).doesNotExist();
    assertEveryEventAppliedOnce(env, events, crimes);
  }

  /**
   * Waits for the first checkpoint, then links the checkpoint's temporary name to the full device.
   * The link can be made only between two checkpoint writes (during one, the temporary file
   * exists), so it is tried until it succeeds; returns the line the checkpoint had reached.
   */
  private static int fillTheDiskAfterTheFirstCheckpoint(Path checkpoint, Path tmp, Path full)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (CrashRecoveryTest.committedLines(checkpoint) > 0) {
        try {
          Files.createSymbolicLink(tmp, full);
          return CrashRecoveryTest.committedLines(checkpoint);
        } catch (FileAlreadyExistsException writing) {
          // a checkpoint is being written this moment: try again straight away
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no checkpoint within 2 minutes");
  }

  /**
   * Waits until health shows the connector failing and the server DEGRADED; returns the logged
   * failure line, after checking the whole output holds no name or address from the file.
   */
  private static String awaitReportedFailure(ServerProcess server, String label) throws Exception {
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
    System.out.println(label + ": " + line);
    assertThat(output).doesNotContain("Lee Grant").doesNotContain("victim0@example.org");
    return line;
  }

  private static void assertEveryEventAppliedOnce(Map<String, String> env, int events, int crimes)
      throws Exception {
    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      assertThat(
              count(c, "SELECT COUNT(*) FROM tmc_ingested_event WHERE source = '" + SOURCE + "'"))
          .isEqualTo(events);
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_rejected_event")).isZero();
      CrashRecoveryTest.assertSameTimelineForEveryCrime(c, crimes);
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
