package org.trackmycrime.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.cadence.ComplianceReport;
import org.trackmycrime.core.ingest.Events;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.store.AuditVerification;
import org.trackmycrime.core.store.AuditVerification.BrokenLink;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The hash-chained audit trail, retention and subject access, run unchanged on each database. The
 * database is new for every test (an instance extension in each subclass).
 */
abstract class AbstractPrivacyTest {
  static final String FORCE = "avon-and-somerset";
  static final String OTHER = "city-of-london";
  static final Instant T0 = TmcDatabase.DEFAULT_START;
  static final ObjectMapper JSON = new ObjectMapper();

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  final Events events = new Events("niche-prod", FORCE);

  @BeforeEach
  void forces() {
    tmc = db().trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Avon and Somerset Constabulary", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER, "City of London Police", ForceSettings.defaults()));
  }

  // ---- the audit chain ------------------------------------------------------------------------

  AuditEvent entry(String force, int n) {
    return new AuditEvent(
        force,
        T0.plusSeconds(n),
        Actor.officer("4321"),
        AuditAction.CONSULTATION,
        "victim",
        "V" + n,
        "52/1/26",
        "viewed " + n);
  }

  void record(int count) {
    for (int i = 1; i <= count; i++) {
      tmc.audit().record(entry(FORCE, i));
    }
  }

  void sql(String statement) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void anUntouchedChainVerifies() {
    record(5);
    tmc.audit().record(entry(OTHER, 1));
    AuditVerification v = tmc.audit().verify(FORCE);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    assertThat(tmc.audit().verify(OTHER).entries()).isEqualTo(1);
    assertThat(tmc.audit().verify("no-such-force").intact()).isTrue();
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V2"))
        .singleElement()
        .satisfies(e -> assertThat(e.purpose()).isEqualTo(AuditEvent.PURPOSE_VICTIM_UPDATES));
  }

  @Test
  void aChangedEntryIsTheFirstBrokenLink() throws SQLException {
    record(5);
    sql(
        "UPDATE tmc_audit_event SET detail = 'nothing to see' WHERE force_slug = '"
            + FORCE
            + "' AND chain_seq = 3");
    BrokenLink b = tmc.audit().verify(FORCE).firstBreak().orElseThrow();
    assertThat(b.sequence()).isEqualTo(3);
    assertThat(b.problem()).isEqualTo("hash");
    assertThat(b.expected()).isNotEqualTo(b.found()).hasSize(64);
    // the other force's chain is its own
    tmc.audit().record(entry(OTHER, 1));
    assertThat(tmc.audit().verify(OTHER).intact()).isTrue();
  }

  @Test
  void aChangedEntryWithItsHashRecomputedBreaksTheNextLink() throws SQLException {
    record(5);
    sql(
        "UPDATE tmc_audit_event SET row_hash = '"
            + "f".repeat(64)
            + "' WHERE force_slug = '"
            + FORCE
            + "' AND chain_seq = 2");
    BrokenLink b = tmc.audit().verify(FORCE).firstBreak().orElseThrow();
    // row 2's stored hash no longer matches its content
    assertThat(b.sequence()).isEqualTo(2);
    assertThat(b.found()).isEqualTo("f".repeat(64));
  }

  @Test
  void aDeletedEntryIsFound() throws SQLException {
    record(5);
    sql("DELETE FROM tmc_audit_event WHERE force_slug = '" + FORCE + "' AND chain_seq = 3");
    AuditVerification v = tmc.audit().verify(FORCE);
    assertThat(v.firstBreak()).contains(new BrokenLink(3, "sequence", "3", "4"));
  }

  @Test
  void theLastEntryDeletedIsFoundByTheHead() throws SQLException {
    record(5);
    sql("DELETE FROM tmc_audit_event WHERE force_slug = '" + FORCE + "' AND chain_seq = 5");
    BrokenLink b = tmc.audit().verify(FORCE).firstBreak().orElseThrow();
    assertThat(b.sequence()).isEqualTo(5);
    assertThat(b.problem()).isEqualTo("head");
  }

  @Test
  void reorderedEntriesAreFound() throws SQLException {
    record(5);
    String where = " WHERE force_slug = '" + FORCE + "' AND chain_seq = ";
    sql("UPDATE tmc_audit_event SET chain_seq = -1" + where + "2");
    sql("UPDATE tmc_audit_event SET chain_seq = 2" + where + "3");
    sql("UPDATE tmc_audit_event SET chain_seq = 3" + where + "-1");
    BrokenLink b = tmc.audit().verify(FORCE).firstBreak().orElseThrow();
    assertThat(b.sequence()).isEqualTo(2);
    assertThat(b.problem()).isEqualTo("previous-hash");
  }

  @Test
  void concurrentAppendsKeepOneValidChain() throws Exception {
    int threads = 6;
    int each = 25;
    inParallel(
        threads,
        thread -> {
          for (int i = 0; i < each; i++) {
            String force = i % 5 == 0 ? OTHER : FORCE;
            tmc.audit().record(entry(force, thread * 1000 + i));
          }
        });
    assertChainsIntact(threads * each);
    assertThat(tmc.audit().verify(OTHER).entries()).isEqualTo(threads * 5);
  }

  @Test
  void appendsFromSeveralNodesInTheirOwnTransactionsKeepOneValidChain() throws Exception {
    // three SDK instances on one database, as three servers: each appends inside transactions of
    // its own, so the chain head is read and locked by separate connections at the same time
    List<TrackMyCrime> nodes = nodes(3);
    int each = 30;
    inParallel(
        nodes.size() * 2,
        thread -> {
          TrackMyCrime node = nodes.get(thread % nodes.size());
          for (int i = 0; i < each; i++) {
            int n = thread * 1000 + i;
            node.inTransaction(
                () -> {
                  node.audit().record(entry(FORCE, n));
                  node.audit().record(entry(n % 3 == 0 ? OTHER : FORCE, n + 500));
                  return null;
                });
          }
        });
    assertChainsIntact(nodes.size() * 2 * each * 2);
  }

  /** {@code n} more SDK instances on this test's database, as separate servers would be. */
  private List<TrackMyCrime> nodes(int n) {
    List<TrackMyCrime> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(
          TrackMyCrime.builder()
              .dataSource(db().dataSource())
              .clock(db().clock())
              .migrate(false)
              .build());
    }
    return nodes;
  }

  /** Runs {@code work} on {@code threads} threads at once (given each its number); rethrows. */
  private static void inParallel(int threads, java.util.function.IntConsumer work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> all = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        all.add(
            () -> {
              work.accept(thread);
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(all)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Both forces' chains verify, and hold {@code total} entries between them. */
  private void assertChainsIntact(int total) {
    AuditVerification mine = tmc.audit().verify(FORCE);
    AuditVerification other = tmc.audit().verify(OTHER);
    assertThat(mine.firstBreak()).isEmpty();
    assertThat(other.firstBreak()).isEmpty();
    assertThat(mine.entries() + other.entries()).isEqualTo(total);
  }

  @Test
  void anAppendInsideARolledBackTransactionLeavesTheChainIntact() {
    record(2);
    try {
      tmc.inTransaction(
          () -> {
            tmc.audit().record(entry(FORCE, 3));
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    record(1);
    AuditVerification v = tmc.audit().verify(FORCE);
    assertThat(v.firstBreak()).isEmpty();
    assertThat(v.entries()).isEqualTo(3);
  }

  @Test
  void anEntryRecordedInARolledBackSavepointIsDropped() {
    Db db = Db.of(tmc);
    tmc.inTransaction(
        () ->
            db.with(
                "savepoint test",
                h -> {
                  tmc.audit().record(entry(FORCE, 1));
                  h.savepoint("sp");
                  tmc.audit().record(entry(FORCE, 2));
                  h.rollbackToSavepoint("sp");
                  tmc.audit().record(entry(FORCE, 3));
                  // appended as the transaction commits, not before
                  assertThat(tmc.audit().verify(FORCE).entries()).isZero();
                  return null;
                }));
    AuditVerification v = tmc.audit().verify(FORCE);
    assertThat(v.firstBreak()).isEmpty();
    assertThat(v.entries()).isEqualTo(2);
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V2")).isEmpty();
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V3")).hasSize(1);
  }

  // ---- retention ------------------------------------------------------------------------------

  static final String CLOSED_LONG_AGO = "52/100/26";
  static final String CLOSED_RECENTLY = "52/200/26";
  static final String OPEN = "52/300/26";

  void ingest(String json) {
    IngestOutcome o = tmc.ingest().ingest(new RawEvent(json, "test"));
    assertThat(o.accepted()).as(o.toString()).isTrue();
  }

  void at(Instant instant) {
    db().clock().set(instant);
  }

  /** A crime with two enrolled victims, an update and a message; closed at {@code closedAt}. */
  void crime(String ref, Instant recordedAt, Instant closedAt) {
    String id = "e" + ref.replace('/', '-');
    at(recordedAt);
    ingest(
        events.crimeRecorded(
            id + "-1",
            ref,
            recordedAt,
            "Burglary",
            v -> {
              Events.victim(v, "V1", "Alex", "Morgan")
                  .put("email", "alex@example.org")
                  .put("mobile", "07700 900123");
              Events.victim(v, "V2", "Sam", "Okafor").put("email", "sam@example.org");
            }));
    ingest(events.riskAssessed(id + "-2", ref, recordedAt.plusSeconds(60), "V1", true));
    ingest(events.riskAssessed(id + "-3", ref, recordedAt.plusSeconds(90), "V2", true));
    at(recordedAt.plus(Duration.ofDays(3)));
    ingest(events.officerUpdate(id + "-4", ref, db().clock().instant(), "Door-to-door done"));
    tmc.messages()
        .save(
            new VictimMessage(
                FORCE,
                "m-" + ref,
                ref,
                "V1",
                "My neighbour Pat Smith saw a van",
                MessageStatus.RECEIVED,
                null,
                db().clock().instant(),
                db().clock().instant()));
    if (closedAt != null) {
      at(closedAt);
      ingest(events.caseClosed(id + "-5", ref, closedAt));
    }
  }

  void portalAccount(String account, String crimeRef, String victimRef) throws SQLException {
    String now = "TIMESTAMP WITH TIME ZONE '2026-03-10 10:00:00+00'";
    sql(
        "INSERT INTO tmc_portal_account (force_slug, account_id, login_kind, login,"
            + " password_hash, created_at, password_at) VALUES ('"
            + FORCE
            + "', '"
            + account
            + "', 'EMAIL', '"
            + account
            + "@example.org', 'hash', "
            + now
            + ", "
            + now
            + ")");
    sql(
        "INSERT INTO tmc_portal_account_victim (force_slug, account_id, crime_ref, victim_ref,"
            + " linked_at) VALUES ('"
            + FORCE
            + "', '"
            + account
            + "', '"
            + crimeRef
            + "', '"
            + victimRef
            + "', "
            + now
            + ")");
    sql(
        "INSERT INTO tmc_portal_session (id_hash, force_slug, account_id, csrf_token, created_at,"
            + " last_seen_at) VALUES ('s-"
            + account
            + "', '"
            + FORCE
            + "', '"
            + account
            + "', 'csrf', "
            + now
            + ", "
            + now
            + ")");
  }

  long count(String query) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  void threeCrimes() throws SQLException {
    crime(CLOSED_LONG_AGO, T0, T0.plus(Duration.ofDays(30)));
    crime(CLOSED_RECENTLY, T0.plus(Duration.ofDays(40)), T0.plus(Duration.ofDays(300)));
    crime(OPEN, T0.plus(Duration.ofDays(50)), null);
    sql("UPDATE tmc_outbox SET dispatch_params = '{\"code\":\"123456\"}'");
    sql(
        "INSERT INTO tmc_message_reply (force_slug, message_id, seq, body, replied_by,"
            + " replied_at) SELECT force_slug, message_id, 1, 'Pat Smith has been spoken to',"
            + " 'OFFICER:4321', sent_at FROM tmc_victim_message");
    sql(
        "INSERT INTO tmc_person_name (force_slug, crime_ref, person_ref, person_role,"
            + " person_name) VALUES ('"
            + FORCE
            + "', '"
            + CLOSED_LONG_AGO
            + "', 'S1', 'SUSPECT', 'Pat Smith')");
    portalAccount("acc-old", CLOSED_LONG_AGO, "V1");
    portalAccount("acc-both", CLOSED_LONG_AGO, "V2");
    sql(
        "INSERT INTO tmc_portal_account_victim (force_slug, account_id, crime_ref, victim_ref,"
            + " linked_at) VALUES ('"
            + FORCE
            + "', 'acc-both', '"
            + OPEN
            + "', 'V2', TIMESTAMP WITH TIME ZONE '2026-03-10 10:00:00+00')");
  }

  @Test
  void closedCrimesArePersonalDataFreeAfterTheirPeriodAndTheFiguresStay() throws SQLException {
    threeCrimes();
    // a year and a bit after the first closed; the second closed under a year ago
    at(T0.plus(Duration.ofDays(30 + 366)));
    LocalDate from = LocalDate.parse("2026-01-01");
    LocalDate to = LocalDate.parse("2027-12-31");
    ComplianceReport before = tmc.cadence().compliance(FORCE, from, to);
    assertThat(before.rows()).isNotEmpty();

    RetentionRun run = tmc.retention().run();
    assertThat(run.crimesErased()).isEqualTo(1);
    assertThat(run.victimsErased()).isEqualTo(2);
    // two links and the account only linked to the erased crime, with its session
    assertThat(run.participantRecords()).isEqualTo(4);

    assertThat(tmc.cadence().compliance(FORCE, from, to)).isEqualTo(before);
    tmc.cadence().rebuild(FORCE);
    assertThat(tmc.cadence().compliance(FORCE, from, to)).isEqualTo(before);

    for (Victim v : tmc.victims().listForCrime(FORCE, CLOSED_LONG_AGO)) {
      assertThat(v.givenName()).isEmpty();
      assertThat(v.familyName()).isEmpty();
      assertThat(v.email()).isNull();
      assertThat(v.mobile()).isNull();
      assertThat(v.enrolment().consent()).isNotNull();
    }
    assertThat(tmc.messages().listForCrime(FORCE, CLOSED_LONG_AGO))
        .allSatisfy(m -> assertThat(m.body()).isEqualTo("[erased]"));
    assertThat(count("SELECT COUNT(*) FROM tmc_person_name")).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tmc_message_reply WHERE body <> '[erased]' AND message_id"
                    + " = 'm-"
                    + CLOSED_LONG_AGO
                    + "'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM tmc_message_reply WHERE body <> '[erased]'"))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM tmc_outbox WHERE dispatch_params IS NOT NULL AND crime_ref"
                    + " = '"
                    + CLOSED_LONG_AGO
                    + "'"))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM tmc_timeline_entry WHERE source_event IS NOT NULL AND"
                    + " crime_ref = '"
                    + CLOSED_LONG_AGO
                    + "'"))
        .isZero();
    // the timeline as shown stays for the figures
    assertThat(tmc.timeline().list(FORCE, CLOSED_LONG_AGO)).isNotEmpty();
    // portal: the account with nothing left to read is gone, the other keeps its open crime
    assertThat(count("SELECT COUNT(*) FROM tmc_portal_account WHERE account_id = 'acc-old'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM tmc_portal_session WHERE account_id = 'acc-old'"))
        .isZero();
    assertThat(
            count("SELECT COUNT(*) FROM tmc_portal_account_victim WHERE account_id = 'acc-both'"))
        .isEqualTo(1);

    // the others keep everything
    for (String ref : List.of(CLOSED_RECENTLY, OPEN)) {
      assertThat(tmc.victims().find(FORCE, ref, "V1").orElseThrow().email())
          .isEqualTo("alex@example.org");
      assertThat(tmc.messages().listForCrime(FORCE, ref))
          .allSatisfy(m -> assertThat(m.body()).startsWith("My neighbour"));
    }

    // audited, once per victim and once for the crime
    assertThat(tmc.audit().forCrime(FORCE, CLOSED_LONG_AGO))
        .filteredOn(e -> e.action() == AuditAction.ERASURE)
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo(Actor.system());
              assertThat(e.purpose()).isEqualTo(AuditEvent.PURPOSE_RETENTION);
            });
    assertThat(tmc.audit().verify(FORCE).intact()).isTrue();

    // idempotent
    assertThat(tmc.retention().run().crimesErased()).isZero();
    assertThat(tmc.audit().forCrime(FORCE, CLOSED_LONG_AGO))
        .filteredOn(e -> e.action() == AuditAction.ERASURE)
        .hasSize(3);

    // a year later the second one goes too
    at(T0.plus(Duration.ofDays(300 + 366)));
    assertThat(tmc.retention().run().crimesErased()).isEqualTo(1);
    assertThat(tmc.victims().find(FORCE, OPEN, "V1").orElseThrow().email()).isNotNull();
  }

  @Test
  void aForceMayKeepDataLongerAndActivityAfterClosureCounts() throws SQLException {
    threeCrimes();
    at(T0.plus(Duration.ofDays(30 + 366)));
    TrackMyCrime longer =
        TrackMyCrime.builder()
            .dataSource(db().dataSource())
            .clock(db().clock())
            .migrate(false)
            .retention(RetentionPolicy.defaults().withForce(FORCE, Period.ofYears(2)))
            .build();
    assertThat(longer.retention().run().crimesErased()).isZero();
    // a message after closure restarts the period
    tmc.messages()
        .save(
            new VictimMessage(
                FORCE,
                "late",
                CLOSED_LONG_AGO,
                "V2",
                "Any news?",
                MessageStatus.RECEIVED,
                null,
                T0.plus(Duration.ofDays(200)),
                T0.plus(Duration.ofDays(200))));
    assertThat(tmc.retention().run().crimesErased()).isZero();
    at(T0.plus(Duration.ofDays(200 + 366)));
    assertThat(tmc.retention().run().crimesErased()).isEqualTo(1);
  }

  @Test
  void severalNodesEraseEachCrimeOnce() throws Exception {
    for (int i = 0; i < 6; i++) {
      crime("52/9" + i + "/26", T0.plusSeconds(i), T0.plus(Duration.ofDays(20)));
    }
    at(T0.plus(Duration.ofDays(20 + 400)));
    List<TrackMyCrime> nodes = nodes(3);
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    int total = 0;
    try {
      List<Callable<RetentionRun>> runs = new ArrayList<>();
      for (TrackMyCrime node : nodes) {
        runs.add(() -> node.retention().run());
      }
      for (Future<RetentionRun> f : pool.invokeAll(runs)) {
        total += f.get().crimesErased();
      }
    } finally {
      pool.shutdownNow();
    }
    total += tmc.retention().run().crimesErased();
    assertThat(total).isEqualTo(6);
    Set<String> erasedVictims = new TreeSet<>();
    for (int i = 0; i < 6; i++) {
      String ref = "52/9" + i + "/26";
      List<AuditEvent> erasures =
          tmc.audit().forCrime(FORCE, ref).stream()
              .filter(e -> e.action() == AuditAction.ERASURE && e.subjectType().equals("victim"))
              .toList();
      assertThat(erasures).hasSize(2);
      erasures.forEach(e -> erasedVictims.add(ref + e.subjectRef()));
    }
    assertThat(erasedVictims).hasSize(12);
    assertThat(tmc.audit().verify(FORCE).intact()).isTrue();
  }

  // ---- subject access -------------------------------------------------------------------------

  @Test
  void aVictimsExportHoldsWhatIsKeptAboutThemAndIsAudited() throws Exception {
    threeCrimes();
    sql(
        "INSERT INTO tmc_dispatch_delivery (outbox_id, delivery_channel, force_slug,"
            + " channel_name, outcome, provider_id, attempt, recorded_at)"
            + " SELECT id, 'EMAIL', force_slug, 'smtp', 'ACCEPTED', 'p-1', 1, updated_at"
            + " FROM tmc_outbox WHERE crime_ref = '"
            + OPEN
            + "' AND victim_ref = 'V1' AND officer_ref IS NULL");
    Actor dpo = Actor.staff("dpo-7");
    JsonNode json = JSON.readTree(tmc.subjectAccess().export(FORCE, OPEN, "V1", dpo));

    assertThat(json.get("format").asText()).isEqualTo("trackmycrime-subject-access/1");
    assertThat(json.get("victimRef").asText()).isEqualTo("V1");
    JsonNode victim = json.get("victim");
    assertThat(victim.get("givenName").asText()).isEqualTo("Alex");
    assertThat(victim.get("email").asText()).isEqualTo("alex@example.org");
    assertThat(victim.get("mobile").asText()).isEqualTo("+447700900123");
    assertThat(victim.get("consent").asText()).isEqualTo("ENROLLED");
    assertThat(json.get("enrolmentHistory").size()).isGreaterThanOrEqualTo(2);
    assertThat(json.get("crime").get("offenceCategory").asText()).isEqualTo("Burglary");
    assertThat(json.get("crime").has("offenceDescription")).isFalse();
    assertThat(json.get("timeline").findValuesAsText("kind"))
        .contains("CRIME_RECORDED", "OFFICER_UPDATE");
    assertThat(json.get("messages")).hasSize(1);
    assertThat(json.get("messages").get(0).get("body").asText()).startsWith("My neighbour");
    assertThat(json.get("messages").get(0).get("replies").get(0).get("body").asText())
        .isEqualTo("Pat Smith has been spoken to");
    assertThat(json.get("messages").get(0).get("replies").get(0).has("repliedBy")).isFalse();
    JsonNode alerts = json.get("alerts");
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.findValues("deliveries").stream().mapToInt(JsonNode::size).sum())
        .isPositive();
    JsonNode delivery =
        alerts.findValues("deliveries").stream()
            .filter(d -> d.size() > 0)
            .findFirst()
            .orElseThrow()
            .get(0);
    assertThat(delivery.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(delivery.get("outcome").asText()).isEqualTo("ACCEPTED");
    // no bodies, no addresses, no parameters in alerts
    assertThat(alerts.toString()).doesNotContain("@", "123456", "body");
    assertThat(json.get("audit")).isNotEmpty();
    // the portal's part: the account linked to this victim; never the password hash
    JsonNode portal = json.get("otherRecords").get("portal");
    assertThat(portal.get("accounts")).isEmpty();
    assertThat(json.toString()).doesNotContain("\"hash\"");

    JsonNode linked = JSON.readTree(tmc.subjectAccess().export(FORCE, CLOSED_LONG_AGO, "V1", dpo));
    assertThat(
            linked.get("otherRecords").get("portal").get("accounts").get(0).get("login").asText())
        .isEqualTo("acc-old@example.org");
    assertThat(linked.get("otherRecords").get("portal").get("accounts").get(0).get("sessions"))
        .hasSize(1);

    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .filteredOn(e -> e.action() == AuditAction.DISCLOSURE)
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo(dpo);
              assertThat(e.purpose()).isEqualTo(AuditEvent.PURPOSE_SUBJECT_ACCESS);
            });
  }

  @Test
  void anUnknownVictimIsNotFound() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tmc.subjectAccess().export(FORCE, OPEN, "V9", Actor.staff("dpo-7")))
        .isInstanceOf(org.trackmycrime.core.NotFoundException.class);
  }
}
