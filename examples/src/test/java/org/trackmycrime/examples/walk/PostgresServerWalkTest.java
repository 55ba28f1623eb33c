package org.trackmycrime.examples.walk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The same walk with {@code TMC_DB_URL} pointing at a real PostgreSQL. */
class PostgresServerWalkTest extends AbstractServerWalkTest {
  private EmbeddedPostgres postgres;

  @Override
  Map<String, String> database(Path dir) {
    try {
      postgres = EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "TMC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "TMC_DB_USER", "postgres",
        "TMC_DB_PASSWORD", "postgres");
  }

  @AfterAll
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
