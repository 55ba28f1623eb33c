package org.trackmycrime.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.store.AuditVerification;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The documented roles script ({@code org/trackmycrime/core/postgres-roles.sql}) run for real: the
 * owner migrates, the SDK runs as the runtime role, which cannot update, delete or truncate the
 * audit trail.
 */
class PostgresAuditRolesTest {
  static final String FORCE = "avon-and-somerset";

  // gives the embedded server; this test makes its own database and roles on it
  @RegisterExtension static final TmcDatabase SERVER = TmcDatabase.postgres();

  @Test
  void theRuntimeRoleCannotChangeOrRemoveAuditEntriesButTheSdkWorks() throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String owner = "tmc_owner_" + suffix;
    String runtime = "tmc_runtime_" + suffix;
    String database = "trackmycrime_" + suffix;
    String[] parts = script().split("-- Part 2");
    String part1 = parts[0].replace("tmc_owner", owner).replace("tmc_runtime", runtime);
    String part2 = ("--" + parts[1]).replace("tmc_owner", owner).replace("tmc_runtime", runtime);
    part1 = part1.replace("DATABASE trackmycrime ", "DATABASE " + database + " ");
    run(SERVER.dataSource(), part1);

    DataSource asOwner = connect(database, owner, "change-me-owner");
    DataSource asRuntime = connect(database, runtime, "change-me-runtime");
    TrackMyCrime.migrate(asOwner);
    run(asOwner, part2);

    TrackMyCrime tmc =
        TrackMyCrime.builder().dataSource(asRuntime).clock(SERVER.clock()).migrate(false).build();
    tmc.forces().save(new Force(FORCE, "Avon and Somerset Constabulary", ForceSettings.defaults()));
    Instant now = SERVER.clock().instant();
    tmc.crimes().save(Crime.recorded(FORCE, "52/1/26", "Burglary", now));
    for (int i = 0; i < 3; i++) {
      tmc.audit()
          .record(
              new AuditEvent(
                  FORCE,
                  now,
                  Actor.officer("4321"),
                  AuditAction.CONSULTATION,
                  "crime",
                  "52/1/26",
                  "52/1/26",
                  "viewed"));
    }
    assertThat(tmc.audit().verify(FORCE).intact()).isTrue();
    assertThat(tmc.retention().run().crimesErased()).isZero();

    for (String tamper :
        new String[] {
          "UPDATE tmc_audit_event SET detail = 'x'",
          "DELETE FROM tmc_audit_event",
          "TRUNCATE tmc_audit_event"
        }) {
      assertThatThrownBy(() -> run(asRuntime, tamper))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }
    assertThat(tmc.audit().verify(FORCE).entries()).isEqualTo(3);

    // the owner can still tamper, and the chain shows it
    run(asOwner, "UPDATE tmc_audit_event SET detail = 'x' WHERE chain_seq = 2");
    AuditVerification v = tmc.audit().verify(FORCE);
    assertThat(v.firstBreak()).hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(2));
  }

  private static String script() throws IOException {
    try (InputStream in =
        TrackMyCrime.class.getResourceAsStream("/org/trackmycrime/core/postgres-roles.sql")) {
      assertThat(in).as("roles script on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static DataSource connect(String database, String user, String password)
      throws SQLException {
    PGSimpleDataSource server = SERVER.dataSource().unwrap(PGSimpleDataSource.class);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(server.getServerNames());
    ds.setPortNumbers(server.getPortNumbers());
    ds.setDatabaseName(database);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /** Runs a script's statements, split at semicolons at line ends; comments are skipped. */
  private static void run(DataSource ds, String script) throws SQLException {
    StringBuilder clean = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : clean.toString().split(";\\s*\n")) {
        if (!statement.isBlank()) {
          s.execute(statement.strip().replaceAll(";$", ""));
        }
      }
    }
  }
}
