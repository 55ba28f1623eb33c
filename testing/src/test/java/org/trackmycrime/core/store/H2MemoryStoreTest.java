package org.trackmycrime.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2MemoryStoreTest extends AbstractStoreTest {
  @RegisterExtension static final TmcDatabase DB = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return DB;
  }
}
