package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.outbox.OutboxMessage;

/**
 * The ingest's own SQL: idempotency, parking, rejection, last-writer-wins keys, names for
 * depersonalising, timeline rows with their source, and outbox intents. Every method runs on the
 * caller's handle, inside the caller's transaction.
 */
final class IngestStore {
  static final String APPLIED = "APPLIED";
  static final String PARKED = "PARKED";

  /** The last-writer-wins keys of a crime's state fields (null: never written by an event). */
  record CrimeKeys(String recorded, String status, String outcome, String officer) {}

  record VictimKeys(String details, String email, String mobile, String lang) {}

  record ParkedRow(String source, String eventId, String origin, String rawJson) {}

  /** A timeline entry rendered from free text: its source event and its text as stored. */
  record SourcedEntry(String entryKey, String sourceEvent, String textEn, String textCy) {}

  record EligibleEntry(String entryKey, Instant occurredAt) {}

  /** A property item described in free text: the source text and the description as stored. */
  record SourcedItem(String itemRef, String sourceDescription, String description) {}

  boolean forceExists(Handle h, String force) {
    return h.createQuery("SELECT COUNT(*) FROM tmc_force WHERE force_slug = :f")
            .bind("f", force)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Which of these event ids of the source were ingested before (applied or parked). */
  List<String> alreadyIngested(Handle h, String source, List<String> eventIds) {
    List<String> found = new ArrayList<>();
    for (int from = 0; from < eventIds.size(); from += 500) {
      List<String> part = eventIds.subList(from, Math.min(eventIds.size(), from + 500));
      // pairs, not "source = :s AND event_id IN (...)": H2 would use only the key's first column
      // and scan every event of the source, which grows with the table
      StringBuilder pairs = new StringBuilder();
      for (int i = 0; i < part.size(); i++) {
        pairs.append(i == 0 ? "" : ", ").append("(:s, :e").append(i).append(')');
      }
      org.jdbi.v3.core.statement.Query q =
          h.createQuery(
                  "SELECT event_id FROM tmc_ingested_event WHERE (source, event_id) IN ("
                      + pairs
                      + ")")
              .bind("s", source);
      for (int i = 0; i < part.size(); i++) {
        q.bind("e" + i, part.get(i));
      }
      found.addAll(q.mapTo(String.class).list());
    }
    return found;
  }

  /** An event to record as ingested, and in which state. */
  record Ingested(RecordEvent event, String state) {}

  /** Records events as ingested, as one JDBC batch. */
  void recordIngested(Handle h, java.util.Collection<Ingested> rows, Instant now) {
    if (rows.isEmpty()) {
      return;
    }
    org.jdbi.v3.core.statement.PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO tmc_ingested_event (source, event_id, force_slug, crime_ref,"
                + " ingest_state, received_at) VALUES (:s, :e, :f, :c, :state, :now)");
    for (Ingested row : rows) {
      RecordEvent e = row.event();
      batch
          .bind("s", e.source())
          .bind("e", e.eventId())
          .bind("f", e.force())
          .bind("c", e.crimeReference())
          .bind("state", row.state())
          .bind("now", now)
          .add();
    }
    batch.execute();
  }

  void markApplied(Handle h, String source, String eventId) {
    h.createUpdate(
            "UPDATE tmc_ingested_event SET ingest_state = :state WHERE source = :s AND event_id = :e")
        .bind("state", APPLIED)
        .bind("s", source)
        .bind("e", eventId)
        .execute();
  }

  void forgetIngested(Handle h, String source, String eventId) {
    h.createUpdate("DELETE FROM tmc_ingested_event WHERE source = :s AND event_id = :e")
        .bind("s", source)
        .bind("e", eventId)
        .execute();
  }

  void park(Handle h, RecordEvent e, String rawJson, String origin, Instant now) {
    h.createUpdate(
            "INSERT INTO tmc_parked_event (source, event_id, force_slug, crime_ref, order_key,"
                + " origin, raw_json, parked_at) VALUES (:s, :e, :f, :c, :k, :o, :raw, :now)")
        .bind("s", e.source())
        .bind("e", e.eventId())
        .bind("f", e.force())
        .bind("c", e.crimeReference())
        .bind("k", e.orderKey())
        .bind("o", origin)
        .bind("raw", rawJson)
        .bind("now", now)
        .execute();
  }

  /** The crime's parked events in the contract's order. */
  List<ParkedRow> parkedFor(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT source, event_id, origin, raw_json FROM tmc_parked_event"
                + " WHERE force_slug = :f AND crime_ref = :c ORDER BY order_key")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) ->
                new ParkedRow(
                    rs.getString("source"),
                    rs.getString("event_id"),
                    rs.getString("origin"),
                    rs.getString("raw_json")))
        .list();
  }

  void unpark(Handle h, String source, String eventId) {
    h.createUpdate("DELETE FROM tmc_parked_event WHERE source = :s AND event_id = :e")
        .bind("s", source)
        .bind("e", eventId)
        .execute();
  }

  long reject(
      Handle h,
      Instant now,
      String origin,
      String source,
      String eventId,
      String force,
      String raw,
      String problems) {
    return h.createUpdate(
            "INSERT INTO tmc_rejected_event (received_at, origin, source, event_id, force_slug,"
                + " raw_text, problems, status) VALUES (:now, :o, :s, :e, :f, :raw, :p, 'OPEN')")
        .bind("now", now)
        .bind("o", clip(origin, 500))
        .bind("s", source)
        .bind("e", eventId)
        .bind("f", force)
        .bind("raw", clip(raw, EventParser.MAX_DOCUMENT_CHARS))
        .bind("p", clip(problems, 20000))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  Optional<CrimeKeys> crimeKeys(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT recorded_key, status_key, outcome_key, officer_key FROM tmc_crime"
                + " WHERE force_slug = :f AND crime_ref = :c")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) ->
                new CrimeKeys(
                    rs.getString("recorded_key"),
                    rs.getString("status_key"),
                    rs.getString("outcome_key"),
                    rs.getString("officer_key")))
        .findOne();
  }

  /**
   * Writes the crime's keys, and whether its outcome is final when {@code finalised} is not null
   * (null leaves it as stored).
   */
  void setCrimeKeys(Handle h, String force, String crimeRef, CrimeKeys k, Boolean finalised) {
    org.jdbi.v3.core.statement.Update update =
        h.createUpdate(
            "UPDATE tmc_crime SET recorded_key = :r, status_key = :s, outcome_key = :o,"
                + " officer_key = :of"
                + (finalised == null ? "" : ", outcome_finalised = :fin")
                + " WHERE force_slug = :f AND crime_ref = :c");
    if (finalised != null) {
      update.bind("fin", finalised);
    }
    update
        .bind("r", k.recorded())
        .bind("s", k.status())
        .bind("o", k.outcome())
        .bind("of", k.officer())
        .bind("f", force)
        .bind("c", crimeRef)
        .execute();
  }

  Optional<VictimKeys> victimKeys(Handle h, String force, String crimeRef, String victimRef) {
    return h.createQuery(
            "SELECT details_key, email_key, mobile_key, lang_key FROM tmc_victim"
                + " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .map(
            (rs, ctx) ->
                new VictimKeys(
                    rs.getString("details_key"),
                    rs.getString("email_key"),
                    rs.getString("mobile_key"),
                    rs.getString("lang_key")))
        .findOne();
  }

  void setVictimKeys(Handle h, String force, String crimeRef, String victimRef, VictimKeys k) {
    h.createUpdate(
            "UPDATE tmc_victim SET details_key = :d, email_key = :e, mobile_key = :m, lang_key = :l"
                + " WHERE force_slug = :f AND crime_ref = :c AND victim_ref = :v")
        .bind("d", k.details())
        .bind("e", k.email())
        .bind("m", k.mobile())
        .bind("l", k.lang())
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .execute();
  }

  /** The officer's key, "" when the officer exists without one, empty when there is none. */
  Optional<String> officerKey(Handle h, String force, String officerRef) {
    return h.createQuery(
            "SELECT details_key FROM tmc_officer WHERE force_slug = :f AND officer_ref = :o")
        .bind("f", force)
        .bind("o", officerRef)
        .map((rs, ctx) -> rs.getString(1) == null ? "" : rs.getString(1))
        .findOne();
  }

  void setOfficerKey(Handle h, String force, String officerRef, String key) {
    h.createUpdate(
            "UPDATE tmc_officer SET details_key = :k WHERE force_slug = :f AND officer_ref = :o")
        .bind("k", key)
        .bind("f", force)
        .bind("o", officerRef)
        .execute();
  }

  /** The item's key, "" when the item exists without one, empty when there is no item. */
  Optional<String> itemKey(Handle h, String force, String crimeRef, String itemRef) {
    return h.createQuery(
            "SELECT item_key FROM tmc_property_item"
                + " WHERE force_slug = :f AND crime_ref = :c AND item_ref = :i")
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("i", itemRef)
        .map((rs, ctx) -> rs.getString(1) == null ? "" : rs.getString(1))
        .findOne();
  }

  void setItemSource(
      Handle h, String force, String crimeRef, String itemRef, String key, String sourceText) {
    h.createUpdate(
            "UPDATE tmc_property_item SET item_key = :k, source_description = :d"
                + " WHERE force_slug = :f AND crime_ref = :c AND item_ref = :i")
        .bind("k", key)
        .bind("d", sourceText)
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("i", itemRef)
        .execute();
  }

  List<SourcedItem> itemSources(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT item_ref, source_description, description FROM tmc_property_item"
                + " WHERE force_slug = :f AND crime_ref = :c AND source_description IS NOT NULL")
        .bind("f", force)
        .bind("c", crimeRef)
        .map((rs, ctx) -> new SourcedItem(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void setItemDescription(
      Handle h, String force, String crimeRef, String itemRef, String description) {
    h.createUpdate(
            "UPDATE tmc_property_item SET description = :d"
                + " WHERE force_slug = :f AND crime_ref = :c AND item_ref = :i")
        .bind("d", description)
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("i", itemRef)
        .execute();
  }

  /** Adds names to a person; true when at least one was new. */
  boolean addNames(
      Handle h, String force, String crimeRef, String personRef, String role, List<String> names) {
    boolean added = false;
    for (String name : names) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      int exists =
          h.createQuery(
                  "SELECT COUNT(*) FROM tmc_person_name WHERE force_slug = :f AND crime_ref = :c"
                      + " AND person_ref = :p AND person_name = :n")
              .bind("f", force)
              .bind("c", crimeRef)
              .bind("p", personRef)
              .bind("n", n)
              .mapTo(Integer.class)
              .one();
      if (exists == 0) {
        h.createUpdate(
                "INSERT INTO tmc_person_name (force_slug, crime_ref, person_ref, person_role,"
                    + " person_name) VALUES (:f, :c, :p, :r, :n)")
            .bind("f", force)
            .bind("c", crimeRef)
            .bind("p", personRef)
            .bind("r", role)
            .bind("n", n)
            .execute();
        added = true;
      }
    }
    return added;
  }

  /** Every named person of the crime: role and names, by person. */
  List<TimelineRenderer.KnownPerson> people(Handle h, String force, String crimeRef) {
    Map<String, TimelineRenderer.KnownPerson> byRef = new LinkedHashMap<>();
    h.createQuery(
            "SELECT person_ref, person_role, person_name FROM tmc_person_name"
                + " WHERE force_slug = :f AND crime_ref = :c ORDER BY person_ref, person_name")
        .bind("f", force)
        .bind("c", crimeRef)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(
            row ->
                byRef
                    .computeIfAbsent(
                        row[0],
                        k ->
                            new TimelineRenderer.KnownPerson(
                                row[1].equals("WITNESS"), new ArrayList<>()))
                    .names()
                    .add(row[2]));
    return List.copyOf(byRef.values());
  }

  /** Inserts timeline entries as one JDBC batch. */
  void insertEntries(Handle h, List<PendingEntries.Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    org.jdbi.v3.core.statement.PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO tmc_timeline_entry (force_slug, crime_ref, entry_key, kind, text_en,"
                + " text_cy, occurred_at, published_at, source_event, alert_eligible) VALUES (:f,"
                + " :c, :k, :kind, :en, :cy, :occurred, :published, :src, :eligible)");
    for (PendingEntries.Row row : rows) {
      TimelineEntry e = row.entry();
      batch
          .bind("f", e.force())
          .bind("c", e.crimeReference())
          .bind("k", e.entryKey())
          .bind("kind", e.kind().name())
          .bind("en", e.text().en())
          .bind("cy", e.text().cy())
          .bind("occurred", e.occurredAt())
          .bind("published", e.publishedAt())
          .bind("src", row.sourceEvent())
          .bind("eligible", row.alertEligible())
          .add();
    }
    batch.execute();
  }

  List<SourcedEntry> sourcedEntries(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT entry_key, source_event, text_en, text_cy FROM tmc_timeline_entry"
                + " WHERE force_slug = :f AND crime_ref = :c AND source_event IS NOT NULL")
        .bind("f", force)
        .bind("c", crimeRef)
        .map(
            (rs, ctx) ->
                new SourcedEntry(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  void setEntryText(Handle h, String force, String crimeRef, String entryKey, LocalizedText t) {
    h.createUpdate(
            "UPDATE tmc_timeline_entry SET text_en = :en, text_cy = :cy"
                + " WHERE force_slug = :f AND crime_ref = :c AND entry_key = :k")
        .bind("en", t.en())
        .bind("cy", t.cy())
        .bind("f", force)
        .bind("c", crimeRef)
        .bind("k", entryKey)
        .execute();
  }

  List<EligibleEntry> eligibleEntries(Handle h, String force, String crimeRef) {
    return h.createQuery(
            "SELECT entry_key, occurred_at FROM tmc_timeline_entry"
                + " WHERE force_slug = :f AND crime_ref = :c AND alert_eligible = TRUE")
        .bind("f", force)
        .bind("c", crimeRef)
        .map((rs, ctx) -> new EligibleEntry(rs.getString(1), Db.instant(rs, 2)))
        .list();
  }

  /** Whether any victim of the crime has made their own choices (tmc_victim_preference). */
  boolean hasPreferences(Handle h, String force, String crimeRef) {
    return h.createQuery(
                "SELECT COUNT(*) FROM tmc_victim_preference WHERE force_slug = :f AND crime_ref = :c")
            .bind("f", force)
            .bind("c", crimeRef)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  Optional<String> outboxStatus(Handle h, String idempotencyKey) {
    return h.createQuery("SELECT status FROM tmc_outbox WHERE idempotency_key = :k")
        .bind("k", idempotencyKey)
        .mapTo(String.class)
        .findOne();
  }

  void insertOutbox(
      Handle h,
      String force,
      String key,
      String kind,
      String crimeRef,
      String victimRef,
      String entryKey,
      Instant now) {
    h.createUpdate(
            "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                + " victim_ref, entry_key, status, created_at, updated_at) VALUES (:f, :k, :kind,"
                + " :c, :v, :e, :status, :now, :now)")
        .bind("f", force)
        .bind("k", key)
        .bind("kind", kind)
        .bind("c", crimeRef)
        .bind("v", victimRef)
        .bind("e", entryKey)
        .bind("status", OutboxMessage.Status.PENDING.name())
        .bind("now", now)
        .execute();
  }

  void setOutboxStatus(Handle h, String key, OutboxMessage.Status status, Instant now) {
    h.createUpdate(
            "UPDATE tmc_outbox SET status = :s, updated_at = :now WHERE idempotency_key = :k")
        .bind("s", status.name())
        .bind("now", now)
        .bind("k", key)
        .execute();
  }
}
