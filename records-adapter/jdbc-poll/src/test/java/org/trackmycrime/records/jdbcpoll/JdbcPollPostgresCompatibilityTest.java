package org.trackmycrime.records.jdbcpoll;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.KitEvent;
import org.trackmycrime.testing.records.PullConnectorCompatibilityKit;

/**
 * The JDBC poll connector passes the compatibility kit against a real PostgreSQL: the change table
 * and the cursor table both live in it (as they would when the SDK and a force's integration hub
 * share a PostgreSQL server).
 */
class JdbcPollPostgresCompatibilityTest extends PullConnectorCompatibilityKit {
  @RegisterExtension final TmcDatabase postgres = TmcDatabase.postgres();
  private ChangeTable changes;

  @BeforeEach
  void createChangeTable() {
    changes = new ChangeTable(postgres.dataSource());
  }

  @Override
  protected void publish(List<KitEvent> events) {
    changes.insert(events);
  }

  @Override
  protected PullConnector<?> connect() {
    return JdbcPollConnector.create(
        postgres.dataSource(),
        CursorStore.table(postgres.dataSource()),
        ChangeTable.config().batchSize(batchSize()).build());
  }
}
