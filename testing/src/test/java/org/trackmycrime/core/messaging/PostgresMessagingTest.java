package org.trackmycrime.core.messaging;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresMessagingTest extends AbstractMessagingTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return db;
  }
}
