package org.trackmycrime.core.internal.ingest;

import java.time.Clock;
import java.util.List;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RejectedEvent;
import org.trackmycrime.core.ingest.RejectedEvents;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.store.AuditTrail;

/** The rejected list kept by the ingest, for operators. */
final class RejectedList implements RejectedEvents {
  /** Audit rows need a force; an event whose force could not be read is audited under this one. */
  static final String UNKNOWN_FORCE = "unknown-force";

  private static final String COLUMNS =
      "id, received_at, origin, source, event_id, force_slug, problems, status";

  private final Db db;
  private final Clock clock;
  private final IngestEngine engine;
  private final AuditTrail audit;

  RejectedList(Db db, Clock clock, IngestEngine engine, AuditTrail audit) {
    this.db = db;
    this.clock = clock;
    this.engine = engine;
    this.audit = audit;
  }

  @Override
  public List<RejectedEvent> list(
      String force, RejectedEvent.Status status, int offset, int limit) {
    String where =
        " WHERE 1 = 1"
            + (force == null ? "" : " AND force_slug = :force")
            + (status == null ? "" : " AND status = :status");
    return db.with(
        "list rejected events",
        h -> {
          var q =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM tmc_rejected_event"
                          + where
                          + " ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                  .bind("offset", offset)
                  .bind("limit", limit);
          if (force != null) {
            q.bind("force", force);
          }
          if (status != null) {
            q.bind("status", status.name());
          }
          return q.map(
                  (rs, ctx) ->
                      new RejectedEvent(
                          rs.getLong("id"),
                          Db.instant(rs, "received_at"),
                          rs.getString("origin"),
                          rs.getString("source"),
                          rs.getString("event_id"),
                          rs.getString("force_slug"),
                          IngestEngine.problems(rs.getString("problems")),
                          RejectedEvent.Status.valueOf(rs.getString("status"))))
              .list();
        });
  }

  @Override
  public String rawText(long id, Actor operator) {
    return db.inTransaction(
        "read rejected event",
        h -> {
          Row row = row(h, id);
          audit(row, operator, AuditAction.CONSULTATION, "rejected event read");
          return row.raw();
        });
  }

  @Override
  public IngestOutcome replay(long id, String correctedJson, Actor operator) {
    return db.inTransaction(
        "replay rejected event",
        h -> {
          Row row = row(h, id);
          if (!row.status().equals(RejectedEvent.Status.OPEN.name())) {
            throw ValidationException.of(
                "id", "rejected event " + id + " is " + row.status() + ", not OPEN");
          }
          String text = correctedJson == null ? row.raw() : correctedJson;
          IngestOutcome outcome =
              engine
                  .apply(List.of(new RawEvent(text, row.origin())), IngestEngine.Mode.LIVE)
                  .get(0);
          if (outcome.status() == IngestStatus.REJECTED) {
            // keep one row per rejected event: the replay's problems replace the old ones
            h.createUpdate("DELETE FROM tmc_rejected_event WHERE id = :id")
                .bind("id", outcome.rejectedId())
                .execute();
            h.createUpdate(
                    "UPDATE tmc_rejected_event SET raw_text = :raw, problems = :p WHERE id = :id")
                .bind("raw", text)
                .bind("p", IngestEngine.describe(outcome.problems()))
                .bind("id", id)
                .execute();
            return new IngestOutcome(
                outcome.status(),
                outcome.origin(),
                outcome.source(),
                outcome.eventId(),
                outcome.problems(),
                id);
          }
          resolve(h, id, RejectedEvent.Status.REPLAYED, operator);
          audit(row, operator, AuditAction.ALTERATION, "rejected event replayed");
          return outcome;
        });
  }

  @Override
  public void discard(long id, Actor operator, String reason) {
    db.useTransaction(
        "discard rejected event",
        h -> {
          Row row = row(h, id);
          resolve(h, id, RejectedEvent.Status.DISCARDED, operator);
          audit(row, operator, AuditAction.ERASURE, "rejected event discarded");
        });
  }

  private void resolve(org.jdbi.v3.core.Handle h, long id, RejectedEvent.Status status, Actor who) {
    h.createUpdate(
            "UPDATE tmc_rejected_event SET status = :s, resolved_at = :now, resolved_by = :by"
                + " WHERE id = :id")
        .bind("s", status.name())
        .bind("now", clock.instant())
        .bind("by", who.toString())
        .bind("id", id)
        .execute();
  }

  private record Row(String force, String origin, String raw, String status, String eventId) {}

  private Row row(org.jdbi.v3.core.Handle h, long id) {
    return h.createQuery(
            "SELECT force_slug, origin, raw_text, status, event_id FROM tmc_rejected_event WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .findOne()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No such rejected event",
                    java.util.Map.of(TrackMyCrimeException.EVENT_ID, String.valueOf(id))));
  }

  private void audit(Row row, Actor who, AuditAction action, String detail) {
    audit.record(
        new AuditEvent(
            row.force() == null ? UNKNOWN_FORCE : row.force(),
            clock.instant(),
            who,
            action,
            "rejected-event",
            row.eventId() == null ? "unknown" : row.eventId(),
            null,
            detail));
  }
}
