package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.Update;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.TrackMyCrime;

/**
 * The SDK's one Jdbi instance and the conventions every store shares: instants as UTC {@code
 * TIMESTAMP WITH TIME ZONE} to the microsecond (the precision both databases keep), and driver
 * failures wrapped in {@link PersistenceException}. Nested calls on one thread share the outermost
 * handle, so a service can run several stores in one transaction. Work can be left to run just
 * before the transaction commits ({@link #beforeCommit}).
 */
public final class Db {
  /** Set once by {@link TrackMyCrime}'s class initialiser; see {@link #of(TrackMyCrime)}. */
  private static volatile Function<TrackMyCrime, Db> access;

  private final Jdbi jdbi;

  /** Per open transaction: work to run just before it commits, and savepoint marks into it. */
  private final Map<Handle, Pending> pending = Collections.synchronizedMap(new WeakHashMap<>());

  private static final class Pending {
    final List<Left<?>> work = new ArrayList<>();
    final Map<String, Integer> marks = new HashMap<>();
  }

  public Db(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
    jdbi.setTransactionHandler(new CommitHooks(jdbi.getTransactionHandler()));
    // exception messages name the failure, never the statement's bound values (addresses, names)
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> instant(rs, col));
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * The database of a {@link TrackMyCrime}, for the SDK's other modules (the notifications
   * dispatcher), so their statements join the same transactions as the core's stores. Not API.
   */
  public static Db of(TrackMyCrime tmc) {
    return access.apply(tmc);
  }

  /** Called by {@link TrackMyCrime} only; later calls are ignored. */
  public static synchronized void grantAccess(Function<TrackMyCrime, Db> accessor) {
    if (access == null) {
      access = accessor;
    }
  }

  public <T> T with(String what, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (JdbiException e) {
      throw new PersistenceException("Database failure: " + what, Map.of(), e);
    }
  }

  public <T> T inTransaction(String what, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (JdbiException e) {
      throw new PersistenceException("Database failure: " + what, Map.of(), e);
    }
  }

  public void useTransaction(String what, java.util.function.Consumer<Handle> work) {
    inTransaction(
        what,
        h -> {
          work.accept(h);
          return null;
        });
  }

  /**
   * Runs {@code work} on {@code h} just before its transaction commits, after everything else the
   * transaction did; dropped when the transaction (or the savepoint it was left after) rolls back.
   * The caller checks {@code h.isInTransaction()} first.
   */
  public void beforeCommit(Handle h, Consumer<Handle> work) {
    beforeCommit(h, (own, items) -> work.accept(own), null);
  }

  /**
   * Work run once at commit for every item left with it: like {@link #beforeCommit(Handle,
   * Consumer)}, but the items left with the same {@code work} (compared by identity) are handed
   * over together, in the order they were left, so that it can write them as one batch.
   */
  @FunctionalInterface
  public interface BatchedWork<T> {
    void run(Handle h, List<T> items);
  }

  /** Leaves {@code item} for {@code work} to run just before the transaction commits. */
  public <T> void beforeCommit(Handle h, BatchedWork<T> work, T item) {
    pending.computeIfAbsent(h, k -> new Pending()).work.add(new Left<>(work, item));
  }

  private record Left<T>(BatchedWork<T> work, T item) {}

  /** Runs the left work, each distinct work once with its items, in order of first appearance. */
  private static void runLeft(Handle h, List<Left<?>> left) {
    Map<BatchedWork<?>, List<Object>> byWork = new java.util.IdentityHashMap<>();
    List<BatchedWork<?>> order = new ArrayList<>();
    for (Left<?> l : left) {
      byWork
          .computeIfAbsent(
              l.work(),
              w -> {
                order.add(w);
                return new ArrayList<>();
              })
          .add(l.item());
    }
    for (BatchedWork<?> w : order) {
      @SuppressWarnings("unchecked")
      BatchedWork<Object> work = (BatchedWork<Object>) w;
      work.run(h, byWork.get(w));
    }
  }

  /** Runs the before-commit work as the outermost transaction commits. */
  private final class CommitHooks extends DelegatingTransactionHandler {
    CommitHooks(TransactionHandler delegate) {
      super(delegate);
    }

    @Override
    public void commit(Handle h) {
      Pending p = pending.remove(h);
      if (p != null) {
        runLeft(h, p.work);
      }
      super.commit(h);
    }

    @Override
    public void rollback(Handle h) {
      pending.remove(h);
      super.rollback(h);
    }

    @Override
    public void savepoint(Handle h, String name) {
      super.savepoint(h, name);
      Pending p = pending.computeIfAbsent(h, k -> new Pending());
      p.marks.put(name, p.work.size());
    }

    @Override
    public void rollbackToSavepoint(Handle h, String name) {
      super.rollbackToSavepoint(h, name);
      Pending p = pending.get(h);
      if (p != null) {
        int keep = p.marks.getOrDefault(name, 0);
        p.work.subList(Math.min(keep, p.work.size()), p.work.size()).clear();
      }
    }
  }

  /**
   * Writes a row by its key: tries the update, inserts when no row matched. Portable across H2 and
   * PostgreSQL (whose MERGE and ON CONFLICT dialects differ).
   */
  public static void upsert(
      Handle h, String updateSql, String insertSql, UnaryOperator<Update> binder) {
    if (binder.apply(h.createUpdate(updateSql)).execute() == 0) {
      binder.apply(h.createUpdate(insertSql)).execute();
    }
  }

  /** Instants go to the database truncated to microseconds, as UTC offset date-times. */
  public static Instant stored(Instant value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static <E extends Enum<E>> String enumSet(Set<E> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static <E extends Enum<E>> Set<E> enumSet(String text, Class<E> type) {
    Set<E> set = EnumSet.noneOf(type);
    if (text != null && !text.isEmpty()) {
      Arrays.stream(text.split(",")).map(s -> Enum.valueOf(type, s)).forEach(set::add);
    }
    return set;
  }

  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = OffsetDateTime.ofInstant(stored(value), ZoneOffset.UTC);
      return (position, statement, ctx) -> statement.setObject(position, utc);
    }
  }
}
