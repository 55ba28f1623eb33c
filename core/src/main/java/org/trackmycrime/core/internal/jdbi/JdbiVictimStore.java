package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.EnhancedReason;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.store.VictimStore;

public final class JdbiVictimStore implements VictimStore {
  private static final String COLUMNS =
      "force_slug, crime_ref, victim_ref, given_name, family_name, email, mobile, lang, enhanced,"
          + " enhanced_reasons, update_frequency_days, unreachable_channels, consent, risk";
  private static final String UPDATE =
      "UPDATE tmc_victim SET given_name = :given, family_name = :family, email = :email,"
          + " mobile = :mobile, lang = :lang, enhanced = :enhanced, enhanced_reasons = :reasons,"
          + " update_frequency_days = :frequency, unreachable_channels = :unreachable,"
          + " consent = :consent, risk = :risk"
          + " WHERE force_slug = :force AND crime_ref = :ref AND victim_ref = :victim";
  private static final String INSERT =
      "INSERT INTO tmc_victim ("
          + COLUMNS
          + ") VALUES (:force, :ref, :victim, :given, :family, :email, :mobile, :lang, :enhanced,"
          + " :reasons, :frequency, :unreachable, :consent, :risk)";
  // a victim's own choice of language or update interval (tmc_victim_preference, written by the
  // portal) overrides the records system's on every read, so later record events do not undo it
  private static final String READ_COLUMNS =
      "SELECT v.force_slug, v.crime_ref, v.victim_ref, v.given_name, v.family_name, v.email,"
          + " v.mobile, COALESCE(p.lang, v.lang) AS lang, v.enhanced, v.enhanced_reasons,"
          + " COALESCE(p.update_frequency_days, v.update_frequency_days) AS update_frequency_days,"
          + " v.unreachable_channels, v.consent, v.risk";
  private static final String WITH_PREFERENCE =
      " LEFT JOIN tmc_victim_preference p ON p.force_slug = v.force_slug"
          + " AND p.crime_ref = v.crime_ref AND p.victim_ref = v.victim_ref";
  private static final String READ = READ_COLUMNS + " FROM tmc_victim v" + WITH_PREFERENCE;
  private static final String LIST =
      READ + " WHERE v.force_slug = :force AND v.crime_ref = :ref ORDER BY v.victim_ref";
  private static final String HISTORY_COLUMNS =
      "victim_ref, seq, enrolment_action, effective_at, actor, reason, reason_codes, event_key";
  private static final String INSERT_HISTORY =
      "INSERT INTO tmc_enrolment_history (force_slug, crime_ref, "
          + HISTORY_COLUMNS
          + ") VALUES (:force, :ref, :victim, :seq, :action, :at, :actor, :reason, :codes, :eventKey)";

  /** A victim of a force: the crime and the victim's reference on it. Not API. */
  public record Key(String crimeRef, String victimRef) {}

  /**
   * The keys as a table to join on, {@code (VALUES ...) AS k (key_crime, key_victim)}, with {@link
   * #bindKeys}. Both databases answer such a join from the primary key, one look-up per key; for
   * {@code crime_ref IN (...) AND victim_ref IN (...)} H2 uses only the key's first column and
   * reads every row of the force. Not API.
   */
  public static String keysTable(int keys) {
    StringBuilder b = new StringBuilder("(VALUES ");
    for (int i = 0; i < keys; i++) {
      b.append(i == 0 ? "" : ", ")
          .append("(CAST(:kc")
          .append(i)
          .append(" AS VARCHAR(64)), CAST(:kv")
          .append(i)
          .append(" AS VARCHAR(64)))");
    }
    return b.append(") AS k (key_crime, key_victim)").toString();
  }

  /** Binds the keys of {@link #keysTable}, in the same order. Not API. */
  public static <S extends SqlStatement<S>> S bindKeys(S statement, List<Key> keys) {
    for (int i = 0; i < keys.size(); i++) {
      statement.bind("kc" + i, keys.get(i).crimeRef()).bind("kv" + i, keys.get(i).victimRef());
    }
    return statement;
  }

  private final Db db;

  public JdbiVictimStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(Victim v) {
    db.useTransaction(
        "save victim",
        h -> {
          Db.upsert(h, UPDATE, INSERT, u -> bind(u, v));
          Key key = new Key(v.crimeReference(), v.victimRef());
          append(h, v, history(h, v.force(), List.of(key)).getOrDefault(key, List.of()));
        });
  }

  /**
   * Saves a victim whose stored state the caller read in this transaction ({@code stored}, null
   * when there is no row): the same as {@link #save(Victim)} without reading the row and its
   * history back. For the ingest, which keeps each crime's victims for a batch. Not API.
   */
  public void save(Victim stored, Victim v) {
    db.useTransaction(
        "save victim",
        h -> {
          bind(h.createUpdate(stored == null ? INSERT : UPDATE), v).execute();
          append(h, v, stored == null ? List.of() : stored.enrolment().history());
        });
  }

  private static Update bind(Update u, Victim v) {
    Enrolment.State state = v.enrolment().state();
    return u.bind("force", v.force())
        .bind("ref", v.crimeReference())
        .bind("victim", v.victimRef())
        .bind("given", v.givenName())
        .bind("family", v.familyName())
        .bind("email", v.email())
        .bind("mobile", v.mobile())
        .bind("lang", v.language().code())
        .bind("enhanced", v.enhanced())
        .bind("reasons", Db.enumSet(v.enhancedReasons()))
        .bind("frequency", v.updateFrequencyDays())
        .bind("unreachable", Db.enumSet(v.unreachableChannels()))
        .bind("consent", state.consent().name())
        .bind("risk", state.risk().name());
  }

  /** History is append-only: stores the transitions {@code stored} (the stored history) lacks. */
  private static void append(Handle h, Victim v, List<EnrolmentTransition> stored) {
    List<EnrolmentTransition> remaining = new ArrayList<>(stored);
    int seq = stored.size();
    for (EnrolmentTransition t : v.enrolment().history()) {
      if (!remaining.remove(t)) {
        h.createUpdate(INSERT_HISTORY)
            .bind("force", v.force())
            .bind("ref", v.crimeReference())
            .bind("victim", v.victimRef())
            .bind("seq", seq++)
            .bind("action", t.action().name())
            .bind("at", t.at())
            .bind("actor", t.actor().toString())
            .bind("reason", t.reason())
            .bind("codes", String.join("\n", t.reasonCodes()))
            .bind("eventKey", t.eventKey())
            .execute();
      }
    }
  }

  @Override
  public Optional<Victim> find(String force, String crimeReference, String victimRef) {
    Key key = new Key(crimeReference, victimRef);
    return Optional.ofNullable(findAll(force, Set.of(key)).get(key));
  }

  /**
   * Several victims of one force, each with its enrolment history, in two reads (one for the
   * victims of the keys' crimes, one for their history): what {@link #find} gives for each key,
   * without the keys that have no victim. For the dispatcher, which reads the victims of a whole
   * claim at once. Not API.
   */
  public Map<Key, Victim> findAll(String force, Collection<Key> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<Key> wanted = List.copyOf(new LinkedHashSet<>(keys));
    return db.with(
        "find victims",
        h -> {
          Map<Key, VictimRow> rows = new LinkedHashMap<>();
          bindKeys(
                  h.createQuery(
                      READ_COLUMNS
                          + " FROM "
                          + keysTable(wanted.size())
                          + " JOIN tmc_victim v ON v.force_slug = :force"
                          + " AND v.crime_ref = k.key_crime AND v.victim_ref = k.key_victim"
                          + WITH_PREFERENCE),
                  wanted)
              .bind("force", force)
              .map((rs, ctx) -> new VictimRow(rs))
              .forEach(r -> rows.put(new Key(r.crimeRef, r.victimRef), r));
          Map<Key, Victim> found = new HashMap<>();
          if (rows.isEmpty()) {
            return found;
          }
          Map<Key, List<EnrolmentTransition>> history =
              history(h, force, List.copyOf(rows.keySet()));
          rows.forEach((k, r) -> found.put(k, r.toVictim(history.getOrDefault(k, List.of()))));
          return found;
        });
  }

  @Override
  public List<Victim> listForCrime(String force, String crimeReference) {
    return db.with(
        "list victims",
        h -> {
          List<VictimRow> rows =
              h.createQuery(LIST)
                  .bind("force", force)
                  .bind("ref", crimeReference)
                  .map((rs, ctx) -> new VictimRow(rs))
                  .list();
          if (rows.isEmpty()) {
            return List.<Victim>of();
          }
          Map<Key, List<EnrolmentTransition>> history =
              history(
                  h,
                  force,
                  rows.stream().map(r -> new Key(r.crimeRef, r.victimRef)).distinct().toList());
          return rows.stream()
              .map(
                  r ->
                      r.toVictim(history.getOrDefault(new Key(r.crimeRef, r.victimRef), List.of())))
              .toList();
        });
  }

  /** The enrolment history of these victims of a force, each in order. */
  private static Map<Key, List<EnrolmentTransition>> history(
      Handle h, String force, List<Key> keys) {
    Map<Key, List<EnrolmentTransition>> byVictim = new LinkedHashMap<>();
    bindKeys(
            h.createQuery(
                "SELECT e.victim_ref, e.seq, e.enrolment_action, e.effective_at, e.actor,"
                    + " e.reason, e.reason_codes, e.event_key, e.crime_ref FROM "
                    + keysTable(keys.size())
                    + " JOIN tmc_enrolment_history e ON e.force_slug = :force"
                    + " AND e.crime_ref = k.key_crime AND e.victim_ref = k.key_victim"
                    + " ORDER BY e.crime_ref, e.victim_ref, e.seq"),
            keys)
        .bind("force", force)
        .map(
            (rs, ctx) -> {
              String codes = rs.getString("reason_codes");
              EnrolmentTransition t =
                  new EnrolmentTransition(
                      EnrolmentAction.valueOf(rs.getString("enrolment_action")),
                      Db.instant(rs, "effective_at"),
                      Actor.parse(rs.getString("actor")),
                      rs.getString("reason"),
                      codes.isEmpty() ? List.of() : Arrays.asList(codes.split("\n")),
                      rs.getString("event_key"));
              return Map.entry(new Key(rs.getString("crime_ref"), rs.getString("victim_ref")), t);
            })
        .forEach(
            e -> byVictim.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byVictim;
  }

  /** One row of tmc_victim, read before its history is attached. */
  private static final class VictimRow {
    final Victim.Builder builder;
    final String crimeRef;
    final String victimRef;

    VictimRow(ResultSet rs) throws SQLException {
      crimeRef = rs.getString("crime_ref");
      victimRef = rs.getString("victim_ref");
      builder =
          Victim.builder(rs.getString("force_slug"), crimeRef, victimRef)
              .name(rs.getString("given_name"), rs.getString("family_name"))
              .email(rs.getString("email"))
              .mobile(rs.getString("mobile"))
              .language(Language.ofCode(rs.getString("lang")))
              .enhanced(
                  rs.getBoolean("enhanced"),
                  Db.enumSet(rs.getString("enhanced_reasons"), EnhancedReason.class))
              .updateFrequencyDays(rs.getObject("update_frequency_days", Integer.class))
              .unreachableChannels(Db.enumSet(rs.getString("unreachable_channels"), Channel.class));
    }

    Victim toVictim(List<EnrolmentTransition> history) {
      return builder.enrolment(new Enrolment(history)).build();
    }
  }
}
