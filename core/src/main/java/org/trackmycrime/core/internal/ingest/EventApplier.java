package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.enrolment.AlertPolicy;
import org.trackmycrime.core.internal.ingest.IngestStore.CrimeKeys;
import org.trackmycrime.core.internal.ingest.IngestStore.VictimKeys;
import org.trackmycrime.core.internal.ingest.RecordEvent.EventType;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiVictimStore;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.CrimeStore;
import org.trackmycrime.core.store.OfficerStore;
import org.trackmycrime.core.store.PropertyStore;

/**
 * Applies one valid event to the stored state. Order tolerance comes from three rules: state fields
 * are last-writer-wins by the event's order key; timeline entries are keyed by the event and
 * ordered by time; enrolment is a history folded by event time. Alerts are then reconciled so that
 * the set of (victim, entry) alerts depends only on the final state, never on arrival order.
 */
final class EventApplier {
  /**
   * @param bulk a bulk load of history: entries are published at their own time and never alert
   * @param alertEligible whether the event's entry may alert (live and recent enough)
   * @param cache what the batch has read of its crimes
   * @param pending where the batch's timeline entries wait to be written, or null to write each at
   *     once
   */
  record Context(
      Instant now, boolean bulk, boolean alertEligible, CrimeCache cache, PendingEntries pending) {}

  private final IngestStore store;
  private final CrimeStore crimes;
  private final JdbiVictimStore victims;
  private final OfficerStore officers;
  private final PropertyStore property;
  private final AuditTrail audit;
  private final TimelineRenderer renderer;
  private final EventParser parser;

  EventApplier(
      IngestStore store,
      CrimeStore crimes,
      JdbiVictimStore victims,
      OfficerStore officers,
      PropertyStore property,
      AuditTrail audit,
      TimelineRenderer renderer,
      EventParser parser) {
    this.store = store;
    this.renderer = renderer;
    this.parser = parser;
    this.crimes = crimes;
    this.victims = victims;
    this.officers = officers;
    this.property = property;
    this.audit = audit;
  }

  void apply(Handle h, RecordEvent e, String rawJson, Context ctx) {
    switch (e.type()) {
      case CRIME_RECORDED -> crimeRecorded(h, e, (RecordEvent.CrimeRecorded) e.data(), ctx);
      case RISK_ASSESSED -> riskAssessed(h, e, (RecordEvent.RiskAssessed) e.data(), ctx);
      case OFFICER_ASSIGNED ->
          officerAssigned(h, e, (RecordEvent.OfficerAssigned) e.data(), rawJson, ctx);
      case SUSPECT_IDENTIFIED, WITNESS_IDENTIFIED -> personIdentified(h, e, rawJson, ctx);
      case PROPERTY_RECORDED ->
          propertyRecorded(h, e, (RecordEvent.PropertyRecorded) e.data(), rawJson, ctx);
      case OUTCOME_RECORDED -> {
        RecordEvent.OutcomeRecorded o = (RecordEvent.OutcomeRecorded) e.data();
        updateCrime(
            h,
            e,
            k -> new CrimeKeys(k.recorded(), k.status(), e.orderKey(), k.officer()),
            k -> k.outcome(),
            c -> c.withOutcome(o.outcome()),
            o.finalised(),
            ctx);
        addEntry(h, e, rawJson, ctx);
      }
      case CASE_CLOSED, CASE_REOPENED -> {
        CrimeStatus status =
            e.type() == EventType.CASE_CLOSED ? CrimeStatus.CLOSED : CrimeStatus.OPEN;
        updateCrime(
            h,
            e,
            k -> new CrimeKeys(k.recorded(), e.orderKey(), k.outcome(), k.officer()),
            k -> k.status(),
            c -> c.withStatus(status),
            null,
            ctx);
        addEntry(h, e, rawJson, ctx);
      }
      case VICTIM_DETAILS_CHANGED ->
          victimDetailsChanged(h, e, (RecordEvent.VictimDetailsChanged) e.data(), ctx);
      default -> addEntry(h, e, rawJson, ctx);
    }
  }

  private void crimeRecorded(Handle h, RecordEvent e, RecordEvent.CrimeRecorded d, Context ctx) {
    Optional<CrimeKeys> keys = crimeKeys(h, e.force(), e.crimeReference(), ctx);
    if (keys.isEmpty() || OrderKeys.wins(e.orderKey(), keys.get().recorded())) {
      // no keys: no row yet
      Crime c =
          keys.isEmpty()
              ? Crime.recorded(e.force(), e.crimeReference(), d.category(), d.reportedAt())
              : crime(e.force(), e.crimeReference(), ctx);
      saveCrime(
          ctx,
          new Crime(
              c.force(),
              c.crimeReference(),
              d.category(),
              d.description(),
              d.reportedAt(),
              c.status(),
              c.outcome(),
              c.officerRef()));
      CrimeKeys k = keys.orElse(new CrimeKeys(null, null, null, null));
      setCrimeKeys(
          h,
          e.force(),
          e.crimeReference(),
          new CrimeKeys(e.orderKey(), k.status(), k.outcome(), k.officer()),
          null,
          ctx);
    }
    String key = e.orderKey();
    for (RecordEvent.VictimData v : d.victims()) {
      Victim existing = victimsOf(h, e.force(), e.crimeReference(), ctx).get(v.victimRef());
      VictimKeys vk =
          store
              .victimKeys(h, e.force(), e.crimeReference(), v.victimRef())
              .orElse(new VictimKeys(null, null, null, null));
      Victim.Builder b =
          existing == null
              ? Victim.builder(e.force(), e.crimeReference(), v.victimRef())
              : existing.toBuilder();
      boolean details = OrderKeys.wins(key, vk.details());
      if (details) {
        b.name(v.givenName(), v.familyName())
            .enhanced(v.enhanced(), v.enhancedReasons())
            .updateFrequencyDays(v.updateFrequencyDays());
      }
      // a recording states every contact field: an absent one means "none"
      VictimKeys newKeys = contacts(b, vk, key, true, v.email(), v.mobile(), v.language());
      Victim base = existing == null ? b.build() : reachableAgain(existing, b.build());
      Victim saved =
          record(
              base,
              e,
              v.optedOut() ? EnrolmentAction.DECLINE : EnrolmentAction.ENROL,
              Actor.recordsSystem(e.source()),
              null,
              List.of());
      save(existing, saved, ctx);
      store.setVictimKeys(
          h,
          e.force(),
          e.crimeReference(),
          v.victimRef(),
          new VictimKeys(
              details ? key : vk.details(), newKeys.email(), newKeys.mobile(), newKeys.lang()));
      auditVictim(
          e,
          ctx,
          existing == null ? AuditAction.COLLECTION : AuditAction.ALTERATION,
          v.victimRef(),
          "recorded by event ");
    }
    addEntry(h, e, null, ctx);
    for (Victim v : victimsOf(h, e.force(), e.crimeReference(), ctx).values()) {
      reconcileVictim(h, v, ctx);
    }
  }

  private void riskAssessed(Handle h, RecordEvent e, RecordEvent.RiskAssessed d, Context ctx) {
    Victim v = victim(h, e, d.victimRef(), "data.victimRef", ctx);
    Victim assessed =
        record(
            v,
            e,
            d.suitable() ? EnrolmentAction.ASSESS_SUITABLE : EnrolmentAction.ASSESS_UNSUITABLE,
            Actor.officer(d.assessedBy()),
            d.note(),
            d.reasonCodes());
    save(v, assessed, ctx);
    auditVictim(e, ctx, AuditAction.ALTERATION, d.victimRef(), "risk assessed by event ");
    reconcileVictim(h, victim(h, e, d.victimRef(), "data.victimRef", ctx), ctx);
  }

  private void victimDetailsChanged(
      Handle h, RecordEvent e, RecordEvent.VictimDetailsChanged d, Context ctx) {
    Victim v = victim(h, e, d.victimRef(), "data.victimRef", ctx);
    VictimKeys vk = store.victimKeys(h, e.force(), e.crimeReference(), d.victimRef()).orElseThrow();
    Victim.Builder b = v.toBuilder();
    // a change states only the fields it carries
    VictimKeys newKeys = contacts(b, vk, e.orderKey(), false, d.email(), d.mobile(), d.language());
    Victim changed = reachableAgain(v, b.build());
    if (d.optedOut() != null) {
      changed =
          record(
              changed,
              e,
              d.optedOut() ? EnrolmentAction.OPT_OUT : EnrolmentAction.OPT_IN,
              Actor.recordsSystem(e.source()),
              null,
              List.of());
    }
    save(v, changed, ctx);
    store.setVictimKeys(h, e.force(), e.crimeReference(), d.victimRef(), newKeys);
    auditVictim(e, ctx, AuditAction.ALTERATION, d.victimRef(), "details changed by event ");
    reconcileVictim(h, victim(h, e, d.victimRef(), "data.victimRef", ctx), ctx);
  }

  /**
   * Sets each contact field this event wins (last writer by order key) and returns the new keys.
   *
   * @param nullMeansNone whether a null value is a statement (no email) or an absent field
   */
  private static VictimKeys contacts(
      Victim.Builder b,
      VictimKeys keys,
      String key,
      boolean nullMeansNone,
      String email,
      String mobile,
      org.trackmycrime.core.model.Language language) {
    boolean setEmail = (nullMeansNone || email != null) && OrderKeys.wins(key, keys.email());
    boolean setMobile = (nullMeansNone || mobile != null) && OrderKeys.wins(key, keys.mobile());
    boolean setLang = language != null && OrderKeys.wins(key, keys.lang());
    if (setEmail) {
      b.email(email);
    }
    if (setMobile) {
      b.mobile(mobile);
    }
    if (setLang) {
      b.language(language);
    }
    return new VictimKeys(
        keys.details(),
        setEmail ? key : keys.email(),
        setMobile ? key : keys.mobile(),
        setLang ? key : keys.lang());
  }

  /** The victim with one more enrolment fact from this event, placed by the event's time. */
  private static Victim record(
      Victim v,
      RecordEvent e,
      EnrolmentAction action,
      Actor actor,
      String reason,
      List<String> reasonCodes) {
    return v.withEnrolment(
        v.enrolment()
            .record(
                new EnrolmentTransition(
                    action, e.occurredAt(), actor, reason, reasonCodes, e.orderKey())));
  }

  private void auditVictim(
      RecordEvent e, Context ctx, AuditAction action, String victimRef, String detail) {
    audit.record(
        new AuditEvent(
            e.force(),
            ctx.now(),
            Actor.recordsSystem(e.source()),
            action,
            "victim",
            victimRef,
            e.crimeReference(),
            detail + e.eventId()));
  }

  private void officerAssigned(
      Handle h, RecordEvent e, RecordEvent.OfficerAssigned d, String rawJson, Context ctx) {
    Optional<String> officerKey = store.officerKey(h, e.force(), d.ref());
    if (officerKey.isEmpty() || OrderKeys.wins(e.orderKey(), emptyToNull(officerKey.get()))) {
      officers.save(
          new Officer(e.force(), d.ref(), d.displayName(), d.rank(), d.unit(), d.email()));
      store.setOfficerKey(h, e.force(), d.ref(), e.orderKey());
    }
    updateCrime(
        h,
        e,
        k -> new CrimeKeys(k.recorded(), k.status(), k.outcome(), e.orderKey()),
        k -> k.officer(),
        c -> c.withOfficerRef(d.ref()),
        null,
        ctx);
    addEntry(h, e, rawJson, ctx);
  }

  private void personIdentified(Handle h, RecordEvent e, String rawJson, Context ctx) {
    RecordEvent.PersonIdentified d = (RecordEvent.PersonIdentified) e.data();
    String role = e.type() == EventType.WITNESS_IDENTIFIED ? "WITNESS" : "SUSPECT";
    boolean newNames =
        store.addNames(h, e.force(), e.crimeReference(), d.personRef(), role, d.names());
    if (newNames) {
      ctx.cache().people.remove(CrimeCache.key(e.force(), e.crimeReference()));
    }
    addEntry(h, e, null, ctx);
    if (newNames) {
      redepersonalise(h, e.force(), e.crimeReference(), ctx);
    }
  }

  private void propertyRecorded(
      Handle h, RecordEvent e, RecordEvent.PropertyRecorded d, String rawJson, Context ctx) {
    Optional<String> itemKey = store.itemKey(h, e.force(), e.crimeReference(), d.itemRef());
    if (itemKey.isEmpty() || OrderKeys.wins(e.orderKey(), emptyToNull(itemKey.get()))) {
      List<TimelineRenderer.KnownPerson> people = people(h, e.force(), e.crimeReference(), ctx);
      property.save(
          new PropertyItem(
              e.force(),
              e.crimeReference(),
              d.itemRef(),
              renderer.depersonalise(d.description(), people),
              d.status(),
              d.estimatedValuePence(),
              e.occurredAt()));
      store.setItemSource(
          h, e.force(), e.crimeReference(), d.itemRef(), e.orderKey(), d.description());
    }
    addEntry(h, e, rawJson, ctx);
  }

  /** Updates one last-writer-wins field of the crime when this event wins it. */
  private void updateCrime(
      Handle h,
      RecordEvent e,
      java.util.function.UnaryOperator<CrimeKeys> newKeys,
      java.util.function.Function<CrimeKeys, String> currentKey,
      java.util.function.UnaryOperator<Crime> change,
      Boolean finalised,
      Context ctx) {
    CrimeKeys keys = crimeKeys(h, e.force(), e.crimeReference(), ctx).orElseThrow();
    if (!OrderKeys.wins(e.orderKey(), currentKey.apply(keys))) {
      return;
    }
    saveCrime(ctx, change.apply(crime(e.force(), e.crimeReference(), ctx)));
    setCrimeKeys(h, e.force(), e.crimeReference(), newKeys.apply(keys), finalised, ctx);
  }

  /** The crime's last-writer-wins keys, read once per batch and kept up to date. */
  private Optional<CrimeKeys> crimeKeys(Handle h, String force, String crimeRef, Context ctx) {
    return ctx.cache()
        .crimeKeys
        .computeIfAbsent(CrimeCache.key(force, crimeRef), k -> store.crimeKeys(h, force, crimeRef));
  }

  private void setCrimeKeys(
      Handle h, String force, String crimeRef, CrimeKeys keys, Boolean finalised, Context ctx) {
    store.setCrimeKeys(h, force, crimeRef, keys, finalised);
    ctx.cache().crimeKeys.put(CrimeCache.key(force, crimeRef), Optional.of(keys));
  }

  /** The stored crime, read once per batch and kept up to date by {@link #saveCrime}. */
  private Crime crime(String force, String crimeRef, Context ctx) {
    return ctx.cache()
        .crimes
        .computeIfAbsent(
            CrimeCache.key(force, crimeRef), k -> crimes.find(force, crimeRef).orElseThrow());
  }

  private void saveCrime(Context ctx, Crime c) {
    crimes.save(c);
    ctx.cache().crimes.put(CrimeCache.key(c.force(), c.crimeReference()), c);
  }

  /** Adds the event's timeline entry and alerts every victim who may be told of it. */
  private void addEntry(Handle h, RecordEvent e, String rawJson, Context ctx) {
    List<TimelineRenderer.KnownPerson> people = people(h, e.force(), e.crimeReference(), ctx);
    LocalizedText text = renderer.render(e, people);
    TimelineKind kind = e.type().timelineKind();
    Instant published = ctx.bulk() ? e.occurredAt() : ctx.now();
    TimelineEntry entry =
        new TimelineEntry(
            e.force(), e.crimeReference(), e.entryKey(), kind, text, e.occurredAt(), published);
    PendingEntries.Row row =
        new PendingEntries.Row(entry, e.type().hasFreeText() ? rawJson : null, ctx.alertEligible());
    if (ctx.pending() != null) {
      ctx.pending().add(row);
    } else {
      store.insertEntries(h, List.of(row));
    }
    if (ctx.alertEligible()) {
      List<IngestStore.EligibleEntry> eligible =
          ctx.cache().eligible.get(CrimeCache.key(e.force(), e.crimeReference()));
      if (eligible != null) {
        eligible.add(new IngestStore.EligibleEntry(e.entryKey(), Db.stored(e.occurredAt())));
      }
      for (Victim v : victimsOf(h, e.force(), e.crimeReference(), ctx).values()) {
        reconcile(store, h, v, e.entryKey(), e.occurredAt(), ctx.now());
      }
    }
  }

  /**
   * Renders again every entry and property description made from free text, with today's names, and
   * writes those whose text changed.
   */
  private void redepersonalise(Handle h, String force, String crimeRef, Context ctx) {
    List<TimelineRenderer.KnownPerson> people = people(h, force, crimeRef, ctx);
    for (IngestStore.SourcedEntry s : store.sourcedEntries(h, force, crimeRef)) {
      RecordEvent source = ((EventParser.Parsed) parser.parse(s.sourceEvent())).event();
      LocalizedText text = renderer.render(source, people);
      if (!text.en().equals(s.textEn()) || !Objects.equals(text.cy(), s.textCy())) {
        store.setEntryText(h, force, crimeRef, s.entryKey(), text);
      }
    }
    for (IngestStore.SourcedItem item : store.itemSources(h, force, crimeRef)) {
      String description = renderer.depersonalise(item.sourceDescription(), people);
      if (!Objects.equals(description, item.description())) {
        store.setItemDescription(h, force, crimeRef, item.itemRef(), description);
      }
    }
  }

  /** The crime's named people, read once per batch until a name is added. */
  private List<TimelineRenderer.KnownPerson> people(
      Handle h, String force, String crimeRef, Context ctx) {
    return ctx.cache()
        .people
        .computeIfAbsent(CrimeCache.key(force, crimeRef), k -> store.people(h, force, crimeRef));
  }

  /**
   * The crime's victims as the victim store reads them, by reference: read once per batch and kept
   * up to date by {@link #save}. A crime where a victim made their own choices is read each time.
   */
  private Map<String, Victim> victimsOf(Handle h, String force, String crimeRef, Context ctx) {
    String key = CrimeCache.key(force, crimeRef);
    Map<String, Victim> kept = ctx.cache().victims.get(key);
    if (kept != null) {
      return kept;
    }
    Map<String, Victim> read = new TreeMap<>();
    for (Victim v : victims.listForCrime(force, crimeRef)) {
      read.put(v.victimRef(), v);
    }
    if (!store.hasPreferences(h, force, crimeRef)) {
      ctx.cache().victims.put(key, read);
    }
    return read;
  }

  /** Saves a victim read as {@code stored} (null: new) and keeps the saved state for the batch. */
  private void save(Victim stored, Victim v, Context ctx) {
    victims.save(stored, v);
    Map<String, Victim> kept =
        ctx.cache().victims.get(CrimeCache.key(v.force(), v.crimeReference()));
    if (kept != null) {
      kept.put(v.victimRef(), v);
    }
  }

  private void reconcileVictim(Handle h, Victim v, Context ctx) {
    List<IngestStore.EligibleEntry> entries =
        ctx.cache()
            .eligible
            .computeIfAbsent(
                CrimeCache.key(v.force(), v.crimeReference()),
                k -> {
                  List<IngestStore.EligibleEntry> read =
                      new ArrayList<>(store.eligibleEntries(h, v.force(), v.crimeReference()));
                  if (ctx.pending() != null) {
                    read.addAll(ctx.pending().eligible(v.force(), v.crimeReference()));
                  }
                  return read;
                });
    for (IngestStore.EligibleEntry entry : entries) {
      reconcile(store, h, v, entry.entryKey(), entry.occurredAt(), ctx.now());
    }
  }

  /**
   * Makes the outbox agree with the rule: a victim is alerted of an entry when, by the entry's
   * time, they were enrolled, found suitable and not opted out, and have a usable channel. A
   * pending alert that no longer qualifies is cancelled; one already sent is left alone.
   */
  static void reconcile(
      IngestStore store, Handle h, Victim v, String entryKey, Instant occurredAt, Instant now) {
    String key =
        String.join(
            "|",
            OutboxMessage.VICTIM_UPDATE,
            v.force(),
            v.crimeReference(),
            v.victimRef(),
            entryKey);
    boolean wanted = AlertPolicy.decide(v, occurredAt).allowed();
    Optional<String> status = store.outboxStatus(h, key);
    if (wanted && status.isEmpty()) {
      store.insertOutbox(
          h,
          v.force(),
          key,
          OutboxMessage.VICTIM_UPDATE,
          v.crimeReference(),
          v.victimRef(),
          entryKey,
          now);
    } else if (wanted && status.get().equals(OutboxMessage.Status.CANCELLED.name())) {
      store.setOutboxStatus(h, key, OutboxMessage.Status.PENDING, now);
    } else if (!wanted && status.filter(OutboxMessage.Status.PENDING.name()::equals).isPresent()) {
      store.setOutboxStatus(h, key, OutboxMessage.Status.CANCELLED, now);
    }
  }

  /**
   * A channel that failed permanently stays unusable until its contact detail changes: a new email
   * address or mobile number is worth trying again.
   */
  static Victim reachableAgain(Victim before, Victim after) {
    Set<Channel> unreachable = EnumSet.noneOf(Channel.class);
    unreachable.addAll(after.unreachableChannels());
    if (!Objects.equals(before.email(), after.email())) {
      unreachable.remove(Channel.EMAIL);
    }
    if (!Objects.equals(before.mobile(), after.mobile())) {
      unreachable.remove(Channel.SMS);
    }
    return unreachable.equals(after.unreachableChannels())
        ? after
        : after.toBuilder().unreachableChannels(unreachable).build();
  }

  private Victim victim(Handle h, RecordEvent e, String victimRef, String field, Context ctx) {
    Victim v = victimsOf(h, e.force(), e.crimeReference(), ctx).get(victimRef);
    if (v == null) {
      throw ValidationException.of(field, "is not a victim of this crime");
    }
    return v;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
