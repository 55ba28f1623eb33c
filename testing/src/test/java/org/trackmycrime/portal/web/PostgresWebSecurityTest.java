package org.trackmycrime.portal.web;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class PostgresWebSecurityTest extends AbstractWebSecurityTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.postgres();

  @Override
  TmcDatabase db() {
    return db;
  }
}
