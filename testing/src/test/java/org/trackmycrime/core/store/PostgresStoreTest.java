package org.trackmycrime.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresStoreTest extends AbstractStoreTest {
  @RegisterExtension static final TmcDatabase DB = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return DB;
  }
}
