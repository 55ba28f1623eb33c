package org.trackmycrime.core.internal.cadence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.cadence.VictimTerms;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiForceStore;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.outbox.OutboxMessage;

/**
 * The cadence's own SQL: the obligations index, what it reads of crimes and timelines, and the
 * staff notices it writes to the outbox. Every method runs on the caller's handle, inside the
 * caller's transaction, and every statement is scoped by force.
 */
final class CadenceStore {
  private static final String OPEN = "('PENDING','OVERDUE')";
  private static final String NAMES =
      "force_slug, crime_ref, victim_ref, obligation_key, kind, decision, starts_at, due_at,"
          + " due_date, status, met_at, met_by_holding, explanation, officer_ref, next_action_at,"
          + " due_soon_done, holding_done, overdue_done, escalation_done, computed_at";
  private static final String COLUMNS =
      Arrays.stream(NAMES.split(", ")).map(c -> "o." + c).collect(Collectors.joining(", "));
  private static final String SELECT = "SELECT " + COLUMNS + " FROM tmc_obligation o";
  private static final String INSERT =
      "INSERT INTO tmc_obligation (force_slug, crime_ref, victim_ref, obligation_key, kind,"
          + " decision, starts_at, due_at, due_date, status, met_at, met_by_holding, explanation,"
          + " officer_ref, next_action_at, due_soon_done, holding_done, overdue_done,"
          + " escalation_done, computed_at) VALUES (:f, :c, :v, :k, :kind, :decision, :starts,"
          + " :due, :dueDate, :status, :met, :holding, :explanation, :officer, :next, FALSE,"
          + " FALSE, FALSE, FALSE, :now)";
  // the flags are the reminder run's; a recomputation leaves them alone
  private static final String UPDATE =
      "UPDATE tmc_obligation SET kind = :kind, decision = :decision, starts_at = :starts,"
          + " due_at = :due, due_date = :dueDate, status = :status, met_at = :met,"
          + " met_by_holding = :holding, explanation = :explanation, officer_ref = :officer,"
          + " next_action_at = :next, computed_at = :now"
          + " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v AND obligation_key = :k";
  private static final String WHERE_ONE =
      " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v AND obligation_key = :k";

  /** What the index needs of a crime, with its force. */
  record CrimeFacts(Force force, Instant reportedAt, String officerRef, Instant cadenceFrom) {}

  /** What the index needs of a victim: their terms and their enrolment over time. */
  record VictimFacts(String victimRef, VictimTerms terms, Enrolment enrolment) {}

  /** What the index needs of a timeline entry. */
  record EntryFacts(String entryKey, TimelineKind kind, Instant occurredAt, Instant publishedAt) {}

  /** One obligation as the compliance report counts it. */
  record ComplianceFacts(
      String officerRef,
      String unit,
      Obligation.Kind kind,
      TimelineKind decision,
      Obligation.Status status,
      boolean holding,
      Instant dueAt,
      Instant metAt) {}

  Optional<CrimeFacts> crime(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT c.reported_at, c.officer_ref, c.cadence_from, f.force_slug, f.name, f.nation,"
                + " f.cadence_policy, f.hub_email, f.zone_id, f.holding_updates"
                + " FROM tmc_crime c JOIN tmc_force f ON f.force_slug = c.force_slug"
                + " WHERE c.force_slug = :f AND c.crime_ref = :c")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) ->
                new CrimeFacts(
                    JdbiForceStore.map(rs),
                    Db.instant(rs, "reported_at"),
                    rs.getString("officer_ref"),
                    Db.instant(rs, "cadence_from")))
        .findOne();
  }

  /**
   * The crime's victims with only what the cadence needs, in one query (no names or contact details
   * are read).
   */
  List<VictimFacts> victims(Handle h, String force, String crimeRef) {
    record Row(String victimRef, VictimTerms terms, EnrolmentTransition transition) {}
    Map<String, VictimTerms> terms = new LinkedHashMap<>();
    Map<String, List<EnrolmentTransition>> history = new HashMap<>();
    h.createQuery(
            "SELECT v.victim_ref, v.enhanced,"
                + " COALESCE(p.update_frequency_days, v.update_frequency_days)"
                + " AS update_frequency_days, e.enrolment_action,"
                + " e.effective_at, e.event_key FROM tmc_victim v"
                // the victim's own choice of interval (made in the portal) wins
                + " LEFT JOIN tmc_victim_preference p ON p.force_slug = v.force_slug"
                + " AND p.crime_ref = v.crime_ref AND p.victim_ref = v.victim_ref"
                + " LEFT JOIN tmc_enrolment_history e ON e.force_slug = v.force_slug"
                + " AND e.crime_ref = v.crime_ref AND e.victim_ref = v.victim_ref"
                + " WHERE v.force_slug = :f AND v.crime_ref = :c ORDER BY v.victim_ref, e.seq")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) -> {
              String action = rs.getString("enrolment_action");
              return new Row(
                  rs.getString("victim_ref"),
                  new VictimTerms(
                      rs.getBoolean("enhanced"),
                      rs.getObject("update_frequency_days", Integer.class)),
                  action == null
                      ? null
                      : new EnrolmentTransition(
                          EnrolmentAction.valueOf(action),
                          Db.instant(rs, "effective_at"),
                          Actor.system(), // who made a change does not matter here
                          null,
                          List.of(),
                          rs.getString("event_key")));
            })
        .forEach(
            row -> {
              terms.putIfAbsent(row.victimRef(), row.terms());
              List<EnrolmentTransition> list =
                  history.computeIfAbsent(row.victimRef(), v -> new ArrayList<>());
              if (row.transition() != null) {
                list.add(row.transition());
              }
            });
    List<VictimFacts> result = new ArrayList<>();
    terms.forEach((ref, t) -> result.add(new VictimFacts(ref, t, new Enrolment(history.get(ref)))));
    return result;
  }

  /** The force's crime references after {@code after} (null: from the first), in order. */
  List<String> crimeRefs(Handle h, String force, String after, int limit) {
    return h.createQuery(
            "SELECT crime_ref FROM tmc_crime WHERE force_slug = :f"
                + (after == null ? "" : " AND crime_ref > :after")
                + " ORDER BY crime_ref FETCH FIRST :limit ROWS ONLY")
        .bind("f", force)
        .bind("after", after)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  void setCadenceFrom(Handle h, String force, String crimeRef, Instant from) {
    h.createUpdate(
            "UPDATE tmc_crime SET cadence_from = :from"
                + " WHERE force_slug = :f AND crime_ref = :c AND cadence_from IS NULL")
        .bind("from", from)
        .bind("f", force)
        .bind("c", crimeRef)
        .execute();
  }

  List<EntryFacts> entries(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT entry_key, kind, occurred_at, published_at FROM tmc_timeline_entry"
                + " WHERE force_slug = :f AND crime_ref = :c")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) ->
                new EntryFacts(
                    rs.getString("entry_key"),
                    TimelineKind.valueOf(rs.getString("kind")),
                    Db.instant(rs, "occurred_at"),
                    Db.instant(rs, "published_at")))
        .list();
  }

  List<StoredObligation> forCrime(Handle h, String force, String crimeRef) {
    return h.createQuery(
            SELECT
                + " WHERE o.force_slug = :f AND o.crime_ref = :c"
                + " ORDER BY o.victim_ref, o.due_at, o.obligation_key")
        .bind("f", force)
        .bind("c", crimeRef)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Inserts, then updates, each as one JDBC batch. */
  void write(Handle h, List<StoredObligation> inserts, List<StoredObligation> updates) {
    batch(h, INSERT, inserts);
    batch(h, UPDATE, updates);
  }

  private static void batch(Handle h, String sql, List<StoredObligation> rows) {
    if (rows.size() == 1) {
      bindComputed(h.createUpdate(sql), rows.get(0)).execute();
    } else if (!rows.isEmpty()) {
      PreparedBatch batch = h.prepareBatch(sql);
      for (StoredObligation o : rows) {
        bindComputed(batch, o).add();
      }
      batch.execute();
    }
  }

  void delete(Handle h, StoredObligation o) {
    bindKey(h.createUpdate("DELETE FROM tmc_obligation" + WHERE_ONE), o).execute();
  }

  /** Records the reminder run's progress on one obligation. */
  void progress(Handle h, StoredObligation o) {
    bindKey(
            h.createUpdate(
                "UPDATE tmc_obligation SET status = :status, next_action_at = :next,"
                    + " due_soon_done = :dueSoon, holding_done = :holdingDone,"
                    + " overdue_done = :overdue, escalation_done = :escalation"
                    + WHERE_ONE),
            o)
        .bind("status", o.status().name())
        .bind("next", o.nextActionAt())
        .bind("dueSoon", o.flags().dueSoon())
        .bind("holdingDone", o.flags().holding())
        .bind("overdue", o.flags().overdue())
        .bind("escalation", o.flags().escalation())
        .execute();
  }

  /**
   * Locks up to {@code limit} obligations of the force whose next action has come, skipping any
   * another node holds, so several nodes can run reminders at once.
   */
  List<StoredObligation> claimDue(Handle h, String force, Instant now, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE o.force_slug = :f AND o.next_action_at <= :now"
                + " ORDER BY o.next_action_at FETCH FIRST :limit ROWS ONLY"
                + " FOR UPDATE SKIP LOCKED")
        .bind("f", force)
        .bind("now", now)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /**
   * Owed obligations meeting {@code dueCondition}, soonest due first. One ordered index range scan
   * per open status, each stopping at the limit, rather than one scan of every owed row to sort:
   * with a million open crimes, a quarter of them fall due in any week.
   */
  private static String openSoonestFirst(String dueCondition) {
    String order = " ORDER BY due_at, crime_ref, victim_ref, obligation_key";
    // force_slug and status are fixed within a branch; naming them in its ORDER BY lets H2 read
    // tmc_obligation_due in order (it uses an index for sorting only from its first column)
    String branch =
        "(SELECT "
            + NAMES
            + " FROM tmc_obligation WHERE force_slug = :f AND status = 'STATUS' AND "
            + dueCondition
            + " ORDER BY force_slug, status, due_at, crime_ref, victim_ref, obligation_key"
            + " FETCH FIRST :limit ROWS ONLY)";
    return "SELECT * FROM ("
        + branch.replace("STATUS", Obligation.Status.PENDING.name())
        + " UNION ALL "
        + branch.replace("STATUS", Obligation.Status.OVERDUE.name())
        + ") o"
        + order
        + " FETCH FIRST :limit ROWS ONLY";
  }

  /** Owed and due from {@code from} (inclusive) to {@code to} (inclusive), soonest first. */
  List<StoredObligation> openDueBetween(
      Handle h, String force, Instant from, Instant to, int limit) {
    return h.createQuery(openSoonestFirst("due_at >= :from AND due_at <= :to"))
        .bind("f", force)
        .bind("from", from)
        .bind("to", to)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Owed and due before {@code before}, earliest first. */
  List<StoredObligation> openDueBefore(Handle h, String force, Instant before, int limit) {
    return h.createQuery(openSoonestFirst("due_at < :before"))
        .bind("f", force)
        .bind("before", before)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Owed on the officer's crimes, soonest due first, at most {@code limit}. */
  List<StoredObligation> openForOfficer(Handle h, String force, String officerRef, int limit) {
    return h.createQuery(
            SELECT
                + " WHERE o.force_slug = :f AND o.officer_ref = :officer AND o.status IN "
                + OPEN
                + " ORDER BY o.due_at, o.crime_ref, o.victim_ref, o.obligation_key"
                + " FETCH FIRST :limit ROWS ONLY")
        .bind("f", force)
        .bind("officer", officerRef)
        .bind("limit", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** The officers of a unit, as they are now. */
  List<String> unitOfficers(Handle h, String force, String unit) {
    return h.createQuery(
            "SELECT officer_ref FROM tmc_officer WHERE force_slug = :f AND unit = :unit"
                + " ORDER BY officer_ref")
        .bind("f", force)
        .bind("unit", unit)
        .mapTo(String.class)
        .list();
  }

  /** Every obligation due from {@code from} (inclusive) to {@code to} (exclusive), streamed. */
  void complianceFacts(
      Handle h, String force, Instant from, Instant to, Consumer<ComplianceFacts> each) {
    h.createQuery(
            "SELECT o.officer_ref, u.unit, o.kind, o.decision, o.status, o.met_by_holding,"
                + " o.due_at, o.met_at FROM tmc_obligation o"
                + " LEFT JOIN tmc_officer u ON u.force_slug = o.force_slug"
                + " AND u.officer_ref = o.officer_ref"
                + " WHERE o.force_slug = :f AND o.due_at >= :from AND o.due_at < :to")
        .bind("f", force)
        .bind("from", from)
        .bind("to", to)
        .setFetchSize(1000)
        .map(
            (rs, ctx) ->
                new ComplianceFacts(
                    rs.getString("officer_ref"),
                    rs.getString("unit"),
                    Obligation.Kind.valueOf(rs.getString("kind")),
                    decision(rs.getString("decision")),
                    Obligation.Status.valueOf(rs.getString("status")),
                    rs.getBoolean("met_by_holding"),
                    Db.instant(rs, "due_at"),
                    Db.instant(rs, "met_at")))
        .forEach(each);
  }

  /** Cancels the staff notices of an obligation that are still waiting to be sent. */
  int cancelNotices(Handle h, StoredObligation o, Instant now) {
    return bindKey(
            h.createUpdate(
                "UPDATE tmc_outbox SET status = :cancelled, updated_at = :now"
                    + " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v"
                    + " AND obligation_key = :k AND status = :pending"),
            o)
        .bind("cancelled", OutboxMessage.Status.CANCELLED.name())
        .bind("pending", OutboxMessage.Status.PENDING.name())
        .bind("now", now)
        .execute();
  }

  /** Writes a staff notice unless one with the same key exists; true when written. */
  boolean addNotice(
      Handle h, StoredObligation o, String kind, String officerRef, String unit, Instant now) {
    String key = noticeKey(kind, o);
    int exists =
        h.createQuery(
                "SELECT COUNT(*) FROM tmc_outbox WHERE force_slug = :f AND idempotency_key = :key")
            .bind("f", o.force())
            .bind("key", key)
            .mapTo(Integer.class)
            .one();
    if (exists > 0) {
      return false;
    }
    h.createUpdate(
            "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                + " victim_ref, status, created_at, updated_at, officer_ref, unit, obligation_key)"
                + " VALUES (:f, :key, :kind, :c, :v, :pending, :now, :now, :officer, :unit, :k)")
        .bind("f", o.force())
        .bind("key", key)
        .bind("kind", kind)
        .bind("c", o.crimeReference())
        .bind("v", o.victimRef())
        .bind("pending", OutboxMessage.Status.PENDING.name())
        .bind("now", now)
        .bind("officer", officerRef)
        .bind("unit", unit)
        .bind("k", o.obligationKey())
        .execute();
    return true;
  }

  /** One notice of each kind per obligation, ever. */
  static String noticeKey(String kind, StoredObligation o) {
    return String.join("|", kind, o.force(), o.crimeReference(), o.victimRef(), o.obligationKey());
  }

  private static <S extends SqlStatement<S>> S bindKey(S u, StoredObligation o) {
    return u.bind("f", o.force())
        .bind("c", o.crimeReference())
        .bind("v", o.victimRef())
        .bind("k", o.obligationKey());
  }

  private static <S extends SqlStatement<S>> S bindComputed(S u, StoredObligation o) {
    return bindKey(u, o)
        .bind("kind", o.kind().name())
        .bind("decision", o.decision() == null ? null : o.decision().name())
        .bind("starts", o.startsAt())
        .bind("due", o.dueAt())
        .bind("dueDate", o.dueDate())
        .bind("status", o.status().name())
        .bind("met", o.metAt())
        .bind("holding", o.holding())
        .bind("explanation", o.explanation())
        .bind("officer", o.officerRef())
        .bind("next", o.nextActionAt())
        .bind("now", o.computedAt());
  }

  private static TimelineKind decision(String name) {
    return name == null ? null : TimelineKind.valueOf(name);
  }

  private static StoredObligation map(ResultSet rs) throws SQLException {
    return new StoredObligation(
        rs.getString("force_slug"),
        rs.getString("crime_ref"),
        rs.getString("victim_ref"),
        rs.getString("obligation_key"),
        Obligation.Kind.valueOf(rs.getString("kind")),
        decision(rs.getString("decision")),
        Db.instant(rs, "starts_at"),
        Db.instant(rs, "due_at"),
        rs.getObject("due_date", LocalDate.class),
        Obligation.Status.valueOf(rs.getString("status")),
        Db.instant(rs, "met_at"),
        rs.getBoolean("met_by_holding"),
        rs.getString("explanation"),
        rs.getString("officer_ref"),
        Db.instant(rs, "next_action_at"),
        new StoredObligation.Flags(
            rs.getBoolean("due_soon_done"),
            rs.getBoolean("holding_done"),
            rs.getBoolean("overdue_done"),
            rs.getBoolean("escalation_done")),
        Db.instant(rs, "computed_at"));
  }
}
