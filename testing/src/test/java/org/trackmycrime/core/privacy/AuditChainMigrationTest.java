package org.trackmycrime.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.store.AuditVerification;

/** Entries written before the chain existed (V1-V6) are chained by the V10 migration. */
class AuditChainMigrationTest {
  @Test
  void entriesWrittenBeforeTheChainAreChainedByTheMigration() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:mem:legacy"
            + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(ds)
        .locations(TrackMyCrime.MIGRATIONS_LOCATION)
        .table(TrackMyCrime.SCHEMA_HISTORY_TABLE)
        .target("6")
        .load()
        .migrate();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 4; i++) {
        String force = i % 2 == 0 ? "force-a" : "force-b";
        s.execute(
            "INSERT INTO tmc_audit_event (force_slug, occurred_at, actor, audit_action,"
                + " subject_type, subject_ref, crime_ref, detail) VALUES ('"
                + force
                + "', TIMESTAMP WITH TIME ZONE '2026-03-0"
                + (i + 1)
                + " 10:00:00.123456+00', 'OFFICER:4321', 'CONSULTATION', 'victim', 'V"
                + i
                + "', '52/1/26', "
                + (i == 3 ? "NULL" : "'viewed'")
                + ")");
      }
    }
    TrackMyCrime tmc = TrackMyCrime.builder().dataSource(ds).build();
    AuditVerification a = tmc.audit().verify("force-a");
    assertThat(a.firstBreak()).isEmpty();
    assertThat(a.entries()).isEqualTo(2);
    assertThat(tmc.audit().verify("force-b").entries()).isEqualTo(2);
    // the chain goes on from the migrated head
    tmc.audit()
        .record(
            new AuditEvent(
                "force-b",
                Instant.parse("2026-03-09T10:00:00Z"),
                Actor.system(),
                AuditAction.ERASURE,
                "victim",
                "V1",
                "52/1/26",
                null));
    AuditVerification b = tmc.audit().verify("force-b");
    assertThat(b.firstBreak()).isEmpty();
    assertThat(b.entries()).isEqualTo(3);
    assertThat(tmc.audit().forSubject("force-a", "victim", "V0"))
        .singleElement()
        .satisfies(e -> assertThat(e.purpose()).isEqualTo(AuditEvent.PURPOSE_VICTIM_UPDATES));
  }
}
