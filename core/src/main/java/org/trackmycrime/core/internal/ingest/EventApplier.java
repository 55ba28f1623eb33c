package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.enrolment.AlertPolicy;
import org.trackmycrime.core.internal.ingest.IngestStore.CrimeKeys;
import org.trackmycrime.core.internal.ingest.IngestStore.VictimKeys;
import org.trackmycrime.core.internal.ingest.RecordEvent.EventType;
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
import org.trackmycrime.core.store.VictimStore;

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
   */
  record Context(
      Instant now,
      boolean bulk,
      boolean alertEligible,
      java.util.Map<String, List<TimelineRenderer.KnownPerson>> people) {}

  private final IngestStore store;
  private final CrimeStore crimes;
  private final VictimStore victims;
  private final OfficerStore officers;
  private final PropertyStore property;
  private final AuditTrail audit;
  private final TimelineRenderer renderer;
  private final EventParser parser;

  EventApplier(
      IngestStore store,
      CrimeStore crimes,
      VictimStore victims,
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
            o.finalised());
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
            null);
        addEntry(h, e, rawJson, ctx);
      }
      case VICTIM_DETAILS_CHANGED ->
          victimDetailsChanged(h, e, (RecordEvent.VictimDetailsChanged) e.data(), ctx);
      default -> addEntry(h, e, rawJson, ctx);
    }
  }

  private void crimeRecorded(Handle h, RecordEvent e, RecordEvent.CrimeRecorded d, Context ctx) {
    Optional<CrimeKeys> keys = store.crimeKeys(h, e.force(), e.crimeReference());
    if (keys.isEmpty() || OrderKeys.wins(e.orderKey(), keys.get().recorded())) {
      Crime c =
          crimes
              .find(e.force(), e.crimeReference())
              .orElse(Crime.recorded(e.force(), e.crimeReference(), d.category(), d.reportedAt()));
      crimes.save(
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
      store.setCrimeKeys(
          h,
          e.force(),
          e.crimeReference(),
          new CrimeKeys(e.orderKey(), k.status(), k.outcome(), k.officer()),
          null);
    }
    String key = e.orderKey();
    for (RecordEvent.VictimData v : d.victims()) {
      Victim existing = victims.find(e.force(), e.crimeReference(), v.victimRef()).orElse(null);
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
      victims.save(saved);
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
    reconcileAll(h, e.force(), e.crimeReference(), ctx.now());
  }

  private void riskAssessed(Handle h, RecordEvent e, RecordEvent.RiskAssessed d, Context ctx) {
    Victim v = victim(e, d.victimRef(), "data.victimRef");
    victims.save(
        record(
            v,
            e,
            d.suitable() ? EnrolmentAction.ASSESS_SUITABLE : EnrolmentAction.ASSESS_UNSUITABLE,
            Actor.officer(d.assessedBy()),
            d.note(),
            d.reasonCodes()));
    auditVictim(e, ctx, AuditAction.ALTERATION, d.victimRef(), "risk assessed by event ");
    reconcileVictim(h, e.force(), e.crimeReference(), d.victimRef(), ctx.now());
  }

  private void victimDetailsChanged(
      Handle h, RecordEvent e, RecordEvent.VictimDetailsChanged d, Context ctx) {
    Victim v = victim(e, d.victimRef(), "data.victimRef");
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
    victims.save(changed);
    store.setVictimKeys(h, e.force(), e.crimeReference(), d.victimRef(), newKeys);
    auditVictim(e, ctx, AuditAction.ALTERATION, d.victimRef(), "details changed by event ");
    reconcileVictim(h, e.force(), e.crimeReference(), d.victimRef(), ctx.now());
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
        null);
    addEntry(h, e, rawJson, ctx);
  }

  private void personIdentified(Handle h, RecordEvent e, String rawJson, Context ctx) {
    RecordEvent.PersonIdentified d = (RecordEvent.PersonIdentified) e.data();
    String role = e.type() == EventType.WITNESS_IDENTIFIED ? "WITNESS" : "SUSPECT";
    boolean newNames =
        store.addNames(h, e.force(), e.crimeReference(), d.personRef(), role, d.names());
    if (newNames) {
      ctx.people().remove(crimeKey(e.force(), e.crimeReference()));
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
      Boolean finalised) {
    CrimeKeys keys = store.crimeKeys(h, e.force(), e.crimeReference()).orElseThrow();
    if (!OrderKeys.wins(e.orderKey(), currentKey.apply(keys))) {
      return;
    }
    Crime c = crimes.find(e.force(), e.crimeReference()).orElseThrow();
    crimes.save(change.apply(c));
    store.setCrimeKeys(h, e.force(), e.crimeReference(), newKeys.apply(keys), finalised);
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
    store.insertEntry(h, entry, e.type().hasFreeText() ? rawJson : null, ctx.alertEligible());
    if (ctx.alertEligible()) {
      for (Victim v : victims.listForCrime(e.force(), e.crimeReference())) {
        reconcile(store, h, v, e.entryKey(), e.occurredAt(), ctx.now());
      }
    }
  }

  /** Renders again every entry and property description made from free text, with today's names. */
  private void redepersonalise(Handle h, String force, String crimeRef, Context ctx) {
    List<TimelineRenderer.KnownPerson> people = people(h, force, crimeRef, ctx);
    for (IngestStore.SourcedEntry s : store.sourcedEntries(h, force, crimeRef)) {
      RecordEvent source = ((EventParser.Parsed) parser.parse(s.sourceEvent())).event();
      store.setEntryText(h, force, crimeRef, s.entryKey(), renderer.render(source, people));
    }
    for (IngestStore.SourcedItem item : store.itemSources(h, force, crimeRef)) {
      store.setItemDescription(
          h,
          force,
          crimeRef,
          item.itemRef(),
          renderer.depersonalise(item.sourceDescription(), people));
    }
  }

  /** The crime's named people, read once per batch until a name is added. */
  private List<TimelineRenderer.KnownPerson> people(
      Handle h, String force, String crimeRef, Context ctx) {
    return ctx.people()
        .computeIfAbsent(crimeKey(force, crimeRef), k -> store.people(h, force, crimeRef));
  }

  private static String crimeKey(String force, String crimeRef) {
    return force + "\u0000" + crimeRef;
  }

  private void reconcileAll(Handle h, String force, String crimeRef, Instant now) {
    for (Victim v : victims.listForCrime(force, crimeRef)) {
      reconcileVictim(h, v, now);
    }
  }

  private void reconcileVictim(
      Handle h, String force, String crimeRef, String victimRef, Instant now) {
    reconcileVictim(h, victims.find(force, crimeRef, victimRef).orElseThrow(), now);
  }

  private void reconcileVictim(Handle h, Victim v, Instant now) {
    for (IngestStore.EligibleEntry entry :
        store.eligibleEntries(h, v.force(), v.crimeReference())) {
      reconcile(store, h, v, entry.entryKey(), entry.occurredAt(), now);
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

  private Victim victim(RecordEvent e, String victimRef, String field) {
    return victims
        .find(e.force(), e.crimeReference(), victimRef)
        .orElseThrow(() -> ValidationException.of(field, "is not a victim of this crime"));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
