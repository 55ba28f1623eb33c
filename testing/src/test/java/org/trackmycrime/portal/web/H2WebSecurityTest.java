package org.trackmycrime.portal.web;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2WebSecurityTest extends AbstractWebSecurityTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return db;
  }
}
