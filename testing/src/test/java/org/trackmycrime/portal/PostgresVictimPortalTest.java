package org.trackmycrime.portal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresVictimPortalTest extends AbstractVictimPortalTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return db;
  }
}
