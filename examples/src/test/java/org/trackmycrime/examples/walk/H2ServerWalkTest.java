package org.trackmycrime.examples.walk;

import java.nio.file.Path;
import java.util.Map;

/** The walk with the server on an H2 file database, as the README's first command starts it. */
class H2ServerWalkTest extends AbstractServerWalkTest {
  @Override
  Map<String, String> database(Path dir) {
    return Map.of("TMC_DB_URL", "jdbc:h2:" + dir.resolve("db").resolve("tmc").toAbsolutePath());
  }
}
