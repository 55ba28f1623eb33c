package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the reference server with SIGKILL at random points while it ingests a large drop file and
 * while it sends the alerts, restarts it each time, and then checks that every event was applied
 * exactly once and that every alert reached the SMTP server (GreenMail, counted where it arrives)
 * exactly once, apart from the documented send-then-crash window: a message the SMTP server
 * accepted just before the kill, whose "sent" mark was not yet committed, goes again with the same
 * Message-ID.
 *
 * <p>The normal test command runs a short version. The long one: {@code mvn -pl examples -am verify
 * -Dtest=CrashRecoveryTest -Dsurefire.failIfNoSpecifiedTests=false -Dtmc.crash.crimes=5000
 * -Dtmc.crash.kills=10}; {@code -Dtmc.crash.seed=N} repeats a run.
 */
class CrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FORCE = "crash-force";
  static final String SOURCE = "crash-feed";
  private static final int EVENTS_PER_CRIME = 6;
  private static final int DISPATCH_WORKERS = 2;

  @TempDir Path dir;
  private GreenMail smtp;
  private Path log;

  @BeforeEach
  void startSmtp() throws IOException {
    smtp = new GreenMail(new ServerSetup(ServerProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    log = dir.resolve("server.log");
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void killedAtRandomPointsTheServerAppliesEveryEventAndSendsEveryAlertOnce() throws Exception {
    int crimes = Integer.getInteger("tmc.crash.crimes", 200);
    int kills = Integer.getInteger("tmc.crash.kills", 3);
    long seed = Long.getLong("tmc.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    System.out.printf("crash test: %d crimes, %d kills, seed %d%n", crimes, kills, seed);

    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path file = drop.resolve("0001-crash.jsonl");
    int events = writeDropFile(drop, file, crimes, Instant.now().minus(Duration.ofHours(2)));
    Path checkpoint = drop.resolve("0001-crash.jsonl.checkpoint");
    Path processed = drop.resolve("processed").resolve("0001-crash.jsonl");
    Map<String, String> env = environment(drop);

    int ingestKills = 0;
    int dispatchKills = 0;
    // Kills while the file is being read: at increasing random line counts.
    for (int k = 0; k < (kills + 1) / 2 && !Files.exists(processed); k++) {
      int target = (int) (events * (0.15 + 0.7 * (k + random.nextDouble()) / ((kills + 1) / 2.0)));
      ServerProcess server = ServerProcess.start(env, log);
      ServerProcess.await(
          "line " + target + " committed, or the file done",
          Duration.ofMinutes(5),
          () -> committedLines(checkpoint) >= target || Files.exists(processed));
      if (!Files.exists(processed)) {
        server.kill9();
        ingestKills++;
      } else {
        server.kill9();
        dispatchKills++; // the file was done: this kill hit the dispatcher instead
      }
    }
    // Kills while alerts are being sent: after a random number of further messages arrived.
    for (int k = ingestKills + dispatchKills; k < kills; k++) {
      ServerProcess server = ServerProcess.start(env, log);
      int backlog = backlog(server);
      if (backlog == 0 && Files.exists(processed)) {
        server.kill9();
        break;
      }
      int target = smtp.getReceivedMessages().length + 1 + random.nextInt(Math.max(1, backlog / 2));
      ServerProcess.await(
          target + " messages at the SMTP server, or nothing left to send",
          Duration.ofMinutes(5),
          () -> smtp.getReceivedMessages().length >= target || backlog(server) == 0);
      server.kill9();
      dispatchKills++;
    }

    // The last start runs to the end, then stops gracefully.
    ServerProcess last = ServerProcess.start(env, log);
    ServerProcess.await(
        "the drop file processed and the outbox empty",
        Duration.ofMinutes(10),
        () -> Files.exists(processed) && backlog(last) == 0);
    // 143 = 128 + SIGTERM: the JVM's status after running its shutdown hooks on a TERM signal
    assertThat(last.stop()).as("exit status after SIGTERM").isIn(0, 143);
    assertThat(Files.readString(log)).contains("reference server stopped");

    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      assertThat(
              count(c, "SELECT COUNT(*) FROM tmc_ingested_event WHERE source = '" + SOURCE + "'"))
          .as(
              "events applied; by source and state: %s; rejected: %s; log tail: %s",
              rows(
                  c,
                  "SELECT source, ingest_state, COUNT(*) FROM tmc_ingested_event"
                      + " GROUP BY source, ingest_state"),
              rows(c, "SELECT problems FROM tmc_rejected_event FETCH FIRST 3 ROWS ONLY"),
              tail(log))
          .isEqualTo(events);
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_rejected_event")).isZero();
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_parked_event")).isZero();
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_crime WHERE force_slug = '" + FORCE + "'"))
          .isEqualTo(crimes);
      assertSameTimelineForEveryCrime(c, crimes);

      String alerts =
          "SELECT COUNT(*) FROM tmc_outbox WHERE message_kind = 'VICTIM_UPDATE' AND force_slug = '"
              + FORCE
              + "'";
      long alertRows = count(c, alerts);
      // every message the server sent by email: update alerts and the portal invitations
      long sentRows =
          count(
              c,
              "SELECT COUNT(*) FROM tmc_outbox WHERE status = 'SENT' AND force_slug = '"
                  + FORCE
                  + "'");
      assertThat(count(c, alerts + " AND status NOT IN ('SENT', 'COALESCED')"))
          .as("alerts neither sent nor folded into a sent one")
          .isZero();
      assertThat(
              count(
                  c,
                  "SELECT COUNT(DISTINCT crime_ref) FROM tmc_outbox WHERE status = 'SENT'"
                      + " AND message_kind = 'VICTIM_UPDATE'"))
          .as("every crime's victim was alerted")
          .isEqualTo(crimes);

      Map<String, Integer> byMessageId = new HashMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        byMessageId.merge(m.getMessageID(), 1, Integer::sum);
      }
      int received = smtp.getReceivedMessages().length;
      int duplicates = received - byMessageId.size();
      System.out.printf(
          "crash test: %d events applied once; %d kills during ingest, %d during dispatch;"
              + " %d alerts, %d messages received, %d distinct, %d sent again in the"
              + " send-then-crash window%n",
          events, ingestKills, dispatchKills, alertRows, received, byMessageId.size(), duplicates);
      assertThat(byMessageId.size()).as("distinct alerts at the SMTP server").isEqualTo(sentRows);
      assertThat(duplicates)
          .as("only messages in flight at a kill may go twice")
          .isLessThanOrEqualTo((ingestKills + dispatchKills) * DISPATCH_WORKERS);
    }
    assertThat(ingestKills + dispatchKills).as("kills injected").isGreaterThanOrEqualTo(1);
  }

  private Map<String, String> environment(Path drop) {
    Map<String, String> env = baseEnvironment(dir, drop);
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    // a killed node's claimed rows are taken over after 30 s instead of the default 5 minutes
    env.put("TMC_DISPATCH_LEASE_SECONDS", "30");
    return env;
  }

  /**
   * The server outside demo mode on an H2 file in {@code dir}, reading {@code drop}; no channel.
   */
  static Map<String, String> baseEnvironment(Path dir, Path drop) {
    Map<String, String> env = new HashMap<>();
    env.put("TMC_DEMO", "false");
    env.put("TMC_FORCE", FORCE);
    env.put("TMC_DB_URL", "jdbc:h2:file:" + dir.resolve("db").resolve("tmc").toAbsolutePath());
    env.put("TMC_RECORDS_DROP_DIR", drop.toString());
    env.put("TMC_PUBLIC_BASE_URL", "https://victims.crash-force.example");
    env.put("TMC_PORTAL_SECRET", "crash-test-portal-secret-of-32-bytes-or-more");
    env.put("TMC_ALERT_COALESCE_SECONDS", "0");
    env.put("TMC_SMS_QUIET_HOURS", "none");
    return env;
  }

  /** Writes the file under a temporary name, then renames it, as a records system would. */
  static int writeDropFile(Path drop, Path file, int crimes, Instant start) throws IOException {
    List<ObjectNode> all = new ArrayList<>();
    for (int i = 0; i < crimes; i++) {
      all.addAll(crimeEvents(i, start.plusSeconds(i)));
    }
    return writeEvents(drop, file, all);
  }

  /** Writes these events, one JSON object a line, under a temporary name, then renames it. */
  static int writeEvents(Path drop, Path file, List<ObjectNode> events) throws IOException {
    Path tmp = drop.resolve(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (ObjectNode e : events) {
        w.write(e.toString());
        w.write('\n');
      }
    }
    Files.move(tmp, file);
    return events.size();
  }

  static List<ObjectNode> crimeEvents(int i, Instant at) {
    String ref = String.format("CR/%06d", i);
    List<ObjectNode> list = new ArrayList<>();
    ObjectNode recorded = event(ref, 1, at, "CRIME_RECORDED");
    ObjectNode d = (ObjectNode) recorded.get("data");
    d.put("reportedAt", at.toString());
    d.putObject("offence").put("category", "Theft from the person");
    ObjectNode v = d.putArray("victims").addObject();
    v.put("victimRef", "V1");
    v.put("givenName", "Sam");
    v.put("familyName", "Victim" + i);
    v.put("email", "victim" + i + "@example.org");
    v.put("optedOut", false);
    list.add(recorded);
    ObjectNode risk = event(ref, 2, at.plusSeconds(60), "RISK_ASSESSED");
    ((ObjectNode) risk.get("data")).put("victimRef", "V1").put("suitable", true);
    ((ObjectNode) risk.get("data")).put("assessedBy", "4321");
    list.add(risk);
    ObjectNode assigned = event(ref, 3, at.plusSeconds(120), "OFFICER_ASSIGNED");
    ((ObjectNode) assigned.get("data"))
        .putObject("officer")
        .put("ref", "4321")
        .put("displayName", "PC Jo Evans")
        .put("rank", "Police Constable")
        .put("unit", "City CID")
        .put("email", "jo.evans@crash-force.example");
    list.add(assigned);
    ObjectNode suspect = event(ref, 4, at.plusSeconds(180), "SUSPECT_IDENTIFIED");
    ((ObjectNode) suspect.get("data")).put("personRef", "S1").putArray("names").add("Lee Grant");
    list.add(suspect);
    ObjectNode arrested = event(ref, 5, at.plusSeconds(240), "SUSPECT_ARRESTED");
    ((ObjectNode) arrested.get("data")).put("personRef", "S1");
    list.add(arrested);
    ObjectNode update = event(ref, 6, at.plusSeconds(300), "OFFICER_UPDATE");
    ((ObjectNode) update.get("data"))
        .put("officerRef", "4321")
        .put("text", "Lee Grant was interviewed; CCTV is being reviewed.");
    list.add(update);
    assertThat(list).hasSize(EVENTS_PER_CRIME);
    return list;
  }

  static ObjectNode event(String ref, int sequence, Instant at, String type) {
    ObjectNode e = JSON.createObjectNode();
    e.put("schema", "trackmycrime.record-event/1");
    e.put("eventId", ref.replace('/', '-') + "-" + sequence);
    e.put("source", SOURCE);
    e.put("force", FORCE);
    e.put("crimeReference", ref);
    e.put("sequence", sequence);
    e.put("occurredAt", at.toString());
    e.put("type", type);
    e.putObject("data");
    return e;
  }

  /** Lines committed so far, from the file-drop connector's checkpoint (0 before the first). */
  static int committedLines(Path checkpoint) {
    try {
      for (String line : Files.readAllLines(checkpoint)) {
        if (line.startsWith("line=")) {
          return Integer.parseInt(line.substring(5).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0; // not written yet, or being replaced
    }
    return 0;
  }

  /**
   * Waits until the outbox is empty, then lets the invitation job (every 5 s) run once more and
   * waits until its invitations are sent too, so nothing is queued after the check.
   */
  static void awaitAllSent(ServerProcess server, Duration limit) throws Exception {
    ServerProcess.await("the outbox empty", limit, () -> backlog(server) == 0);
    Thread.sleep(6_000);
    ServerProcess.await("invitations sent", limit, () -> backlog(server) == 0);
  }

  /**
   * Every crime got the same events, so its timeline has the same number of entries: an event
   * applied twice (or lost) would make one crime's count differ.
   */
  static void assertSameTimelineForEveryCrime(Connection c, int crimes) throws Exception {
    List<Long> perCrime =
        column(
            c,
            "SELECT COUNT(*) FROM tmc_timeline_entry WHERE force_slug = '"
                + FORCE
                + "' GROUP BY crime_ref");
    assertThat(perCrime).as("crimes with a timeline").hasSize(crimes);
    assertThat(new HashSet<>(perCrime)).as("entries per crime, all equal").hasSize(1);
  }

  static int backlog(ServerProcess server) {
    String health = server.health();
    if (health == null) {
      return Integer.MAX_VALUE;
    }
    try {
      JsonNode n = JSON.readTree(health);
      return n.path("outboxBacklog").asInt(Integer.MAX_VALUE);
    } catch (IOException e) {
      return Integer.MAX_VALUE;
    }
  }

  static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  static long count(Connection c, String sql) throws Exception {
    return column(c, sql).stream().findFirst().orElse(0L);
  }

  static List<Long> column(Connection c, String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
