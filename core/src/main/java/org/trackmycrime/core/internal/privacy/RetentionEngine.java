package org.trackmycrime.core.internal.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.privacy.ErasureParticipant;
import org.trackmycrime.core.privacy.Retention;
import org.trackmycrime.core.privacy.RetentionPolicy;
import org.trackmycrime.core.privacy.RetentionRun;

/**
 * The retention run: finds due crimes a chunk at a time (keyset paging by reference) and erases
 * each in its own transaction, after locking its crime row with {@code FOR UPDATE SKIP LOCKED} so
 * that two nodes never erase one crime at once. A crime is marked {@code erased_at} in the same
 * transaction, so a run that stops half-way loses nothing and repeats nothing.
 */
public final class RetentionEngine implements Retention {
  /** What an erased message body reads. */
  public static final String ERASED = "[erased]";

  private static final int CHUNK = 100;

  private static final String DUE =
      "SELECT c.crime_ref FROM tmc_crime c WHERE c.status = 'CLOSED' AND c.erased_at IS NULL"
          + " AND c.force_slug = :force AND c.crime_ref > :after AND c.reported_at < :cutoff"
          + " AND NOT EXISTS (SELECT 1 FROM tmc_timeline_entry t WHERE t.force_slug = c.force_slug"
          + " AND t.crime_ref = c.crime_ref AND (t.occurred_at >= :cutoff OR t.published_at >="
          + " :cutoff))"
          + " AND NOT EXISTS (SELECT 1 FROM tmc_victim_message m WHERE m.force_slug ="
          + " c.force_slug AND m.crime_ref = c.crime_ref AND m.updated_at >= :cutoff)"
          + " ORDER BY c.crime_ref LIMIT "
          + CHUNK;

  /** Personal data the core holds about a crime, cleared or removed; each binds :f and :c. */
  private static final List<String> ERASE =
      List.of(
          "UPDATE tmc_victim SET given_name = '', family_name = '', email = NULL, mobile = NULL"
              + " WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_enrolment_history SET reason = NULL WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_victim_message SET body = '"
              + ERASED
              + "' WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_victim_message SET property_serial = NULL, property_description = NULL"
              + " WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_message_reply SET body = '"
              + ERASED
              + "' WHERE force_slug = :f AND message_id IN (SELECT message_id FROM"
              + " tmc_victim_message WHERE force_slug = :f AND crime_ref = :c)",
          // staff notes on the messages may quote the victim
          "UPDATE tmc_message_action SET note = NULL WHERE force_slug = :f AND message_id IN"
              + " (SELECT message_id FROM tmc_victim_message WHERE force_slug = :f AND crime_ref"
              + " = :c)",
          "UPDATE tmc_timeline_entry SET source_event = NULL"
              + " WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_property_item SET source_description = NULL"
              + " WHERE force_slug = :f AND crime_ref = :c",
          "UPDATE tmc_outbox SET dispatch_params = NULL WHERE force_slug = :f AND crime_ref = :c",
          "DELETE FROM tmc_person_name WHERE force_slug = :f AND crime_ref = :c",
          "DELETE FROM tmc_parked_event WHERE force_slug = :f AND crime_ref = :c");

  private final TrackMyCrime tmc;
  private final Db db;
  private final Clock clock;
  private final RetentionPolicy policy;
  private final List<ErasureParticipant> participants;

  public RetentionEngine(
      TrackMyCrime tmc,
      Db db,
      Clock clock,
      RetentionPolicy policy,
      List<ErasureParticipant> participants) {
    this.tmc = tmc;
    this.db = db;
    this.clock = clock;
    this.policy = policy;
    this.participants = List.copyOf(participants);
  }

  @Override
  public RetentionRun run() {
    Instant now = clock.instant();
    int crimes = 0;
    int victims = 0;
    int records = 0;
    for (Force force : tmc.forces().list()) {
      Instant cutoff = now.atZone(ZoneOffset.UTC).minus(policy.periodFor(force.slug())).toInstant();
      String after = "";
      while (true) {
        String from = after;
        List<String> due =
            db.with(
                "find crimes due for erasure",
                h ->
                    h.createQuery(DUE)
                        .bind("force", force.slug())
                        .bind("after", from)
                        .bind("cutoff", cutoff)
                        .mapTo(String.class)
                        .list());
        for (String crimeRef : due) {
          Optional<int[]> done = erase(force.slug(), crimeRef, now);
          if (done.isPresent()) {
            crimes++;
            victims += done.get()[0];
            records += done.get()[1];
          }
        }
        if (due.size() < CHUNK) {
          break;
        }
        after = due.get(due.size() - 1);
      }
    }
    return new RetentionRun(now, crimes, victims, records);
  }

  /** Erases one crime; empty when another node holds it or it was erased meanwhile. */
  private Optional<int[]> erase(String force, String crimeRef, Instant now) {
    return db.inTransaction(
        "erase a crime's personal data",
        h -> {
          Optional<String> locked =
              h.createQuery(
                      "SELECT crime_ref FROM tmc_crime WHERE force_slug = :f AND crime_ref = :c"
                          + " AND status = 'CLOSED' AND erased_at IS NULL FOR UPDATE SKIP LOCKED")
                  .bind("f", force)
                  .bind("c", crimeRef)
                  .mapTo(String.class)
                  .findOne();
          if (locked.isEmpty()) {
            return Optional.empty();
          }
          List<String> victimRefs =
              h.createQuery(
                      "SELECT victim_ref FROM tmc_victim WHERE force_slug = :f AND crime_ref = :c"
                          + " ORDER BY victim_ref")
                  .bind("f", force)
                  .bind("c", crimeRef)
                  .mapTo(String.class)
                  .list();
          for (String sql : ERASE) {
            run(h, sql, force, crimeRef);
          }
          h.createUpdate(
                  "UPDATE tmc_crime SET offence_description = NULL, erased_at = :now"
                      + " WHERE force_slug = :f AND crime_ref = :c")
              .bind("now", now)
              .bind("f", force)
              .bind("c", crimeRef)
              .execute();
          int records = 0;
          StringBuilder names = new StringBuilder();
          for (ErasureParticipant p : participants) {
            records += p.erase(tmc, force, crimeRef);
            names.append(", ").append(p.name());
          }
          for (String victimRef : victimRefs) {
            tmc.audit()
                .record(
                    new AuditEvent(
                        force,
                        now,
                        Actor.system(),
                        AuditAction.ERASURE,
                        "victim",
                        victimRef,
                        crimeRef,
                        "retention: name, contact details, messages" + names,
                        AuditEvent.PURPOSE_RETENTION));
          }
          tmc.audit()
              .record(
                  new AuditEvent(
                      force,
                      now,
                      Actor.system(),
                      AuditAction.ERASURE,
                      "crime",
                      crimeRef,
                      crimeRef,
                      "retention: description, source records, other people's names",
                      AuditEvent.PURPOSE_RETENTION));
          return Optional.of(new int[] {victimRefs.size(), records});
        });
  }

  private static void run(Handle h, String sql, String force, String crimeRef) {
    h.createUpdate(sql).bind("f", force).bind("c", crimeRef).execute();
  }
}
