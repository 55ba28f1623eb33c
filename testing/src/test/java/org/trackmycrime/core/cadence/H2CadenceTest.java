package org.trackmycrime.core.cadence;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2CadenceTest extends AbstractCadenceTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return db;
  }
}
