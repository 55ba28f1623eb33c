package org.trackmycrime.portal.staff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.ComplianceReport;
import org.trackmycrime.core.cadence.ComplianceRow;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.messaging.Assignee;
import org.trackmycrime.core.messaging.CloseReason;
import org.trackmycrime.core.messaging.InboxItem;
import org.trackmycrime.core.messaging.MessageCase;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.portal.staff.internal.Access;

/**
 * What officers, supervisors and admins do in the staff console, each method checked against the
 * member's roles and force (see {@link StaffRole}). Every method takes the signed-in {@link
 * StaffMember} from the host's {@link StaffIdentity}.
 *
 * <p>Access: a reference of another force is not found ({@link
 * org.trackmycrime.core.NotFoundException}); a record of the member's force their roles do not
 * reach is refused ({@link StaffAccessException}). An officer acts on the crimes they are in charge
 * of, a supervisor on those of their unit's officers (the whole force's without a unit), an admin
 * on all of the force's. Thread-safe.
 */
public final class StaffConsole {
  /** The most crimes {@link #myCrimes} lists. */
  public static final int MAX_CRIMES = 1_000;

  private static final int MAX_OBLIGATIONS = 10_000;

  private final TrackMyCrime tmc;
  private final Access access;

  public StaffConsole(TrackMyCrime tmc) {
    this.tmc = Objects.requireNonNull(tmc, "tmc");
    this.access = new Access(tmc);
  }

  /**
   * The crimes the officer is in charge of, with what is still owed on each; crimes with something
   * overdue first, then by the soonest due, then by reference. Officers only.
   */
  public List<OfficerCrime> myCrimes(StaffMember staff) {
    Access.requireAny(staff, StaffRole.OFFICER);
    Map<String, List<CaseObligation>> open = new HashMap<>();
    for (CaseObligation o : tmc.cadence().forOfficer(staff.force(), staff.officerRef())) {
      open.computeIfAbsent(o.crimeReference(), k -> new java.util.ArrayList<>()).add(o);
    }
    return tmc.crimes().listForOfficer(staff.force(), staff.officerRef(), MAX_CRIMES).stream()
        .map(c -> new OfficerCrime(c, open.getOrDefault(c.crimeReference(), List.of())))
        .sorted(
            Comparator.comparing((OfficerCrime c) -> !c.overdue())
                .thenComparing(
                    c -> c.open().isEmpty() ? java.time.Instant.MAX : c.open().get(0).dueAt())
                .thenComparing(c -> c.crime().crimeReference()))
        .toList();
  }

  /**
   * One crime: victims by reference and enrolment state, every obligation with its explanation, and
   * the timeline newest first. No personal details of the victims.
   */
  public CrimeView crime(StaffMember staff, String crimeReference) {
    Crime crime = access.crime(staff, crimeReference);
    String force = staff.force();
    Optional<Officer> officer =
        Optional.ofNullable(crime.officerRef()).flatMap(ref -> tmc.officers().find(force, ref));
    List<CrimeView.VictimSummary> victims =
        tmc.victims().listForCrime(force, crime.crimeReference()).stream()
            .map(v -> new CrimeView.VictimSummary(v.victimRef(), v.enrolment().state()))
            .toList();
    List<TimelineEntry> timeline =
        tmc.timeline().list(force, crime.crimeReference()).stream()
            .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed())
            .toList();
    return new CrimeView(
        crime, officer, victims, tmc.cadence().forCrime(force, crime.crimeReference()), timeline);
  }

  /**
   * A victim's full record (name, contact details, enrolment), written to the audit trail as a
   * {@code CONSULTATION} with the member, the victim and the purpose.
   */
  public VictimDetails victimDetails(
      StaffMember staff, String crimeReference, String victimRef, ConsultationPurpose purpose) {
    new Checks().notNull("purpose", purpose).throwIfAny();
    Crime crime = access.crime(staff, crimeReference);
    Victim victim = victim(staff, crime, victimRef);
    tmc.audit()
        .record(
            new AuditEvent(
                staff.force(),
                tmc.clock().instant(),
                staff.actor(),
                AuditAction.CONSULTATION,
                "victim",
                victim.victimRef(),
                crime.crimeReference(),
                "staff console: " + purpose.name()));
    return new VictimDetails(victim, purpose);
  }

  /**
   * What the victims would read if {@code text} were published now, with every replacement the
   * depersonaliser made as a span of the output, for highlighting. Writes nothing.
   */
  public Depersonalised preview(StaffMember staff, String crimeReference, String text) {
    Crime crime = access.crime(staff, crimeReference);
    return tmc.officerUpdates().preview(staff.force(), crime.crimeReference(), text);
  }

  /**
   * Publishes the depersonalised update on the crime's timeline: it meets the regular update owed,
   * alerts each victim who may be told now through the outbox, and is audited with the member.
   */
  public TimelineEntry publish(StaffMember staff, String crimeReference, String text) {
    Crime crime = access.crime(staff, crimeReference);
    return tmc.officerUpdates().publish(staff.force(), crime.crimeReference(), text, staff.actor());
  }

  /**
   * Records or changes the risk assessment of one victim: suitable to contact or not, with reason
   * codes (required when unsuitable) and an optional note. Audited by the enrolment service.
   */
  public Victim assessRisk(
      StaffMember staff,
      String crimeReference,
      String victimRef,
      boolean suitable,
      List<String> reasonCodes,
      String note) {
    Crime crime = access.crime(staff, crimeReference);
    Victim victim = victim(staff, crime, victimRef);
    List<String> codes = reasonCodes == null ? List.of() : reasonCodes;
    new Checks()
        .noNulls("reasonCodes", codes)
        .require(
            suitable || !codes.isEmpty(), "reasonCodes", "at least one is required when unsuitable")
        .throwIfAny();
    return tmc.enrolment()
        .assessRisk(
            staff.force(),
            crime.crimeReference(),
            victim.victimRef(),
            staff.actor(),
            suitable,
            codes,
            note);
  }

  /** Stops all updates to a victim, with the reason (required). Audited. */
  public Victim optOut(StaffMember staff, String crimeReference, String victimRef, String reason) {
    Crime crime = access.crime(staff, crimeReference);
    Victim victim = victim(staff, crime, victimRef);
    new Checks().text("reason", reason, 400).throwIfAny();
    return tmc.enrolment()
        .optOut(staff.force(), crime.crimeReference(), victim.victimRef(), staff.actor(), reason);
  }

  /** Starts updates to a victim again, with the reason (required). Audited. */
  public Victim optIn(StaffMember staff, String crimeReference, String victimRef, String reason) {
    Crime crime = access.crime(staff, crimeReference);
    Victim victim = victim(staff, crime, victimRef);
    new Checks().text("reason", reason, 400).throwIfAny();
    return tmc.enrolment()
        .optIn(staff.force(), crime.crimeReference(), victim.victimRef(), staff.actor(), reason);
  }

  /**
   * The compliance figures for obligations due from {@code from} to {@code to} and the overdue
   * list: a supervisor with a unit sees that unit and its officers; a supervisor without one, or an
   * admin, the whole force.
   */
  public ComplianceView compliance(StaffMember staff, LocalDate from, LocalDate to) {
    Access.requireAny(staff, StaffRole.SUPERVISOR, StaffRole.ADMIN);
    String force = staff.force();
    ComplianceReport full = tmc.cadence().compliance(force, from, to);
    String unit = staff.has(StaffRole.ADMIN) ? null : staff.unit();
    if (unit == null) {
      return new ComplianceView(null, full, tmc.cadence().overdue(force, MAX_OBLIGATIONS));
    }
    Map<String, Optional<String>> units = new HashMap<>();
    java.util.function.Predicate<String> inUnit =
        ref ->
            ref != null
                && units
                    .computeIfAbsent(ref, r -> tmc.officers().find(force, r).map(Officer::unit))
                    .filter(unit::equals)
                    .isPresent();
    List<ComplianceRow> rows =
        full.rows().stream()
            .filter(
                r ->
                    (r.scope() == ComplianceRow.Scope.UNIT && unit.equals(r.scopeRef()))
                        || (r.scope() == ComplianceRow.Scope.OFFICER && inUnit.test(r.scopeRef())))
            .toList();
    List<CaseObligation> overdue =
        tmc.cadence().forUnit(force, unit, MAX_OBLIGATIONS).stream()
            .filter(o -> o.status() == Obligation.Status.OVERDUE)
            .sorted(Comparator.comparing(CaseObligation::dueAt))
            .toList();
    return new ComplianceView(
        unit, new ComplianceReport(force, full.from(), full.to(), full.asOf(), rows), overdue);
  }

  // ------------------------------------------------------------------ messages (Command Hub)

  /**
   * What waits for the force's Command Hub (messages, unreachable victims, dead-lettered alerts),
   * urgent first, then oldest first. Hub operators and admins.
   */
  public List<InboxItem> hubInbox(StaffMember staff) {
    Access.requireAny(staff, StaffRole.HUB_OPERATOR, StaffRole.ADMIN);
    return tmc.messaging().hubInbox(staff.force());
  }

  /** Messages passed to the officer, or to their unit, and not closed; oldest first. Officers. */
  public List<InboxItem> officerMessages(StaffMember staff) {
    Access.requireAny(staff, StaffRole.OFFICER);
    List<InboxItem> items =
        new java.util.ArrayList<>(tmc.messaging().forOfficer(staff.force(), staff.officerRef()));
    items.addAll(tmc.messaging().forUnit(staff.force(), staff.unit()));
    items.sort(Comparator.comparing(InboxItem::since));
    return List.copyOf(items);
  }

  /**
   * A message with its replies and history (internal notes included). Audited as a consultation.
   * Hub operators and admins open any message of the force; an officer those passed to them or
   * their unit, or on their crimes; a supervisor those on crimes they may act on.
   */
  public MessageCase openMessage(StaffMember staff, String messageId) {
    message(staff, messageId);
    return tmc.messaging().open(staff.force(), messageId, staff.actor());
  }

  /** Forwards a message to an officer of the force, who is emailed. Hub operators and admins. */
  public VictimMessage forward(
      StaffMember staff, String messageId, String officerRef, String note) {
    Access.requireAny(staff, StaffRole.HUB_OPERATOR, StaffRole.ADMIN);
    message(staff, messageId);
    return tmc.messaging().forward(staff.force(), messageId, staff.actor(), officerRef, note);
  }

  /**
   * Passes a message to another officer or a unit. Hub operators and admins, and the officer the
   * message is with.
   */
  public VictimMessage reassign(StaffMember staff, String messageId, Assignee to, String note) {
    Access.requireAny(staff, StaffRole.HUB_OPERATOR, StaffRole.ADMIN, StaffRole.OFFICER);
    message(staff, messageId);
    return tmc.messaging().reassign(staff.force(), messageId, staff.actor(), to, note);
  }

  /**
   * Replies to the victim, who is alerted when they may be. Anyone who may open the message except
   * a supervisor (who oversees, not answers).
   */
  public VictimMessage reply(StaffMember staff, String messageId, String text) {
    Access.requireAny(staff, StaffRole.HUB_OPERATOR, StaffRole.ADMIN, StaffRole.OFFICER);
    message(staff, messageId);
    return tmc.messaging().reply(staff.force(), messageId, staff.actor(), text);
  }

  /** Closes a message with a reason the victim sees and an internal note they do not. */
  public VictimMessage close(StaffMember staff, String messageId, CloseReason reason, String note) {
    Access.requireAny(staff, StaffRole.HUB_OPERATOR, StaffRole.ADMIN, StaffRole.OFFICER);
    message(staff, messageId);
    return tmc.messaging().close(staff.force(), messageId, staff.actor(), reason, note);
  }

  /** The message when in the member's force (else 404) and their roles reach it (else 403). */
  private VictimMessage message(StaffMember staff, String messageId) {
    Objects.requireNonNull(staff, "staff");
    VictimMessage m =
        (messageId == null
                ? Optional.<VictimMessage>empty()
                : tmc.messages().find(staff.force(), messageId))
            .orElseThrow(() -> Access.notFound(staff, "message"));
    if (staff.has(StaffRole.HUB_OPERATOR) || staff.has(StaffRole.ADMIN)) {
      return m;
    }
    if (staff.has(StaffRole.OFFICER)
        && (staff.officerRef().equals(m.assignedOfficerRef())
            || staff.unit().equals(m.assignedUnit()))) {
      return m;
    }
    Optional<Crime> crime = tmc.crimes().find(staff.force(), m.crimeReference());
    if (crime.isPresent() && access.mayActOn(staff, crime.get())) {
      return m;
    }
    throw new StaffAccessException(
        "This message is not passed to you or your unit",
        Map.of(
            "staff", staff.id(), org.trackmycrime.core.TrackMyCrimeException.FORCE, staff.force()));
  }

  private Victim victim(StaffMember staff, Crime crime, String victimRef) {
    return (victimRef == null
            ? Optional.<Victim>empty()
            : tmc.victims().find(staff.force(), crime.crimeReference(), victimRef))
        .orElseThrow(() -> Access.notFound(staff, "victim"));
  }
}
