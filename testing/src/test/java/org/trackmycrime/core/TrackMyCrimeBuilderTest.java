package org.trackmycrime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.guice.TrackMyCrimeModule;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;

class TrackMyCrimeBuilderTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Test
  void buildingWithoutADataSourceOrClockNamesEveryMissingSetting() {
    assertThatThrownBy(() -> TrackMyCrime.builder().clock(null).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("dataSource: is required")
        .hasMessageContaining("clock: is required");
  }

  @Test
  void migrationsUseTheirOwnHistoryTableAndAreRepeatable() throws SQLException {
    TrackMyCrime.migrate(db.dataSource()); // already migrated by the extension: a no-op
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM \"tmc_schema_history\" WHERE \"success\" = TRUE")) {
      rs.next();
      assertThat(rs.getInt(1)).as("baseline + V1").isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void guiceModuleProvidesTheSameServiceOnTheHostsDataSourceAndClock() {
    Injector injector =
        Guice.createInjector(
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(DataSource.class).toInstance(db.dataSource());
                bind(Clock.class).toInstance(db.clock());
              }
            },
            new TrackMyCrimeModule());
    TrackMyCrime tmc = injector.getInstance(TrackMyCrime.class);
    assertThat(injector.getInstance(TrackMyCrime.class)).isSameAs(tmc);
    assertThat(tmc.clock()).isSameAs(db.clock());
    tmc.forces().save(new Force("guice-force", "Guice Police", ForceSettings.defaults()));
    assertThat(db.trackMyCrime().forces().find("guice-force")).isPresent();
  }
}
