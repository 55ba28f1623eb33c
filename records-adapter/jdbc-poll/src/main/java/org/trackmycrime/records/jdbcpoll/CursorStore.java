package org.trackmycrime.records.jdbcpoll;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.trackmycrime.records.jdbcpoll.internal.TableCursorStore;

/**
 * Where a JDBC poll connector keeps its cursor (the last committed value of the cursor column). The
 * cursor is saved only after the ingest has committed the rows up to it.
 */
public interface CursorStore {

  /** The connector's saved cursor, or empty before its first commit. */
  Optional<String> load(String connector);

  /** Saves the connector's cursor durably (committed before this returns). */
  void save(String connector, String cursor);

  /**
   * Keeps cursors in a table {@code tmc_connector_cursor} (connector, cursor value, time of the
   * update), created on first use if it does not exist. Give it the SDK's own database, so that the
   * cursor lives beside the events it stands for and is shared by every node of a deployment; it
   * works on H2 and PostgreSQL.
   *
   * @throws org.trackmycrime.records.ConnectorException when the table cannot be created
   */
  static CursorStore table(DataSource sdkDatabase) {
    return new TableCursorStore(sdkDatabase, Clock.systemUTC());
  }
}
