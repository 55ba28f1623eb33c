package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.store.MessageStore;

public final class JdbiMessageStore implements MessageStore {
  /** The columns {@link #map} reads. */
  public static final String COLUMNS =
      "force_slug, message_id, crime_ref, victim_ref, body, status, assigned_officer_ref, sent_at,"
          + " updated_at, topic, urgent, assigned_unit";

  private static final String UPDATE =
      "UPDATE tmc_victim_message SET status = :status, assigned_officer_ref = :officer,"
          + " assigned_unit = :unit, updated_at = :updatedAt WHERE force_slug = :force AND message_id = :id";
  private static final String INSERT =
      "INSERT INTO tmc_victim_message ("
          + COLUMNS
          + ") VALUES (:force, :id, :ref, :victim, :body, :status, :officer, :sentAt, :updatedAt,"
          + " :topic, :urgent, :unit)";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM tmc_victim_message WHERE force_slug = :force AND message_id = :id";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM tmc_victim_message WHERE force_slug = :force AND crime_ref = :ref"
          + " ORDER BY sent_at, message_id";

  private final Db db;

  public JdbiMessageStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(VictimMessage m) {
    db.useTransaction(
        "save message",
        h ->
            Db.upsert(
                h,
                UPDATE,
                INSERT,
                u ->
                    u.bind("force", m.force())
                        .bind("id", m.messageId())
                        .bind("ref", m.crimeReference())
                        .bind("victim", m.victimRef())
                        .bind("body", m.body())
                        .bind("status", m.status().name())
                        .bind("officer", m.assignedOfficerRef())
                        .bind("sentAt", m.sentAt())
                        .bind("updatedAt", m.updatedAt())
                        .bind("topic", m.topic().name())
                        .bind("urgent", m.urgent())
                        .bind("unit", m.assignedUnit())));
  }

  @Override
  public Optional<VictimMessage> find(String force, String messageId) {
    return db.with(
        "find message",
        h ->
            h.createQuery(FIND)
                .bind("force", force)
                .bind("id", messageId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<VictimMessage> listForCrime(String force, String crimeReference) {
    return db.with(
        "list messages",
        h ->
            h.createQuery(LIST)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** Maps a row selected with this store's columns; for the messaging service's own queries. */
  public static VictimMessage map(ResultSet rs) throws SQLException {
    return new VictimMessage(
        rs.getString("force_slug"),
        rs.getString("message_id"),
        rs.getString("crime_ref"),
        rs.getString("victim_ref"),
        rs.getString("body"),
        MessageStatus.valueOf(rs.getString("status")),
        rs.getString("assigned_officer_ref"),
        Db.instant(rs, "sent_at"),
        Db.instant(rs, "updated_at"),
        MessageTopic.valueOf(rs.getString("topic")),
        rs.getBoolean("urgent"),
        rs.getString("assigned_unit"));
  }
}
