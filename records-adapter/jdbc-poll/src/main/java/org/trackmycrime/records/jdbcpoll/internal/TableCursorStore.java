package org.trackmycrime.records.jdbcpoll.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.trackmycrime.records.ConnectorException;
import org.trackmycrime.records.jdbcpoll.CursorStore;

/** Cursors in a small table of the SDK's database; plain SQL that H2 and PostgreSQL both run. */
public final class TableCursorStore implements CursorStore {
  static final String TABLE = "tmc_connector_cursor";

  private final Jdbi jdbi;
  private final Clock clock;

  public TableCursorStore(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
    try {
      jdbi.useHandle(
          h ->
              h.execute(
                  "CREATE TABLE IF NOT EXISTS "
                      + TABLE
                      + " (connector VARCHAR(64) NOT NULL PRIMARY KEY,"
                      + " cursor_value VARCHAR(1000) NOT NULL,"
                      + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
    } catch (JdbiException e) {
      throw new ConnectorException(
          "jdbc-poll", "Creating the cursor table " + TABLE + " failed", e);
    }
  }

  @Override
  public Optional<String> load(String connector) {
    try {
      return jdbi.withHandle(
          h ->
              h.createQuery("SELECT cursor_value FROM " + TABLE + " WHERE connector = :c")
                  .bind("c", connector)
                  .mapTo(String.class)
                  .findOne());
    } catch (JdbiException e) {
      throw new ConnectorException(connector, "Reading the saved cursor failed", e);
    }
  }

  @Override
  public void save(String connector, String cursor) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    try {
      jdbi.useTransaction(
          h -> {
            int updated =
                h.createUpdate(
                        "UPDATE "
                            + TABLE
                            + " SET cursor_value = :v, updated_at = :t WHERE connector = :c")
                    .bind("v", cursor)
                    .bind("t", now)
                    .bind("c", connector)
                    .execute();
            if (updated == 0) {
              h.createUpdate(
                      "INSERT INTO "
                          + TABLE
                          + " (connector, cursor_value, updated_at) VALUES (:c, :v, :t)")
                  .bind("c", connector)
                  .bind("v", cursor)
                  .bind("t", now)
                  .execute();
            }
          });
    } catch (JdbiException e) {
      throw new ConnectorException(connector, "Saving the cursor failed", e);
    }
  }
}
