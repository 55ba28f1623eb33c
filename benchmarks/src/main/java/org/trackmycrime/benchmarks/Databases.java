package org.trackmycrime.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Fresh databases for one run each: an H2 file database in a temporary folder, or a new database on
 * one embedded PostgreSQL server started once per JVM. Both behind a small connection pool, as a
 * host would run them.
 */
final class Databases implements AutoCloseable {
  /** The databases a workload can run on. */
  enum Kind {
    H2,
    POSTGRES;

    static Kind parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "h2" -> H2;
        case "postgres", "pg", "postgresql" -> POSTGRES;
        default -> throw new IllegalArgumentException("--db: h2 or postgres, not " + s);
      };
    }

    String label() {
      return this == H2 ? "H2 2.x file" : "PostgreSQL 14 (embedded)";
    }
  }

  /**
   * One database; closing it drops it. {@code morePools} opens another connection pool to the same
   * database (one per dispatching node), closed with the database.
   */
  record Db(Kind kind, DataSource dataSource, Supplier<DataSource> morePools, Runnable dropper)
      implements AutoCloseable {
    @Override
    public void close() {
      dropper.run();
    }
  }

  private final AtomicInteger counter = new AtomicInteger();
  private EmbeddedPostgres postgres;

  Db create(Kind kind) {
    String name = "bench_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    if (kind == Kind.H2) {
      Path dir = tempDir();
      JdbcConnectionPool pool =
          JdbcConnectionPool.create(
              "jdbc:h2:" + dir.resolve(name).toAbsolutePath() + ";QUERY_CACHE_SIZE=256", "sa", "");
      pool.setMaxConnections(16);
      List<JdbcConnectionPool> more = new CopyOnWriteArrayList<>();
      String url = "jdbc:h2:" + dir.resolve(name).toAbsolutePath() + ";QUERY_CACHE_SIZE=256";
      return new Db(
          kind,
          pool,
          () -> {
            JdbcConnectionPool p = JdbcConnectionPool.create(url, "sa", "");
            p.setMaxConnections(16);
            more.add(p);
            return p;
          },
          () -> {
            more.forEach(JdbcConnectionPool::dispose);
            execute(pool, "SHUTDOWN");
            pool.dispose();
            deleteRecursively(dir);
          });
    }
    EmbeddedPostgres server = postgres();
    execute(server.getPostgresDatabase(), "CREATE DATABASE " + name);
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setServerNames(new String[] {"localhost"});
    pg.setPortNumbers(new int[] {server.getPort()});
    pg.setDatabaseName(name);
    pg.setUser("postgres");
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    List<JdbcConnectionPool> more = new CopyOnWriteArrayList<>();
    return new Db(
        kind,
        pool,
        () -> {
          JdbcConnectionPool p = JdbcConnectionPool.create(pg);
          p.setMaxConnections(16);
          more.add(p);
          return p;
        },
        () -> {
          more.forEach(JdbcConnectionPool::dispose);
          pool.dispose();
          execute(server.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + name);
        });
  }

  private synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Starting embedded PostgreSQL failed", e);
      }
    }
    return postgres;
  }

  @Override
  public synchronized void close() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      postgres = null;
    }
  }

  static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Database command failed: " + sql, e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tmc-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
