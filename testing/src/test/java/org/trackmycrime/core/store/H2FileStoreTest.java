package org.trackmycrime.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2FileStoreTest extends AbstractStoreTest {
  @RegisterExtension static final TmcDatabase DB = TmcDatabase.h2File();

  @Override
  TmcDatabase db() {
    return DB;
  }
}
