package org.trackmycrime.core.internal.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiMessageStore;
import org.trackmycrime.core.messaging.CloseReason;
import org.trackmycrime.core.messaging.MessageAction;
import org.trackmycrime.core.messaging.PropertyDetails;
import org.trackmycrime.core.messaging.StaffReply;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.outbox.OutboxMessage;

/**
 * The messaging service's SQL beyond {@code JdbiMessageStore}: the extra message columns, replies,
 * the action history and the inbox queries. Every method runs on the caller's handle.
 */
final class MessagingStore {
  private static final String EXTRA =
      "urgent_phrases, close_reason, property_item_ref, property_serial, property_description,"
          + " property_value_pence";
  private static final String SELECT =
      "SELECT " + JdbiMessageStore.COLUMNS + ", " + EXTRA + " FROM tmc_victim_message";

  /** A message with the columns only the messaging service reads. */
  record Stored(
      VictimMessage message,
      List<String> urgentPhrases,
      CloseReason closeReason,
      PropertyDetails propertyDetails) {}

  /** A victim still enrolled with a channel that failed for good. */
  record Unreachable(String crimeRef, String victimRef, String channels, Instant firstNoticeAt) {}

  /** A dead-lettered outbox row. */
  record Dead(long id, String kind, String crimeRef, String victimRef, Instant deadAt) {}

  private MessagingStore() {}

  /** The message, locked for the rest of the transaction. */
  static Optional<Stored> lock(Handle h, String force, String messageId) {
    return h.createQuery(SELECT + " WHERE force_slug = :f AND message_id = :id FOR UPDATE")
        .bind("f", force)
        .bind("id", messageId)
        .map((rs, ctx) -> stored(rs))
        .findOne();
  }

  static Optional<Stored> find(Handle h, String force, String messageId) {
    return h.createQuery(SELECT + " WHERE force_slug = :f AND message_id = :id")
        .bind("f", force)
        .bind("id", messageId)
        .map((rs, ctx) -> stored(rs))
        .findOne();
  }

  /** The victim's messages on a crime, newest first. */
  static List<Stored> forVictim(Handle h, String force, String crimeRef, String victimRef) {
    return h.createQuery(
            SELECT
                + " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v"
                + " ORDER BY sent_at DESC, message_id DESC")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .map((rs, ctx) -> stored(rs))
        .list();
  }

  /** Messages in a status, optionally of one officer or unit, oldest first. */
  static List<VictimMessage> inStatus(
      Handle h, String force, MessageStatus status, String officerRef, String unit) {
    String sql =
        "SELECT "
            + JdbiMessageStore.COLUMNS
            + " FROM tmc_victim_message WHERE force_slug = :f AND status = :s"
            + (officerRef == null ? "" : " AND assigned_officer_ref = :officer")
            + (unit == null ? "" : " AND assigned_unit = :unit")
            + " ORDER BY sent_at, message_id";
    var q = h.createQuery(sql).bind("f", force).bind("s", status.name());
    if (officerRef != null) {
      q.bind("officer", officerRef);
    }
    if (unit != null) {
      q.bind("unit", unit);
    }
    return q.map((rs, ctx) -> JdbiMessageStore.map(rs)).list();
  }

  static int sentSince(Handle h, String force, String crimeRef, String victimRef, Instant since) {
    return h.createQuery(
            "SELECT COUNT(*) FROM tmc_victim_message WHERE force_slug = :f AND crime_ref = :c"
                + " AND victim_ref = :v AND sent_at > :since")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .bind("since", since)
        .mapTo(Integer.class)
        .one();
  }

  /** The oldest of the victim's messages sent after {@code since}. */
  static Optional<Instant> oldestSentSince(
      Handle h, String force, String crimeRef, String victimRef, Instant since) {
    return h.createQuery(
            "SELECT MIN(sent_at) FROM tmc_victim_message WHERE force_slug = :f AND crime_ref = :c"
                + " AND victim_ref = :v AND sent_at > :since")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .bind("since", since)
        .mapTo(Instant.class)
        .findOne();
  }

  /** Serialises one victim's sends, so the daily limit holds under concurrent requests. */
  static void lockVictim(Handle h, String force, String crimeRef, String victimRef) {
    h.createQuery(
            "SELECT victim_ref FROM tmc_victim WHERE force_slug = :f AND crime_ref = :c"
                + " AND victim_ref = :v FOR UPDATE")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .mapTo(String.class)
        .findOne();
  }

  static void writeExtras(
      Handle h, String force, String messageId, List<String> phrases, PropertyDetails details) {
    h.createUpdate(
            "UPDATE tmc_victim_message SET urgent_phrases = :phrases, property_item_ref = :item,"
                + " property_serial = :serial, property_description = :description,"
                + " property_value_pence = :value WHERE force_slug = :f AND message_id = :id")
        .bind("phrases", phrases.isEmpty() ? null : String.join("|", phrases))
        .bind("item", details == null ? null : details.itemRef())
        .bind("serial", details == null ? null : details.serialNumber())
        .bind("description", details == null ? null : details.description())
        .bind("value", details == null ? null : details.valuePence())
        .bind("f", force)
        .bind("id", messageId)
        .execute();
  }

  static void writeCloseReason(Handle h, String force, String messageId, CloseReason reason) {
    h.createUpdate(
            "UPDATE tmc_victim_message SET close_reason = :r WHERE force_slug = :f"
                + " AND message_id = :id")
        .bind("r", reason.name())
        .bind("f", force)
        .bind("id", messageId)
        .execute();
  }

  // ---- replies ----

  static List<StaffReply> replies(Handle h, String force, String messageId) {
    return h.createQuery(
            "SELECT body, replied_at, replied_by FROM tmc_message_reply WHERE force_slug = :f"
                + " AND message_id = :id ORDER BY seq")
        .bind("f", force)
        .bind("id", messageId)
        .map(
            (rs, ctx) ->
                new StaffReply(
                    rs.getString("body"),
                    Db.instant(rs, "replied_at"),
                    Actor.parse(rs.getString("replied_by"))))
        .list();
  }

  /** Appends a reply; returns its number (1 for the first). */
  static int addReply(Handle h, String force, String messageId, String body, Actor by, Instant at) {
    int seq = next(h, "tmc_message_reply", force, messageId);
    h.createUpdate(
            "INSERT INTO tmc_message_reply (force_slug, message_id, seq, body, replied_by,"
                + " replied_at) VALUES (:f, :id, :seq, :body, :by, :at)")
        .bind("f", force)
        .bind("id", messageId)
        .bind("seq", seq)
        .bind("body", body)
        .bind("by", by.toString())
        .bind("at", at)
        .execute();
    return seq;
  }

  // ---- history ----

  static List<MessageAction> history(Handle h, String force, String messageId) {
    return h.createQuery(
            "SELECT seq, action_type, actor, acted_at, officer_ref, unit, close_reason, note"
                + " FROM tmc_message_action WHERE force_slug = :f AND message_id = :id"
                + " ORDER BY seq")
        .bind("f", force)
        .bind("id", messageId)
        .map(
            (rs, ctx) ->
                new MessageAction(
                    rs.getInt("seq"),
                    MessageAction.Type.valueOf(rs.getString("action_type")),
                    Actor.parse(rs.getString("actor")),
                    Db.instant(rs, "acted_at"),
                    rs.getString("officer_ref"),
                    rs.getString("unit"),
                    closeReason(rs.getString("close_reason")),
                    rs.getString("note")))
        .list();
  }

  /** Appends an action; returns its number (1 for the message being sent). */
  static int addAction(
      Handle h,
      String force,
      String messageId,
      MessageAction.Type type,
      Actor by,
      Instant at,
      String officerRef,
      String unit,
      CloseReason reason,
      String note) {
    int seq = next(h, "tmc_message_action", force, messageId);
    h.createUpdate(
            "INSERT INTO tmc_message_action (force_slug, message_id, seq, action_type, actor,"
                + " acted_at, officer_ref, unit, close_reason, note) VALUES (:f, :id, :seq, :type,"
                + " :actor, :at, :officer, :unit, :reason, :note)")
        .bind("f", force)
        .bind("id", messageId)
        .bind("seq", seq)
        .bind("type", type.name())
        .bind("actor", by.toString())
        .bind("at", at)
        .bind("officer", officerRef)
        .bind("unit", unit)
        .bind("reason", reason == null ? null : reason.name())
        .bind("note", note)
        .execute();
    return seq;
  }

  private static int next(Handle h, String table, String force, String messageId) {
    return h.createQuery(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM "
                + table
                + " WHERE force_slug = :f AND message_id = :id")
        .bind("f", force)
        .bind("id", messageId)
        .mapTo(Integer.class)
        .one();
  }

  // ---- follow-ups for the hub ----

  static List<Unreachable> unreachableVictims(Handle h, String force) {
    return h.createQuery(
            "SELECT v.crime_ref, v.victim_ref, v.unreachable_channels, (SELECT MIN(o.created_at)"
                + " FROM tmc_outbox o WHERE o.force_slug = v.force_slug AND o.crime_ref ="
                + " v.crime_ref AND o.victim_ref = v.victim_ref AND o.message_kind = :hub) AS"
                + " first_notice FROM tmc_victim v WHERE v.force_slug = :f AND"
                + " v.unreachable_channels <> '' AND v.consent = 'ENROLLED'"
                + " ORDER BY v.crime_ref, v.victim_ref")
        .bind("f", force)
        .bind("hub", OutboxMessage.HUB_VICTIM_UNREACHABLE)
        .map(
            (rs, ctx) ->
                new Unreachable(
                    rs.getString("crime_ref"),
                    rs.getString("victim_ref"),
                    rs.getString("unreachable_channels"),
                    Db.instant(rs, "first_notice")))
        .list();
  }

  static List<Dead> deadLetters(Handle h, String force) {
    return h.createQuery(
            "SELECT id, message_kind, crime_ref, victim_ref,"
                + " COALESCE(dispatch_finished_at, updated_at) AS dead_at FROM tmc_outbox"
                + " WHERE force_slug = :f AND status = :dead ORDER BY id")
        .bind("f", force)
        .bind("dead", OutboxMessage.Status.DEAD.name())
        .map(
            (rs, ctx) ->
                new Dead(
                    rs.getLong("id"),
                    rs.getString("message_kind"),
                    rs.getString("crime_ref"),
                    rs.getString("victim_ref"),
                    Db.instant(rs, "dead_at")))
        .list();
  }

  static List<Channel> channels(String text) {
    return text == null || text.isEmpty()
        ? List.of()
        : Arrays.stream(text.split(",")).map(Channel::valueOf).toList();
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    String phrases = rs.getString("urgent_phrases");
    String item = rs.getString("property_item_ref");
    long value = rs.getLong("property_value_pence");
    Long pence = rs.wasNull() ? null : value;
    return new Stored(
        JdbiMessageStore.map(rs),
        phrases == null ? List.of() : List.of(phrases.split("\\|")),
        closeReason(rs.getString("close_reason")),
        item == null
            ? null
            : new PropertyDetails(
                item,
                rs.getString("property_serial"),
                rs.getString("property_description"),
                pence));
  }

  private static CloseReason closeReason(String name) {
    return name == null ? null : CloseReason.valueOf(name);
  }
}
