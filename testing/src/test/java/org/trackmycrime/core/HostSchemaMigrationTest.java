package org.trackmycrime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

/** A host that already has its own tables and its own Flyway history in the same schema. */
class HostSchemaMigrationTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Test
  void ourMigrationsLiveBesideTheHostsOwnFlywayHistory() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE host_users (id INT PRIMARY KEY)");
    }
    // the host's own Flyway, with its default history table, sees nothing of ours
    Flyway host =
        Flyway.configure()
            .dataSource(db.dataSource())
            .locations("classpath:no/such/host/migrations")
            .baselineOnMigrate(true)
            .load();
    host.migrate();
    TrackMyCrime.migrate(db.dataSource());
    assertThat(host.info().applied()).allMatch(m -> !m.getScript().contains("foundation"));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM tmc_crime").close();
      s.executeQuery("SELECT COUNT(*) FROM host_users").close();
    }
  }
}
