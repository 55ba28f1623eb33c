package org.trackmycrime.portal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2VictimPortalTest extends AbstractVictimPortalTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return db;
  }
}
