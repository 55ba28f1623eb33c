package org.trackmycrime.core.messaging;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.testing.TmcDatabase;

class H2MessagingTest extends AbstractMessagingTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Override
  TmcDatabase db() {
    return db;
  }
}
