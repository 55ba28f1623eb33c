package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.AuditVerification;
import org.trackmycrime.core.store.AuditVerification.BrokenLink;

/**
 * The audit trail as one hash chain per force. An append reads the force's chain head with {@code
 * SELECT ... FOR UPDATE} (which locks its row until the transaction ends, on H2 and PostgreSQL
 * alike), inserts the entries chained from the head's hash as one JDBC batch and stores the last
 * sequence number and hash in the head: three statements however many entries. Rows are never
 * updated or deleted.
 *
 * <p>Inside a caller's transaction the append waits until just before that transaction commits
 * ({@link Db#beforeCommit}), so the head's lock is held only for the commit, after every other lock
 * the transaction takes: two transactions can never each hold a lock the other waits for. An entry
 * recorded in a savepoint that is rolled back is dropped with it. Entries become visible when the
 * transaction commits. A transaction's entries are appended together, one head update and one batch
 * of inserts per force.
 *
 * <p>Outside a transaction, entries recorded at the same time on this node are written together
 * (group commit): one transaction, one wait for the head's lock and one commit for all of them,
 * while each caller still returns only once its own entry is committed.
 */
public final class JdbiAuditTrail implements AuditTrail {
  private static final int PAGE = 500;
  private static final String COLUMNS =
      "force_slug, occurred_at, actor, audit_action, subject_type, subject_ref, crime_ref, detail,"
          + " purpose";
  private static final String CHAIN_COLUMNS = COLUMNS + ", chain_seq, prev_hash, row_hash";
  private static final String INSERT =
      "INSERT INTO tmc_audit_event ("
          + CHAIN_COLUMNS
          + ") VALUES (:force, :at, :actor, :action, :subjectType, :subjectRef, :ref, :detail,"
          + " :purpose, :seq, :prev, :hash)";
  private static final String BY_CRIME =
      "SELECT "
          + COLUMNS
          + " FROM tmc_audit_event WHERE force_slug = :force AND crime_ref = :ref"
          + " ORDER BY occurred_at, chain_seq";
  private static final String BY_SUBJECT =
      "SELECT "
          + COLUMNS
          + " FROM tmc_audit_event WHERE force_slug = :force AND subject_type = :subjectType"
          + " AND subject_ref = :subjectRef ORDER BY occurred_at, chain_seq";
  private static final String CHAIN_PAGE =
      "SELECT "
          + CHAIN_COLUMNS
          + " FROM tmc_audit_event WHERE force_slug = :force AND chain_seq > :after"
          + " ORDER BY chain_seq LIMIT "
          + PAGE;

  private final Db db;
  private final ReentrantLock writer = new ReentrantLock();
  private final Object queueLock = new Object();
  private List<Queued> queued = new ArrayList<>();

  /** The one before-commit work all of a transaction's entries are left with. */
  private final Db.BatchedWork<AuditEvent> appendWork = this::appendAll;

  public JdbiAuditTrail(Db db) {
    this.db = db;
  }

  @Override
  public void record(AuditEvent e) {
    boolean inCallersTransaction =
        db.with(
            "record audit event",
            h -> {
              if (h.isInTransaction()) {
                db.beforeCommit(h, appendWork, e);
                return true;
              }
              return false;
            });
    if (!inCallersTransaction) {
      // outside the handle: a caller waiting for the group's writer holds no connection
      appendGrouped(e);
    }
  }

  /** An entry recorded outside a transaction, waiting to be written with others. */
  private static final class Queued {
    final AuditEvent event;
    volatile boolean written;
    volatile RuntimeException failure;

    Queued(AuditEvent event) {
      this.event = event;
    }
  }

  /**
   * Group commit for entries recorded outside a transaction (a page view, a refused sign-in): each
   * caller queues its entry and takes the writer lock; the first to get it writes every entry
   * queued so far in one transaction (one wait for the chain head's lock and one commit for all),
   * and the others find theirs written. Every caller still returns only after its own entry is
   * committed, and gets the exception if it could not be.
   */
  private void appendGrouped(AuditEvent e) {
    Queued q = new Queued(e);
    synchronized (queueLock) {
      queued.add(q);
    }
    writer.lock();
    try {
      if (!q.written && q.failure == null) {
        List<Queued> batch;
        synchronized (queueLock) {
          batch = queued;
          queued = new ArrayList<>();
        }
        writeBatch(batch);
      }
    } finally {
      writer.unlock();
    }
    if (q.failure != null) {
      throw q.failure;
    }
  }

  private void writeBatch(List<Queued> batch) {
    try {
      db.inTransaction(
          "record audit events",
          h -> {
            appendAll(h, batch.stream().map(q -> q.event).toList());
            return null;
          });
      batch.forEach(q -> q.written = true);
    } catch (RuntimeException failed) {
      if (batch.size() == 1) {
        batch.get(0).failure = failed;
        return;
      }
      // one entry that cannot be written must not take the others with it: each on its own
      for (Queued q : batch) {
        try {
          db.inTransaction(
              "record audit event",
              h -> {
                appendAll(h, List.of(q.event));
                return null;
              });
          q.written = true;
        } catch (RuntimeException e) {
          q.failure = e;
        }
      }
    }
  }

  /**
   * Appends entries to their forces' chains, each force's as one JDBC batch: the head is read and
   * locked, the entries are chained from the head's hash in the order they were recorded, and the
   * head takes the last hash. Forces go in name order, so two transactions lock heads in the same
   * order.
   */
  private void appendAll(Handle h, List<AuditEvent> events) {
    Map<String, List<AuditEvent>> byForce = new TreeMap<>();
    for (AuditEvent e : events) {
      byForce.computeIfAbsent(e.force(), k -> new ArrayList<>()).add(e);
    }
    byForce.forEach((force, entries) -> appendChain(h, force, entries));
  }

  private void appendChain(Handle h, String force, List<AuditEvent> entries) {
    Optional<Head> locked = lockHead(h, force);
    if (locked.isEmpty()) {
      createHead(force);
      locked = lockHead(h, force);
      if (locked.isEmpty()) {
        throw new IllegalStateException("audit chain head missing after creation");
      }
    }
    long seq = locked.get().seq();
    String hash = locked.get().hash();
    PreparedBatch batch = h.prepareBatch(INSERT);
    for (AuditEvent e : entries) {
      seq++;
      AuditChain.Row row =
          new AuditChain.Row(
              seq,
              force,
              Db.stored(e.at()),
              e.actor().toString(),
              e.action().name(),
              e.subjectType(),
              e.subjectRef(),
              e.crimeReference(),
              e.detail(),
              e.purpose());
      String prev = hash;
      hash = AuditChain.hash(prev, row);
      batch
          .bind("force", force)
          .bind("at", e.at())
          .bind("actor", row.actor())
          .bind("action", row.action())
          .bind("subjectType", e.subjectType())
          .bind("subjectRef", e.subjectRef())
          .bind("ref", e.crimeReference())
          .bind("detail", e.detail())
          .bind("purpose", e.purpose())
          .bind("seq", seq)
          .bind("prev", prev)
          .bind("hash", hash)
          .add();
    }
    batch.execute();
    h.createUpdate(
            "UPDATE tmc_audit_head SET last_seq = :seq, last_hash = :hash"
                + " WHERE force_slug = :force")
        .bind("seq", seq)
        .bind("hash", hash)
        .bind("force", force)
        .execute();
  }

  /**
   * Reads the force's chain head and locks its row until the transaction ends ({@code FOR UPDATE}
   * on H2 2.x and PostgreSQL alike: a second writer waits here, then reads the head the first one
   * committed). Empty when the force has no head yet.
   */
  private static Optional<Head> lockHead(Handle h, String force) {
    return h.createQuery(
            "SELECT last_seq, last_hash FROM tmc_audit_head WHERE force_slug = :force FOR UPDATE")
        .bind("force", force)
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
        .findOne();
  }

  /**
   * Creates a force's chain head on a connection of its own, committed at once, so the caller's
   * transaction is not aborted when another node created it first (PostgreSQL aborts a transaction
   * on any failed statement).
   */
  private void createHead(String force) {
    try (Handle own = db.jdbi().open()) {
      own.createUpdate(
              "INSERT INTO tmc_audit_head (force_slug, last_seq, last_hash)"
                  + " SELECT :force, 0, :genesis WHERE NOT EXISTS"
                  + " (SELECT 1 FROM tmc_audit_head WHERE force_slug = :force)")
          .bind("force", force)
          .bind("genesis", AuditChain.GENESIS)
          .execute();
    } catch (JdbiException e) {
      // created meanwhile by another transaction: the caller bumps the head it made
    }
  }

  private record Head(long seq, String hash) {}

  @Override
  public AuditVerification verify(String force) {
    return db.with(
        "verify audit trail",
        h -> {
          long expectedSeq = 1;
          String previous = AuditChain.GENESIS;
          long entries = 0;
          while (true) {
            List<Stored> page =
                h.createQuery(CHAIN_PAGE)
                    .bind("force", force)
                    .bind("after", expectedSeq - 1)
                    .map((rs, ctx) -> stored(rs))
                    .list();
            for (Stored s : page) {
              entries++;
              Optional<BrokenLink> broken = check(s, expectedSeq, previous);
              if (broken.isPresent()) {
                return new AuditVerification(force, entries, broken);
              }
              previous = s.hash();
              expectedSeq++;
            }
            if (page.size() < PAGE) {
              break;
            }
          }
          Optional<Head> head =
              h.createQuery(
                      "SELECT last_seq, last_hash FROM tmc_audit_head WHERE force_slug = :force")
                  .bind("force", force)
                  .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                  .findOne();
          long last = expectedSeq - 1;
          if (head.isPresent()
              && (head.get().seq() != last || !head.get().hash().equals(previous))) {
            return new AuditVerification(
                force,
                entries,
                Optional.of(
                    new BrokenLink(
                        last + 1,
                        "head",
                        "last entry " + head.get().seq() + " with hash " + head.get().hash(),
                        "last entry " + last + " with hash " + previous)));
          }
          if (head.isEmpty() && entries > 0) {
            return new AuditVerification(
                force, entries, Optional.of(new BrokenLink(1, "head", "a chain head", "none")));
          }
          return new AuditVerification(force, entries, Optional.empty());
        });
  }

  private static Optional<BrokenLink> check(Stored s, long expectedSeq, String previous) {
    if (s.row().sequence() != expectedSeq) {
      return Optional.of(
          new BrokenLink(
              expectedSeq,
              "sequence",
              Long.toString(expectedSeq),
              Long.toString(s.row().sequence())));
    }
    if (!previous.equals(s.previous())) {
      return Optional.of(new BrokenLink(expectedSeq, "previous-hash", previous, s.previous()));
    }
    String recomputed = AuditChain.hash(previous, s.row());
    if (!recomputed.equals(s.hash())) {
      return Optional.of(new BrokenLink(expectedSeq, "hash", recomputed, s.hash()));
    }
    return Optional.empty();
  }

  private record Stored(AuditChain.Row row, String previous, String hash) {}

  private static Stored stored(ResultSet rs) throws SQLException {
    return new Stored(
        new AuditChain.Row(
            rs.getLong("chain_seq"),
            rs.getString("force_slug"),
            Db.instant(rs, "occurred_at"),
            rs.getString("actor"),
            rs.getString("audit_action"),
            rs.getString("subject_type"),
            rs.getString("subject_ref"),
            rs.getString("crime_ref"),
            rs.getString("detail"),
            rs.getString("purpose")),
        rs.getString("prev_hash"),
        rs.getString("row_hash"));
  }

  @Override
  public List<AuditEvent> forCrime(String force, String crimeReference) {
    return db.with(
        "read audit trail",
        h ->
            h.createQuery(BY_CRIME)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<AuditEvent> forSubject(String force, String subjectType, String subjectRef) {
    return db.with(
        "read audit trail",
        h ->
            h.createQuery(BY_SUBJECT)
                .bind("force", force)
                .bind("subjectType", subjectType)
                .bind("subjectRef", subjectRef)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  private static AuditEvent map(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getString("force_slug"),
        Db.instant(rs, "occurred_at"),
        Actor.parse(rs.getString("actor")),
        AuditAction.valueOf(rs.getString("audit_action")),
        rs.getString("subject_type"),
        rs.getString("subject_ref"),
        rs.getString("crime_ref"),
        rs.getString("detail"),
        rs.getString("purpose"));
  }
}
