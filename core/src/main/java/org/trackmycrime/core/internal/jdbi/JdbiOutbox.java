package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.outbox.Outbox;
import org.trackmycrime.core.outbox.OutboxMessage;

public final class JdbiOutbox implements Outbox {
  private static final String COLUMNS =
      "id, force_slug, idempotency_key, message_kind, crime_ref, victim_ref, entry_key, status,"
          + " created_at, updated_at, officer_ref, unit, obligation_key";

  private final Db db;

  public JdbiOutbox(Db db) {
    this.db = db;
  }

  @Override
  public List<OutboxMessage> forCrime(String force, String crimeReference) {
    return db.with(
        "read outbox",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM tmc_outbox WHERE force_slug = :f AND crime_ref = :c"
                        + " ORDER BY id")
                .bind("f", force)
                .bind("c", crimeReference)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<OutboxMessage> byStatus(String force, OutboxMessage.Status status, int limit) {
    return db.with(
        "read outbox",
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM tmc_outbox WHERE force_slug = :f AND status = :s"
                        + " ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .bind("f", force)
                .bind("s", status.name())
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /**
   * Writes a PENDING row in the caller's transaction unless one with the key exists, in the shape
   * the dispatcher reads ({@code entry_key}: what the message is about, such as a victim message's
   * id). Returns true when written.
   */
  public static boolean insertPending(
      Handle h,
      String force,
      String key,
      String kind,
      String crimeRef,
      String victimRef,
      String entryKey,
      String officerRef,
      Instant now) {
    int exists =
        h.createQuery("SELECT COUNT(*) FROM tmc_outbox WHERE idempotency_key = :key")
            .bind("key", key)
            .mapTo(Integer.class)
            .one();
    if (exists > 0) {
      return false;
    }
    h.createUpdate(
            "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                + " victim_ref, entry_key, status, created_at, updated_at, officer_ref) VALUES"
                + " (:f, :key, :kind, :c, :v, :e, :pending, :now, :now, :officer)")
        .bind("f", force)
        .bind("key", key)
        .bind("kind", kind)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .bind("e", entryKey)
        .bind("pending", OutboxMessage.Status.PENDING.name())
        .bind("now", now)
        .bind("officer", officerRef)
        .execute();
    return true;
  }

  private static OutboxMessage map(ResultSet rs) throws SQLException {
    return new OutboxMessage(
        rs.getLong("id"),
        rs.getString("force_slug"),
        rs.getString("idempotency_key"),
        rs.getString("message_kind"),
        rs.getString("crime_ref"),
        rs.getString("victim_ref"),
        rs.getString("entry_key"),
        OutboxMessage.Status.valueOf(rs.getString("status")),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        rs.getString("officer_ref"),
        rs.getString("unit"),
        rs.getString("obligation_key"));
  }
}
