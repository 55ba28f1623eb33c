package org.trackmycrime.core.internal.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.trackmycrime.core.model.BailChange;
import org.trackmycrime.core.model.EnhancedReason;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.ReleaseType;
import org.trackmycrime.core.model.TimelineKind;

/**
 * A valid record event v1, parsed. Contact details are already normalised (E.164 mobiles). Holds
 * personal data: never log it, log {@link #source()} and {@link #eventId()} only.
 */
record RecordEvent(
    String eventId,
    String source,
    String force,
    String crimeReference,
    Long sequence,
    Instant occurredAt,
    EventType type,
    Data data) {

  /** The last-writer-wins order of the contract: occurredAt, then sequence, then source and id. */
  String orderKey() {
    return OrderKeys.of(occurredAt, sequence, source, eventId);
  }

  String entryKey() {
    return source + ":" + eventId;
  }

  /**
   * The v1 types, with the timeline entry each produces and whether its words come from free text.
   */
  enum EventType {
    CRIME_RECORDED(TimelineKind.CRIME_RECORDED, false),
    RISK_ASSESSED(null, false),
    OFFICER_ASSIGNED(TimelineKind.OFFICER_ASSIGNED, true),
    SUSPECT_IDENTIFIED(TimelineKind.SUSPECT_IDENTIFIED, false),
    WITNESS_IDENTIFIED(TimelineKind.WITNESS_IDENTIFIED, false),
    SUSPECT_ARRESTED(TimelineKind.SUSPECT_ARRESTED, false),
    SUSPECT_INTERVIEWED(TimelineKind.SUSPECT_INTERVIEWED, false),
    SUSPECT_RELEASED(TimelineKind.SUSPECT_RELEASED, true),
    BAIL_CHANGED(TimelineKind.BAIL_CHANGED, true),
    SUSPECT_CHARGED(TimelineKind.SUSPECT_CHARGED, true),
    NOT_INVESTIGATED(TimelineKind.NOT_INVESTIGATED, true),
    PROPERTY_RECORDED(TimelineKind.PROPERTY_UPDATED, true),
    OFFICER_UPDATE(TimelineKind.OFFICER_UPDATE, true),
    OUTCOME_RECORDED(TimelineKind.OUTCOME, true),
    CASE_CLOSED(TimelineKind.CASE_CLOSED, true),
    CASE_REOPENED(TimelineKind.CASE_REOPENED, true),
    VICTIM_DETAILS_CHANGED(null, false);

    private final TimelineKind timelineKind;
    private final boolean freeText;

    EventType(TimelineKind timelineKind, boolean freeText) {
      this.timelineKind = timelineKind;
      this.freeText = freeText;
    }

    /** The entry a victim sees, or null for types that show nothing. */
    TimelineKind timelineKind() {
      return timelineKind;
    }

    /** Whether the entry's words come from free text, and so change when names arrive later. */
    boolean hasFreeText() {
      return freeText;
    }
  }

  sealed interface Data {}

  record VictimData(
      String victimRef,
      String givenName,
      String familyName,
      String email,
      String mobile,
      Language language,
      boolean optedOut,
      boolean enhanced,
      Set<EnhancedReason> enhancedReasons,
      Integer updateFrequencyDays) {}

  record CrimeRecorded(
      Instant reportedAt,
      String category,
      String description,
      String homeOfficeCode,
      List<VictimData> victims)
      implements Data {}

  record RiskAssessed(
      String victimRef, boolean suitable, String assessedBy, List<String> reasonCodes, String note)
      implements Data {}

  record OfficerAssigned(String ref, String displayName, String rank, String unit, String email)
      implements Data {}

  /** SUSPECT_IDENTIFIED or WITNESS_IDENTIFIED: the names are used only to depersonalise text. */
  record PersonIdentified(String personRef, List<String> names) implements Data {}

  /** SUSPECT_ARRESTED or SUSPECT_INTERVIEWED. */
  record PersonEvent(String personRef) implements Data {}

  record SuspectReleased(String personRef, ReleaseType releaseType, String bailConditions)
      implements Data {}

  record BailChanged(String personRef, BailChange change, String bailConditions) implements Data {}

  record SuspectCharged(String personRef, List<String> charges, LocalDate hearingDate, String court)
      implements Data {}

  /** NOT_INVESTIGATED, CASE_CLOSED, CASE_REOPENED: an optional or required reason. */
  record Reason(String reason) implements Data {}

  record PropertyRecorded(
      String itemRef, String description, PropertyStatus status, Long estimatedValuePence)
      implements Data {}

  record OfficerUpdate(String officerRef, String text) implements Data {}

  record OutcomeRecorded(String outcome, boolean finalised, String text) implements Data {}

  /** Only the fields present in the event are non-null. */
  record VictimDetailsChanged(
      String victimRef, String email, String mobile, Language language, Boolean optedOut)
      implements Data {}
}
