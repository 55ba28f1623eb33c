package org.trackmycrime.core.cadence;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresCadenceTest extends AbstractCadenceTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return db;
  }
}
