package org.trackmycrime.portal.staff;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresStaffJourneyTest extends AbstractStaffJourneyTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return db;
  }
}
