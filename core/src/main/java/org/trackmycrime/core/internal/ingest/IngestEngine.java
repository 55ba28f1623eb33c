package org.trackmycrime.core.internal.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.BulkReport;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.ParkedEvent;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.ingest.RejectedEvents;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiVictimStore;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.CrimeStore;
import org.trackmycrime.core.store.OfficerStore;
import org.trackmycrime.core.store.PropertyStore;

/**
 * The record-event ingest. Each event is parsed, checked, de-duplicated on {@code (source,
 * eventId)}, parked when its crime is unknown, and otherwise applied by {@link EventApplier}; the
 * whole of it commits or rolls back with the caller's batch. Logs carry source, event id and status
 * only.
 */
public final class IngestEngine implements RecordIngest {
  private static final Logger LOG = LoggerFactory.getLogger(IngestEngine.class);

  private final Db db;
  private final Clock clock;
  private final Duration alertMaxAge;
  private final EventParser parser = new EventParser();
  private final IngestStore store = new IngestStore();
  private final EventApplier applier;
  private final RejectedList rejected;
  private final IngestListener listener;

  public IngestEngine(
      Db db,
      Clock clock,
      Duration alertMaxAge,
      CrimeStore crimes,
      JdbiVictimStore victims,
      OfficerStore officers,
      PropertyStore property,
      AuditTrail audit,
      IngestListener listener) {
    this.db = db;
    this.clock = clock;
    this.alertMaxAge = alertMaxAge;
    this.applier =
        new EventApplier(
            store, crimes, victims, officers, property, audit, new TimelineRenderer(clock), parser);
    this.rejected = new RejectedList(db, clock, this, audit);
    this.listener = listener;
  }

  /** How a batch is being applied. */
  enum Mode {
    /** Live events: alert unless older than the alert age. */
    LIVE,
    /** History: record, never alert. */
    BULK
  }

  @Override
  public IngestOutcome ingest(RawEvent event) {
    return ingestAll(List.of(event)).get(0);
  }

  @Override
  public List<IngestOutcome> ingestAll(List<RawEvent> events) {
    return apply(events, Mode.LIVE);
  }

  List<IngestOutcome> apply(List<RawEvent> events, Mode mode) {
    Instant now = clock.instant();
    List<IngestOutcome> outcomes =
        db.inTransaction(
            "ingest",
            h -> {
              String savepoint = "tmc_batch";
              h.savepoint(savepoint);
              try {
                List<IngestOutcome> out = applyBatch(h, events, new Batch(mode, now, true));
                h.releaseSavepoint(savepoint);
                return out;
              } catch (RefreshFailed e) {
                // apply the batch again telling the listener after each event, so the failure
                // rejects exactly the event that caused it, as it always has
                h.rollbackToSavepoint(savepoint);
                return applyBatch(h, events, new Batch(mode, now, false));
              }
            });
    if (LOG.isDebugEnabled()) {
      outcomes.forEach(o -> LOG.debug("ingest {} {}:{}", o.status(), o.source(), o.eventId()));
    }
    return outcomes;
  }

  /**
   * Applies a batch on the caller's transaction. When the batch is {@code deferred}, the listener
   * is told once per crime at the end rather than after each event: it recomputes from stored
   * state, so the result is the same, and a crime with ten events in the batch is computed once
   * instead of ten times. A listener failure then throws {@link RefreshFailed}.
   */
  private List<IngestOutcome> applyBatch(Handle h, List<RawEvent> events, Batch batch) {
    List<EventParser.Result> parsed = new ArrayList<>(events.size());
    java.util.Map<String, List<String>> idsBySource = new java.util.HashMap<>();
    for (RawEvent raw : events) {
      EventParser.Result result = parser.parse(raw.json());
      parsed.add(result);
      if (result instanceof EventParser.Parsed p) {
        idsBySource
            .computeIfAbsent(p.event().source(), k -> new ArrayList<>())
            .add(p.event().eventId());
      }
    }
    // one read for the batch's idempotency check instead of one per event
    idsBySource.forEach(
        (source, ids) ->
            store
                .alreadyIngested(h, source, ids)
                .forEach(id -> batch.ingested.add(Batch.key(source, id))));
    List<IngestOutcome> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(process(h, events.get(i), parsed.get(i), batch));
    }
    if (batch.entries != null) {
      batch.entries.flush(store, h);
    }
    store.recordIngested(h, batch.toRecord.values(), batch.now);
    for (String[] crime : batch.touched.values()) {
      try {
        listener.eventApplied(h, crime[0], crime[1], batch.now, batch.mode == Mode.BULK);
      } catch (PersistenceException ex) {
        throw ex;
      } catch (TrackMyCrimeException ex) {
        throw new RefreshFailed(ex);
      }
    }
    return out;
  }

  /** What one batch knows while it runs: its mode and instant, forces seen, crimes to refresh. */
  private static final class Batch {
    final Mode mode;
    final Instant now;
    final boolean deferred;
    final java.util.Set<String> forces = new java.util.HashSet<>();

    /** (source, eventId) of every event recorded as ingested, as of now in this transaction. */
    final java.util.Set<String> ingested = new java.util.HashSet<>();

    /** Idempotency rows to write at the end of the batch, as one JDBC batch. */
    final java.util.Map<String, IngestStore.Ingested> toRecord = new java.util.LinkedHashMap<>();

    /** (force, crime) of crimes known to exist in this transaction. */
    final java.util.Set<String> crimes = new java.util.HashSet<>();

    /** What the batch has read of its crimes. */
    final CrimeCache cache = new CrimeCache();

    /**
     * Timeline entries to write as one JDBC batch; null when the listener is told after each event
     * (it reads the timeline), so each entry is written at once.
     */
    final PendingEntries entries;

    final java.util.Map<String, String[]> touched = new java.util.LinkedHashMap<>();

    Batch(Mode mode, Instant now, boolean deferred) {
      this.mode = mode;
      this.now = now;
      this.deferred = deferred;
      this.entries = deferred ? new PendingEntries() : null;
    }

    void applied(String force, String crimeRef) {
      if (deferred) {
        touched.putIfAbsent(key(force, crimeRef), new String[] {force, crimeRef});
      }
    }

    void record(String eventKey, RecordEvent e, String state) {
      ingested.add(eventKey);
      toRecord.put(eventKey, new IngestStore.Ingested(e, state));
    }

    static String key(String a, String b) {
      return a + "\u0000" + b;
    }
  }

  /** A deferred listener call failed; the batch is applied again event by event. */
  private static final class RefreshFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefreshFailed(TrackMyCrimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private IngestOutcome process(Handle h, RawEvent raw, EventParser.Result result, Batch batch) {
    Instant now = batch.now;
    if (result instanceof EventParser.Invalid invalid) {
      return reject(
          h, raw, invalid.problems(), invalid.source(), invalid.eventId(), invalid.force(), now);
    }
    RecordEvent e = ((EventParser.Parsed) result).event();
    if (!batch.forces.contains(e.force())) {
      if (store.forceExists(h, e.force())) {
        batch.forces.add(e.force());
      }
    }
    if (!batch.forces.contains(e.force())) {
      return reject(
          h,
          raw,
          List.of(new Problem("force", "is not a force served here")),
          e.source(),
          e.eventId(),
          e.force(),
          now);
    }
    String eventKey = Batch.key(e.source(), e.eventId());
    if (batch.ingested.contains(eventKey)) {
      return outcome(IngestStatus.DUPLICATE, raw, e);
    }
    String crimeKey = Batch.key(e.force(), e.crimeReference());
    if (e.type() != RecordEvent.EventType.CRIME_RECORDED && !batch.crimes.contains(crimeKey)) {
      if (store.crimeKeys(h, e.force(), e.crimeReference()).isPresent()) {
        batch.crimes.add(crimeKey);
      } else {
        batch.record(eventKey, e, IngestStore.PARKED);
        store.park(h, e, raw.json(), raw.origin(), now);
        return outcome(IngestStatus.PARKED, raw, e);
      }
    }
    List<Problem> refused = applyInSavepoint(h, e, raw.json(), batch);
    if (!refused.isEmpty()) {
      return reject(h, raw, refused, e.source(), e.eventId(), e.force(), now);
    }
    batch.record(eventKey, e, IngestStore.APPLIED);
    if (e.type() == RecordEvent.EventType.CRIME_RECORDED) {
      batch.crimes.add(crimeKey);
      applyParked(h, e.force(), e.crimeReference(), batch);
    }
    return outcome(IngestStatus.APPLIED, raw, e);
  }

  /** Applies the events that waited for this crime, in the contract's order. */
  private void applyParked(Handle h, String force, String crimeRef, Batch batch) {
    Instant now = batch.now;
    for (IngestStore.ParkedRow p : store.parkedFor(h, force, crimeRef)) {
      store.unpark(h, p.source(), p.eventId());
      EventParser.Result result = parser.parse(p.rawJson());
      RecordEvent e = ((EventParser.Parsed) result).event();
      List<Problem> refused = applyInSavepoint(h, e, p.rawJson(), batch);
      String eventKey = Batch.key(e.source(), e.eventId());
      IngestStore.Ingested pending = batch.toRecord.get(eventKey);
      if (refused.isEmpty()) {
        if (pending != null) {
          batch.toRecord.put(eventKey, new IngestStore.Ingested(e, IngestStore.APPLIED));
        } else {
          store.markApplied(h, e.source(), e.eventId());
        }
      } else {
        if (pending != null) {
          batch.toRecord.remove(eventKey);
        } else {
          store.forgetIngested(h, e.source(), e.eventId());
        }
        batch.ingested.remove(eventKey);
        store.reject(
            h, now, p.origin(), e.source(), e.eventId(), e.force(), p.rawJson(), describe(refused));
      }
    }
  }

  /**
   * Applies one event; a rule it breaks against the stored state (an unknown victim, say) rolls
   * back only this event and comes back as problems.
   */
  private List<Problem> applyInSavepoint(Handle h, RecordEvent e, String rawJson, Batch batch) {
    Mode mode = batch.mode;
    Instant now = batch.now;
    PendingEntries entries = batch.entries;
    if (entries != null && rendersAgain(e)) {
      entries.flush(store, h); // before the savepoint: it reads the crime's entries back
    }
    int mark = entries == null ? 0 : entries.mark();
    String savepoint = "tmc_event";
    h.savepoint(savepoint);
    try {
      boolean eligible = mode == Mode.LIVE && !e.occurredAt().isBefore(now.minus(alertMaxAge));
      applier.apply(
          h,
          e,
          rawJson,
          new EventApplier.Context(now, mode == Mode.BULK, eligible, batch.cache, entries));
      if (!batch.deferred) {
        listener.eventApplied(h, e.force(), e.crimeReference(), now, mode == Mode.BULK);
      }
      h.releaseSavepoint(savepoint);
      batch.applied(e.force(), e.crimeReference());
      return List.of();
    } catch (ValidationException ex) {
      h.rollbackToSavepoint(savepoint);
      batch.cache.clear(); // the rolled-back event may have written to what is kept
      if (entries != null) {
        entries.rollbackTo(mark);
      }
      return ex.problems();
    } catch (PersistenceException ex) {
      throw ex;
    } catch (TrackMyCrimeException ex) {
      h.rollbackToSavepoint(savepoint);
      batch.cache.clear();
      if (entries != null) {
        entries.rollbackTo(mark);
      }
      return List.of(new Problem("$", ex.getMessage()));
    }
  }

  /** Whether applying the event may render the crime's stored entries again (new names). */
  private static boolean rendersAgain(RecordEvent e) {
    return e.type() == RecordEvent.EventType.SUSPECT_IDENTIFIED
        || e.type() == RecordEvent.EventType.WITNESS_IDENTIFIED;
  }

  private IngestOutcome reject(
      Handle h,
      RawEvent raw,
      List<Problem> problems,
      String source,
      String eventId,
      String force,
      Instant now) {
    long id =
        store.reject(h, now, raw.origin(), source, eventId, force, raw.json(), describe(problems));
    LOG.info(
        "ingest rejected {}:{} ({} problems, rejected id {})",
        source,
        eventId,
        problems.size(),
        id);
    return new IngestOutcome(IngestStatus.REJECTED, raw.origin(), source, eventId, problems, id);
  }

  static String describe(List<Problem> problems) {
    return problems.stream()
        .map(p -> p.field() + "\t" + p.rule())
        .collect(Collectors.joining("\n"));
  }

  static List<Problem> problems(String described) {
    List<Problem> out = new ArrayList<>();
    for (String line : described.split("\n")) {
      int tab = line.indexOf('\t');
      out.add(
          tab < 0
              ? new Problem("$", line)
              : new Problem(line.substring(0, tab), line.substring(tab + 1)));
    }
    return out;
  }

  private static IngestOutcome outcome(IngestStatus status, RawEvent raw, RecordEvent e) {
    return new IngestOutcome(status, raw.origin(), e.source(), e.eventId(), List.of(), null);
  }

  @Override
  public BulkReport bulkLoad(BufferedReader jsonLines, BulkOptions options) {
    long start = System.nanoTime();
    BulkReport report = BulkReport.empty();
    List<RawEvent> chunk = new ArrayList<>(options.chunkSize());
    long lineNo = 0;
    try {
      String line;
      while ((line = jsonLines.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        chunk.add(new RawEvent(line, options.origin() + ":" + lineNo));
        if (chunk.size() == options.chunkSize()) {
          report = commitChunk(chunk, report, start, options);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the bulk load " + options.origin() + " failed", e);
    }
    if (!chunk.isEmpty()) {
      report = commitChunk(chunk, report, start, options);
    }
    return report.withElapsed(Duration.ofNanos(System.nanoTime() - start));
  }

  private BulkReport commitChunk(
      List<RawEvent> chunk, BulkReport report, long start, BulkOptions options) {
    for (IngestOutcome o : apply(chunk, Mode.BULK)) {
      report = report.plus(o.status());
    }
    chunk.clear();
    report = report.withElapsed(Duration.ofNanos(System.nanoTime() - start));
    options.progress().accept(report);
    return report;
  }

  @Override
  public RejectedEvents rejected() {
    return rejected;
  }

  @Override
  public List<ParkedEvent> parked(Duration olderThan) {
    Instant cutoff = clock.instant().minus(olderThan);
    return db.with(
        "list parked events",
        h ->
            h.createQuery(
                    "SELECT source, event_id, force_slug, crime_ref, origin, parked_at"
                        + " FROM tmc_parked_event WHERE parked_at <= :cutoff ORDER BY parked_at")
                .bind("cutoff", cutoff)
                .map(
                    (rs, ctx) ->
                        new ParkedEvent(
                            rs.getString("source"),
                            rs.getString("event_id"),
                            rs.getString("force_slug"),
                            rs.getString("crime_ref"),
                            rs.getString("origin"),
                            Db.instant(rs, "parked_at")))
                .list());
  }
}
