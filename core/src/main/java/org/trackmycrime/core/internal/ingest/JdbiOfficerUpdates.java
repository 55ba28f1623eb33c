package org.trackmycrime.core.internal.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.CrimeStore;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.VictimTexts;
import org.trackmycrime.core.updates.OfficerUpdates;

/**
 * {@link OfficerUpdates} on the ingest's own pieces: the names it keeps for a crime, its renderer's
 * depersonaliser, the holding-update publication path (entry plus alert reconciliation) and the
 * listener that keeps the cadence index in step.
 */
public final class JdbiOfficerUpdates implements OfficerUpdates {
  private final IngestStore store = new IngestStore();
  private final Db db;
  private final Clock clock;
  private final CrimeStore crimes;
  private final AuditTrail audit;
  private final HoldingUpdates publisher;
  private final IngestListener listener;
  private final TimelineRenderer renderer;

  public JdbiOfficerUpdates(
      Db db,
      Clock clock,
      CrimeStore crimes,
      AuditTrail audit,
      HoldingUpdates publisher,
      IngestListener listener) {
    this.db = db;
    this.clock = clock;
    this.crimes = crimes;
    this.audit = audit;
    this.publisher = publisher;
    this.listener = listener;
    this.renderer = new TimelineRenderer(clock);
  }

  @Override
  public Depersonalised preview(String force, String crimeReference, String text) {
    String stripped = check(text);
    return db.inTransaction(
        "officer update preview", h -> depersonalise(h, force, crimeReference, stripped));
  }

  @Override
  public TimelineEntry publish(String force, String crimeReference, String text, Actor by) {
    String stripped = check(text);
    new Checks().notNull("by", by).throwIfAny();
    return db.inTransaction(
        "officer update",
        h -> {
          Depersonalised d = depersonalise(h, force, crimeReference, stripped);
          Instant now = clock.instant();
          TimelineEntry entry =
              new TimelineEntry(
                  force,
                  crimeReference,
                  "update:" + UUID.randomUUID(),
                  TimelineKind.OFFICER_UPDATE,
                  VictimTexts.officerUpdate(d.text()),
                  now,
                  now);
          publisher.publish(h, entry);
          listener.eventApplied(h, force, crimeReference, now, false);
          audit.record(
              new AuditEvent(
                  force,
                  now,
                  by,
                  AuditAction.COLLECTION,
                  "timeline",
                  entry.entryKey(),
                  crimeReference,
                  "OFFICER_UPDATE"));
          return entry;
        });
  }

  private Depersonalised depersonalise(Handle h, String force, String crimeReference, String text) {
    if (crimes.find(force, crimeReference).isEmpty()) {
      throw new NotFoundException(
          "No such crime in this force",
          Map.of(
              TrackMyCrimeException.FORCE,
              String.valueOf(force),
              TrackMyCrimeException.CRIME_REFERENCE,
              String.valueOf(crimeReference)));
    }
    List<TimelineRenderer.KnownPerson> people = store.people(h, force, crimeReference);
    return renderer.depersonaliseWithSpans(text, people);
  }

  private static String check(String text) {
    new Checks().text("text", text == null ? null : text.strip(), MAX_LENGTH).throwIfAny();
    return text.strip();
  }
}
