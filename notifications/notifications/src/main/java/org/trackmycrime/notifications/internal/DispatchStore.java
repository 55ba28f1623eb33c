package org.trackmycrime.notifications.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.notifications.DeadLetter;
import org.trackmycrime.notifications.Delivery;
import org.trackmycrime.notifications.ReceiptStatus;

/**
 * All of the dispatcher's SQL. Portable: the same statements run on H2 2.x and PostgreSQL. Every
 * statement on force data names the force, except the receipt look-up, which has only the
 * provider's id to go on. Writes made while a worker holds a row check its claim token, so a worker
 * whose lease expired cannot overwrite the work of the one that took over.
 */
public final class DispatchStore {
  private static final String PENDING = OutboxMessage.Status.PENDING.name();
  private static final String ROW_COLUMNS =
      "id, force_slug, idempotency_key, message_kind, crime_ref, victim_ref, entry_key, status,"
          + " created_at, dispatch_attempts, dispatch_params, dispatch_channel";

  /**
   * Rows a worker may take now: pending, due, not leased, of a kind this dispatcher sends; an
   * update alert only once its coalescing window has passed and only when it is the oldest pending
   * update alert of its victim on its crime (the others are folded into it).
   */
  private static final String DUE =
      " o.force_slug = :force AND o.status = 'PENDING'"
          + " AND o.message_kind IN (<kinds>)"
          + " AND (o.dispatch_next_at IS NULL OR o.dispatch_next_at <= :now)"
          + " AND (o.dispatch_lease_until IS NULL OR o.dispatch_lease_until <= :now)"
          + " AND (o.message_kind <> 'VICTIM_UPDATE' OR (o.created_at <= :windowStart"
          + "   AND NOT EXISTS (SELECT 1 FROM tmc_outbox p WHERE p.force_slug = o.force_slug"
          + "   AND p.crime_ref = o.crime_ref AND p.victim_ref = o.victim_ref"
          + "   AND p.message_kind = 'VICTIM_UPDATE' AND p.status = 'PENDING' AND p.id < o.id)))";

  /**
   * The next due rows after a position, without locking. Ordered by every column of the claim
   * index, so H2 reads the index in order and stops at the limit instead of sorting every pending
   * row.
   */
  private static final String CANDIDATES =
      "SELECT o.id FROM tmc_outbox o WHERE"
          + DUE
          + " AND o.id > :after"
          + " ORDER BY o.force_slug, o.status, o.id FETCH FIRST :limit ROWS ONLY";

  /**
   * Locks those of the candidates that are still due and not locked by another worker. The lock is
   * taken by id, not with a row limit: H2 locks every row that matches a FOR UPDATE query before it
   * applies FETCH FIRST, which made each claim cost as much as the whole backlog. Every condition
   * is in WHERE, so the rows locked are the rows wanted.
   */
  private static final String LOCK =
      "SELECT o.id FROM tmc_outbox o WHERE o.id IN (<ids>) AND"
          + DUE
          + " ORDER BY o.id FOR UPDATE SKIP LOCKED";

  /** A receipt says one of the row's channels delivered. */
  private static final String ANY_DELIVERED =
      "EXISTS (SELECT 1 FROM tmc_dispatch_delivery d"
          + " JOIN tmc_dispatch_receipt r ON r.channel_name = d.channel_name"
          + " AND r.provider_id = d.provider_id"
          + " WHERE d.outbox_id = :id AND r.receipt_status = 'DELIVERED')";

  /** Every channel that accepted the row has a failed receipt. */
  private static final String ALL_FAILED =
      "NOT EXISTS (SELECT 1 FROM tmc_dispatch_delivery d"
          + " WHERE d.outbox_id = :id AND d.outcome = 'ACCEPTED'"
          + " AND NOT EXISTS (SELECT 1 FROM tmc_dispatch_receipt r"
          + " WHERE r.channel_name = d.channel_name AND r.provider_id = d.provider_id"
          + " AND r.receipt_status = 'FAILED'))";

  /** Records a result on one channel of a row, if the worker (:token) still holds the row. */
  private static final String RECORD_DELIVERY =
      "INSERT INTO tmc_dispatch_delivery (outbox_id, delivery_channel, force_slug,"
          + " channel_name, outcome, provider_id, attempt, error_code, recorded_at)"
          + " SELECT id, :channel, force_slug, :channelName, :outcome, :providerId,"
          + " :attempt, :code, :now FROM tmc_outbox"
          + " WHERE force_slug = :force AND id = :id"
          + " AND dispatch_lease_owner = :token";

  /**
   * Finishes a row accepted on at least one channel, settled from the receipts already in, if the
   * worker (:token) still holds the row.
   */
  private static final String FINISH_SENT =
      "UPDATE tmc_outbox SET status = CASE WHEN "
          + ANY_DELIVERED
          + " THEN 'DELIVERED' WHEN "
          + ALL_FAILED
          + " THEN 'FAILED' ELSE 'SENT' END,"
          + " dispatch_error = CASE WHEN NOT "
          + ANY_DELIVERED
          + " AND "
          + ALL_FAILED
          + " THEN 'RECEIPT_FAILED' ELSE :error END,"
          + " dispatch_lease_owner = NULL, dispatch_lease_until = NULL,"
          + " dispatch_next_at = NULL, dispatch_attempts = :attempts,"
          + " dispatch_finished_at = :now, updated_at = :now,"
          + " dispatch_params = NULL"
          + " WHERE force_slug = :force AND id = :id"
          + " AND dispatch_lease_owner = :token";

  private final Db db;

  public DispatchStore(Db db) {
    this.db = db;
  }

  public Db db() {
    return db;
  }

  /** Rows claimed by one worker, and how many others were folded into them. */
  public record Claim(List<OutboxRow> rows, int coalesced) {}

  public Claim claim(
      String force,
      Collection<String> kinds,
      Instant now,
      Instant windowStart,
      int limit,
      String token,
      Instant leaseUntil) {
    return db.inTransaction(
        "claim outbox rows",
        h -> {
          List<Long> claimed = new ArrayList<>();
          long after = Long.MIN_VALUE;
          // rows another worker has locked are skipped: look further along until the batch is full
          while (claimed.size() < limit) {
            List<Long> candidates =
                h.createQuery(CANDIDATES)
                    .bind("force", force)
                    .bindList("kinds", List.copyOf(kinds))
                    .bind("now", now)
                    .bind("windowStart", windowStart)
                    .bind("after", after)
                    .bind("limit", limit - claimed.size())
                    .mapTo(Long.class)
                    .list();
            if (candidates.isEmpty()) {
              break;
            }
            after = candidates.get(candidates.size() - 1);
            claimed.addAll(
                h.createQuery(LOCK)
                    .bindList("ids", candidates)
                    .bind("force", force)
                    .bindList("kinds", List.copyOf(kinds))
                    .bind("now", now)
                    .bind("windowStart", windowStart)
                    .mapTo(Long.class)
                    .list());
          }
          if (!claimed.isEmpty()) {
            // the rows are locked by this transaction: the lease goes on all of them
            h.createUpdate(
                    "UPDATE tmc_outbox SET dispatch_lease_owner = :token,"
                        + " dispatch_lease_until = :until"
                        + " WHERE force_slug = :force AND id IN (<ids>) AND status = 'PENDING'"
                        + " AND (dispatch_lease_until IS NULL OR dispatch_lease_until <= :now)")
                .bind("token", token)
                .bind("until", leaseUntil)
                .bind("force", force)
                .bindList("ids", claimed)
                .bind("now", now)
                .execute();
          }
          if (claimed.isEmpty()) {
            return new Claim(List.of(), 0);
          }
          List<OutboxRow> rows =
              h.createQuery(
                      "SELECT "
                          + ROW_COLUMNS
                          + " FROM tmc_outbox WHERE force_slug = :force AND id IN (<ids>)"
                          + " AND dispatch_lease_owner = :token ORDER BY id")
                  .bind("force", force)
                  .bindList("ids", claimed)
                  .bind("token", token)
                  .map((rs, ctx) -> row(rs))
                  .list();
          return new Claim(rows, coalesceInto(h, rows, now));
        });
  }

  /**
   * Folds each claimed update alert's victim's other pending update alerts on the crime into it.
   * One batch for the claim.
   */
  private static int coalesceInto(Handle h, List<OutboxRow> claimed, Instant now) {
    PreparedBatch batch =
        h.prepareBatch(
            "UPDATE tmc_outbox SET status = 'COALESCED', dispatch_coalesced_into = :leader,"
                + " dispatch_finished_at = :now, updated_at = :now"
                + " WHERE force_slug = :force AND crime_ref = :crime AND victim_ref = :victim"
                + " AND message_kind = 'VICTIM_UPDATE' AND status = 'PENDING' AND id > :leader"
                + " AND (dispatch_lease_until IS NULL OR dispatch_lease_until <= :now)");
    for (OutboxRow leader : claimed) {
      if (leader.kind().equals(OutboxMessage.VICTIM_UPDATE)) {
        batch
            .bind("leader", leader.id())
            .bind("now", now)
            .bind("force", leader.force())
            .bind("crime", leader.crimeRef())
            .bind("victim", leader.victimRef())
            .add();
      }
    }
    if (batch.size() == 0) {
      return 0;
    }
    int folded = 0;
    for (int n : batch.execute()) {
      folded += Math.max(0, n);
    }
    return folded;
  }

  public List<Delivery> deliveries(String force, long outboxId) {
    return deliveries(force, List.of(outboxId)).getOrDefault(outboxId, List.of());
  }

  /** The deliveries of several of a force's rows in one read, by row id (rows without none). */
  public Map<Long, List<Delivery>> deliveries(String force, Collection<Long> outboxIds) {
    Map<Long, List<Delivery>> byRow = new HashMap<>();
    if (outboxIds.isEmpty()) {
      return byRow;
    }
    List<Delivery> all =
        db.with(
            "read deliveries",
            h ->
                h.createQuery(
                        "SELECT d.outbox_id, d.delivery_channel, d.channel_name, d.outcome,"
                            + " d.provider_id, d.attempt, d.error_code, d.recorded_at, r.receipt_status"
                            + " FROM tmc_dispatch_delivery d LEFT JOIN tmc_dispatch_receipt r"
                            + " ON r.channel_name = d.channel_name AND r.provider_id = d.provider_id"
                            + " WHERE d.force_slug = :force AND d.outbox_id IN (<ids>)"
                            + " ORDER BY d.outbox_id, d.recorded_at, d.delivery_channel")
                    .bind("force", force)
                    .bindList("ids", List.copyOf(outboxIds))
                    .map((rs, ctx) -> delivery(rs))
                    .list());
    for (Delivery d : all) {
      byRow.computeIfAbsent(d.outboxId(), k -> new ArrayList<>()).add(d);
    }
    return byRow;
  }

  /**
   * Records the definitive result on one channel, if this worker still holds the row.
   *
   * @return false when the lease was lost (another worker has the row now)
   */
  public boolean recordDelivery(
      OutboxRow row,
      String token,
      Channel channel,
      String channelName,
      Delivery.Outcome outcome,
      String providerId,
      int attempt,
      String errorCode,
      Instant now) {
    return db.with(
            "record delivery",
            h ->
                bindDelivery(
                        h.createUpdate(RECORD_DELIVERY),
                        channel,
                        channelName,
                        outcome,
                        providerId,
                        attempt,
                        errorCode)
                    .bindMap(heldRow(row, token, now))
                    .execute())
        == 1;
  }

  /**
   * The binds every write to a row this worker holds shares: the row's key, the claim token the
   * statement checks, and the time.
   */
  private static Map<String, Object> heldRow(OutboxRow row, String token, Instant now) {
    return Map.of("now", now, "force", row.force(), "id", row.id(), "token", token);
  }

  /** The delivery's own values in {@link #RECORD_DELIVERY}. */
  private static Update bindDelivery(
      Update update,
      Channel channel,
      String channelName,
      Delivery.Outcome outcome,
      String providerId,
      int attempt,
      String errorCode) {
    return update
        .bind("channel", channel.name())
        .bind("channelName", channelName)
        .bind("outcome", outcome.name())
        .bind("providerId", providerId)
        .bind("attempt", attempt)
        .bind("code", errorCode);
  }

  /** The finish's own values in {@link #FINISH_SENT}. */
  private static Update bindFinish(Update update, int attempts, String note) {
    return update.bind("attempts", attempts).bind("error", note);
  }

  /** Puts the row back for a later pass. False when the lease was lost. */
  public boolean reschedule(
      OutboxRow row, String token, int attempts, Instant nextAt, String error, Instant now) {
    return db.with(
            "reschedule outbox row",
            h ->
                h.createUpdate(
                        "UPDATE tmc_outbox SET dispatch_lease_owner = NULL,"
                            + " dispatch_lease_until = NULL, dispatch_next_at = :next,"
                            + " dispatch_attempts = :attempts, dispatch_error = :error,"
                            + " updated_at = :now"
                            + " WHERE force_slug = :force AND id = :id"
                            + " AND dispatch_lease_owner = :token")
                    .bind("next", nextAt)
                    .bind("attempts", attempts)
                    .bind("error", error)
                    .bindMap(heldRow(row, token, now))
                    .execute())
        == 1;
  }

  /**
   * Gives the row its final status and releases it. Parameters (links, codes) are erased unless the
   * row is dead-lettered, when a retry needs them. False when the lease was lost.
   */
  public boolean finish(
      OutboxRow row,
      String token,
      OutboxMessage.Status status,
      int attempts,
      String error,
      Instant now) {
    boolean keepParams = status == OutboxMessage.Status.DEAD;
    return db.with(
            "finish outbox row",
            h ->
                h.createUpdate(
                        "UPDATE tmc_outbox SET status = :status, dispatch_lease_owner = NULL,"
                            + " dispatch_lease_until = NULL, dispatch_next_at = NULL,"
                            + " dispatch_attempts = :attempts, dispatch_error = :error,"
                            + " dispatch_finished_at = :now, updated_at = :now"
                            + (keepParams ? "" : ", dispatch_params = NULL")
                            + " WHERE force_slug = :force AND id = :id"
                            + " AND dispatch_lease_owner = :token")
                    .bind("status", status.name())
                    .bind("attempts", attempts)
                    .bind("error", error)
                    .bindMap(heldRow(row, token, now))
                    .execute())
        == 1;
  }

  /**
   * Finishes a row that was accepted on at least one channel, in line with any receipts already in
   * (as {@link #settleFromReceipts} would leave it), in one statement. False when the lease was
   * lost.
   */
  public boolean finishSent(OutboxRow row, String token, int attempts, String note, Instant now) {
    return db.with(
            "finish sent outbox row",
            h ->
                bindFinish(h.createUpdate(FINISH_SENT), attempts, note)
                    .bindMap(heldRow(row, token, now))
                    .execute())
        == 1;
  }

  /**
   * Records an acceptance on one channel and finishes the row as {@link #finishSent} does, in one
   * JDBC statement holding both SQL commands (one round trip to the database instead of two): the
   * delivery first, so the finishing command settles the row from any receipt that overtook it.
   * Both commands check the claim token. On PostgreSQL the two run in one implicit transaction; H2
   * runs them one after the other, and reports only the first command's count.
   *
   * @return false when the lease was lost (the acceptance is then not recorded by this worker)
   */
  public boolean recordAcceptedAndFinish(
      OutboxRow row,
      String token,
      Channel channel,
      String channelName,
      String providerId,
      int attempt,
      int attempts,
      String note,
      Instant now) {
    return db.with(
        "record delivery and finish sent outbox row",
        h ->
            bindFinish(
                    bindDelivery(
                        h.createUpdate(RECORD_DELIVERY + "; " + FINISH_SENT),
                        channel,
                        channelName,
                        Delivery.Outcome.ACCEPTED,
                        providerId,
                        attempt,
                        null),
                    attempts,
                    note)
                .bindMap(heldRow(row, token, now))
                .execute(
                    (statement, ctx) -> {
                      PreparedStatement ps = statement.get();
                      int recorded = ps.getUpdateCount();
                      // a driver that reports the second count (PostgreSQL) shows a lease lost in
                      // between; H2 reports only the first (then -1)
                      int finished = ps.getMoreResults() ? -1 : ps.getUpdateCount();
                      return recorded == 1 && finished != 0;
                    }));
  }

  /**
   * Writes an outbox row.
   *
   * @return false when a row with this idempotency key exists already
   */
  public boolean insert(
      String force,
      String key,
      String kind,
      String crimeRef,
      String victimRef,
      String entryKey,
      String params,
      Instant now) {
    return insert(force, key, kind, crimeRef, victimRef, entryKey, params, null, now);
  }

  /** As above, for a victim message that must go on {@code channel} only (null: any). */
  public boolean insert(
      String force,
      String key,
      String kind,
      String crimeRef,
      String victimRef,
      String entryKey,
      String params,
      Channel channel,
      Instant now) {
    return db.inTransaction(
        "queue outbox row",
        h -> {
          boolean exists =
              h.createQuery("SELECT COUNT(*) FROM tmc_outbox WHERE idempotency_key = :k")
                      .bind("k", key)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (exists) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                      + " victim_ref, entry_key, status, created_at, updated_at, dispatch_params,"
                      + " dispatch_channel) VALUES (:force, :key, :kind, :crime, :victim, :entry,"
                      + " :status, :now, :now, :params, :channel)")
              .bind("force", force)
              .bind("key", key)
              .bind("kind", kind)
              .bind("crime", crimeRef)
              .bind("victim", victimRef)
              .bind("entry", entryKey)
              .bind("status", PENDING)
              .bind("now", now)
              .bind("params", params)
              .bind("channel", channel == null ? null : channel.name())
              .execute();
          return true;
        });
  }

  // ---- stop contact ----

  public boolean contactStopped(String force, String crimeRef, String victimRef) {
    return stoppedAmong(force, List.of(crimeRef)).contains(stopKey(crimeRef, victimRef));
  }

  /**
   * The victims of the given crimes whose contact is stopped, in one read, as {@link #stopKey}s.
   */
  public Set<String> stoppedAmong(String force, Collection<String> crimeRefs) {
    if (crimeRefs.isEmpty()) {
      return new HashSet<>();
    }
    return db.with(
        "read stop contact",
        h ->
            h.createQuery(
                    "SELECT crime_ref, victim_ref FROM tmc_dispatch_stop WHERE force_slug = :force"
                        + " AND crime_ref IN (<crimes>)")
                .bind("force", force)
                .bindList("crimes", List.copyOf(new HashSet<>(crimeRefs)))
                .map((rs, ctx) -> stopKey(rs.getString(1), rs.getString(2)))
                .collect(Collectors.toCollection(HashSet::new)));
  }

  /** A victim's key in {@link #stoppedAmong}. */
  public static String stopKey(String crimeRef, String victimRef) {
    return crimeRef + "\u0000" + victimRef;
  }

  /**
   * Records the switch (once) and cancels what is queued for the victim; returns rows cancelled.
   */
  public int stopContact(
      String force,
      String crimeRef,
      String victimRef,
      String actor,
      Collection<String> victimKinds,
      Instant now) {
    return db.inTransaction(
        "stop contact",
        h -> {
          if (!contactStopped(force, crimeRef, victimRef)) {
            h.createUpdate(
                    "INSERT INTO tmc_dispatch_stop (force_slug, crime_ref, victim_ref, stopped_at,"
                        + " stopped_by) VALUES (:force, :crime, :victim, :now, :actor)")
                .bind("force", force)
                .bind("crime", crimeRef)
                .bind("victim", victimRef)
                .bind("now", now)
                .bind("actor", actor)
                .execute();
          }
          return h.createUpdate(
                  "UPDATE tmc_outbox SET status = 'CANCELLED', dispatch_error = 'CONTACT_STOPPED',"
                      + " dispatch_params = NULL, dispatch_finished_at = :now, updated_at = :now"
                      + " WHERE force_slug = :force AND crime_ref = :crime AND victim_ref = :victim"
                      + " AND status = 'PENDING' AND message_kind IN (<kinds>)")
              .bind("now", now)
              .bind("force", force)
              .bind("crime", crimeRef)
              .bind("victim", victimRef)
              .bindList("kinds", List.copyOf(victimKinds))
              .execute();
        });
  }

  public boolean resumeContact(String force, String crimeRef, String victimRef) {
    return db.with(
            "resume contact",
            h ->
                h.createUpdate(
                        "DELETE FROM tmc_dispatch_stop WHERE force_slug = :force"
                            + " AND crime_ref = :crime AND victim_ref = :victim")
                    .bind("force", force)
                    .bind("crime", crimeRef)
                    .bind("victim", victimRef)
                    .execute())
        > 0;
  }

  // ---- receipts ----

  /**
   * Moves a receipt forward (ACCEPTED to DELIVERED or FAILED), never back.
   *
   * @return true when the status changed
   */
  public boolean advanceReceipt(
      String channelName, String providerId, ReceiptStatus status, Instant now) {
    for (int tries = 0; tries < 2; tries++) {
      if (status != ReceiptStatus.ACCEPTED) {
        int moved =
            db.with(
                "advance receipt",
                h ->
                    h.createUpdate(
                            "UPDATE tmc_dispatch_receipt SET receipt_status = :status,"
                                + " received_at = :now WHERE channel_name = :channel"
                                + " AND provider_id = :provider AND receipt_status = 'ACCEPTED'")
                        .bind("status", status.name())
                        .bind("now", now)
                        .bind("channel", channelName)
                        .bind("provider", providerId)
                        .execute());
        if (moved == 1) {
          return true;
        }
      }
      try {
        db.with(
            "record receipt",
            h ->
                h.createUpdate(
                        "INSERT INTO tmc_dispatch_receipt (channel_name, provider_id,"
                            + " receipt_status, received_at) VALUES (:channel, :provider,"
                            + " :status, :now)")
                    .bind("channel", channelName)
                    .bind("provider", providerId)
                    .bind("status", status.name())
                    .bind("now", now)
                    .execute());
        return true;
      } catch (PersistenceException e) {
        if (!isDuplicateKey(e)) {
          throw e;
        }
        // a receipt for it exists: final already (nothing to do) or ACCEPTED (move it, once more)
        if (status == ReceiptStatus.ACCEPTED) {
          return false;
        }
      }
    }
    return false;
  }

  /** Where a receipt belongs: the outbox row and channel its provider id was accepted for. */
  public record ReceiptTarget(
      String force, long outboxId, String kind, Channel channel, String channelName, int attempt) {}

  /** The outbox row and channel a provider's id belongs to, if the acceptance is recorded. */
  public Optional<ReceiptTarget> receiptTarget(String channelName, String providerId) {
    return db.with(
        "find delivery",
        h ->
            h.createQuery(
                    "SELECT d.force_slug, d.outbox_id, o.message_kind, d.delivery_channel,"
                        + " d.channel_name, d.attempt FROM tmc_dispatch_delivery d"
                        + " JOIN tmc_outbox o ON o.id = d.outbox_id AND o.force_slug = d.force_slug"
                        + " WHERE d.channel_name = :channel AND d.provider_id = :provider"
                        + " AND d.outcome = 'ACCEPTED'")
                .bind("channel", channelName)
                .bind("provider", providerId)
                .map(
                    (rs, ctx) ->
                        new ReceiptTarget(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            Channel.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getInt(6)))
                .findFirst());
  }

  /** The receipt status recorded for a provider's id, if any. */
  public Optional<ReceiptStatus> receipt(String channelName, String providerId) {
    return Optional.ofNullable(receipts(channelName, List.of(providerId)).get(providerId));
  }

  /** The receipt statuses recorded for several of a channel's provider ids, in one read. */
  public Map<String, ReceiptStatus> receipts(String channelName, Collection<String> providerIds) {
    if (providerIds.isEmpty()) {
      return new HashMap<>();
    }
    return db.with(
        "read receipt",
        h ->
            h.createQuery(
                    "SELECT provider_id, receipt_status FROM tmc_dispatch_receipt"
                        + " WHERE channel_name = :channel AND provider_id IN (<providers>)")
                .bind("channel", channelName)
                .bindList("providers", List.copyOf(new HashSet<>(providerIds)))
                .map(
                    (rs, ctx) -> Map.entry(rs.getString(1), ReceiptStatus.valueOf(rs.getString(2))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
  }

  /**
   * Brings a sent row's status in line with its receipts: DELIVERED when any channel was delivered,
   * FAILED when every accepted channel failed. Never moves a row back.
   */
  public void settleFromReceipts(String force, long outboxId, Instant now) {
    db.useTransaction(
        "settle outbox row",
        h -> {
          int delivered =
              h.createUpdate(
                      "UPDATE tmc_outbox SET status = 'DELIVERED', updated_at = :now"
                          + " WHERE force_slug = :force AND id = :id AND status = 'SENT'"
                          + " AND "
                          + ANY_DELIVERED)
                  .bind("now", now)
                  .bind("force", force)
                  .bind("id", outboxId)
                  .execute();
          if (delivered == 0) {
            h.createUpdate(
                    "UPDATE tmc_outbox SET status = 'FAILED', dispatch_error = 'RECEIPT_FAILED',"
                        + " updated_at = :now"
                        + " WHERE force_slug = :force AND id = :id AND status = 'SENT'"
                        + " AND "
                        + ALL_FAILED)
                .bind("now", now)
                .bind("force", force)
                .bind("id", outboxId)
                .execute();
          }
        });
  }

  // ---- dead letters ----

  public List<DeadLetter> deadLetters(String force, int limit) {
    return db.with(
        "list dead letters",
        h ->
            h.createQuery(
                    "SELECT id, force_slug, message_kind, crime_ref, victim_ref, dispatch_attempts,"
                        + " dispatch_error, dispatch_finished_at FROM tmc_outbox"
                        + " WHERE force_slug = :force AND status = 'DEAD'"
                        + " ORDER BY dispatch_finished_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .bind("force", force)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new DeadLetter(
                            rs.getLong("id"),
                            rs.getString("force_slug"),
                            rs.getString("message_kind"),
                            rs.getString("crime_ref"),
                            rs.getString("victim_ref"),
                            rs.getInt("dispatch_attempts"),
                            rs.getString("dispatch_error"),
                            Db.instant(rs, "dispatch_finished_at")))
                .list());
  }

  public boolean retryDeadLetter(String force, long id, Instant now) {
    return db.with(
            "retry dead letter",
            h ->
                h.createUpdate(
                        "UPDATE tmc_outbox SET status = 'PENDING', dispatch_attempts = 0,"
                            + " dispatch_next_at = NULL, dispatch_lease_owner = NULL,"
                            + " dispatch_lease_until = NULL, dispatch_error = NULL,"
                            + " dispatch_finished_at = NULL, updated_at = :now"
                            + " WHERE force_slug = :force AND id = :id AND status = 'DEAD'")
                    .bind("now", now)
                    .bind("force", force)
                    .bind("id", id)
                    .execute())
        == 1;
  }

  // ---- mapping ----

  private static OutboxRow row(ResultSet rs) throws SQLException {
    return new OutboxRow(
        rs.getLong("id"),
        rs.getString("force_slug"),
        rs.getString("idempotency_key"),
        rs.getString("message_kind"),
        rs.getString("crime_ref"),
        rs.getString("victim_ref"),
        rs.getString("entry_key"),
        rs.getString("status"),
        Db.instant(rs, "created_at"),
        rs.getInt("dispatch_attempts"),
        rs.getString("dispatch_params"),
        rs.getString("dispatch_channel") == null
            ? null
            : Channel.valueOf(rs.getString("dispatch_channel")));
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    String receipt = rs.getString("receipt_status");
    return new Delivery(
        rs.getLong("outbox_id"),
        Channel.valueOf(rs.getString("delivery_channel")),
        rs.getString("channel_name"),
        Delivery.Outcome.valueOf(rs.getString("outcome")),
        rs.getString("provider_id"),
        receipt == null ? null : ReceiptStatus.valueOf(receipt),
        rs.getInt("attempt"),
        rs.getString("error_code"),
        Db.instant(rs, "recorded_at"));
  }

  /** Unique-key violation: SQLSTATE 23505 on both H2 and PostgreSQL. */
  static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
