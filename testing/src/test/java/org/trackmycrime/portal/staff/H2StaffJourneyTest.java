package org.trackmycrime.portal.staff;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2StaffJourneyTest extends AbstractStaffJourneyTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return db;
  }
}
