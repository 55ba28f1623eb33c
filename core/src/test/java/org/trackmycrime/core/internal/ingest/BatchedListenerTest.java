package org.trackmycrime.core.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiAuditTrail;
import org.trackmycrime.core.internal.jdbi.JdbiCrimeStore;
import org.trackmycrime.core.internal.jdbi.JdbiForceStore;
import org.trackmycrime.core.internal.jdbi.JdbiOfficerStore;
import org.trackmycrime.core.internal.jdbi.JdbiPropertyStore;
import org.trackmycrime.core.internal.jdbi.JdbiVictimStore;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;

/**
 * The ingest tells its listener once per crime at the end of a batch; when the listener fails, the
 * batch is applied again event by event so the failure rejects only the events it concerns.
 */
class BatchedListenerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private final List<String> calls = new ArrayList<>();
  private String failFor;
  private Db db;
  private IngestEngine engine;

  @BeforeEach
  void setUp() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    TrackMyCrime.migrate(h2);
    db = new Db(h2);
    new JdbiForceStore(db).save(new Force("f", "Force", ForceSettings.defaults()));
    engine =
        new IngestEngine(
            db,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(7),
            new JdbiCrimeStore(db),
            new JdbiVictimStore(db),
            new JdbiOfficerStore(db),
            new JdbiPropertyStore(db),
            new JdbiAuditTrail(db),
            (h, force, crime, now, history) -> {
              calls.add(crime);
              if (crime.equals(failFor)) {
                throw ValidationException.of("cadence", "cannot be computed");
              }
            });
  }

  @Test
  void toldOncePerCrimeOfTheBatch() {
    List<IngestOutcome> out =
        engine.ingestAll(
            List.of(recorded("A", 1), update("A", 2), recorded("B", 3), update("A", 4)));

    assertThat(out).extracting(IngestOutcome::status).containsOnly(IngestStatus.APPLIED);
    assertThat(calls).containsExactly("A", "B");
  }

  @Test
  void aFailingListenerRejectsOnlyItsCrimesEvents() {
    failFor = "B";

    List<IngestOutcome> out =
        engine.ingestAll(
            List.of(recorded("A", 1), recorded("B", 2), update("A", 3), update("B", 4)));

    assertThat(out)
        .extracting(IngestOutcome::status)
        .containsExactly(
            IngestStatus.APPLIED, IngestStatus.REJECTED, IngestStatus.APPLIED, IngestStatus.PARKED);
    assertThat(out.get(1).problems())
        .extracting(p -> p.field() + ": " + p.rule())
        .containsExactly("cadence: cannot be computed");
    int crimesB =
        db.with(
            "count",
            h ->
                h.createQuery("SELECT COUNT(*) FROM tmc_crime WHERE crime_ref = 'B'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(crimesB).isZero();
    // the batch went first deferred (A, B), then event by event (A, B, A)
    assertThat(calls).containsExactly("A", "B", "A", "B", "A");
  }

  private static RawEvent recorded(String crime, int n) {
    return event(
        crime,
        n,
        "CRIME_RECORDED",
        "{\"reportedAt\":\"2026-03-01T08:00:00Z\",\"offence\":{\"category\":\"Burglary\"},"
            + "\"victims\":[{\"victimRef\":\"V1\",\"givenName\":\"Alex\",\"familyName\":\"Morgan\"}]}");
  }

  private static RawEvent update(String crime, int n) {
    return event(
        crime,
        n,
        "OFFICER_UPDATE",
        "{\"officerRef\":\"4321\",\"text\":\"We are looking into it.\"}");
  }

  private static RawEvent event(String crime, int n, String type, String data) {
    return new RawEvent(
        "{\"schema\":\"trackmycrime.record-event/1\",\"eventId\":\"e"
            + n
            + "\",\"source\":\"s\",\"force\":\"f\",\"crimeReference\":\""
            + crime
            + "\",\"occurredAt\":\"2026-03-01T09:0"
            + n
            + ":00Z\",\"type\":\""
            + type
            + "\",\"data\":"
            + data
            + "}",
        "test:" + n);
  }
}
