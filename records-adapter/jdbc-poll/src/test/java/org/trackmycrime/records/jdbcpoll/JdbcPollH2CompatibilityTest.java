package org.trackmycrime.records.jdbcpoll;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.testing.records.KitEvent;
import org.trackmycrime.testing.records.PullConnectorCompatibilityKit;

/**
 * The JDBC poll connector passes the compatibility kit with an H2 records system, and its cursor in
 * a table of the SDK's own (H2) database.
 */
class JdbcPollH2CompatibilityTest extends PullConnectorCompatibilityKit {
  private JdbcDataSource records;
  private ChangeTable changes;

  @BeforeEach
  void createRecordsSystem() {
    records = new JdbcDataSource();
    records.setURL("jdbc:h2:mem:records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    changes = new ChangeTable(records);
  }

  @AfterEach
  void dropRecordsSystem() {
    changes.execute("SHUTDOWN");
  }

  @Override
  protected void publish(List<KitEvent> events) {
    changes.insert(events);
  }

  @Override
  protected PullConnector<?> connect() {
    return JdbcPollConnector.create(
        records,
        CursorStore.table(sdkDatabase().dataSource()),
        ChangeTable.config().batchSize(batchSize()).build());
  }
}
