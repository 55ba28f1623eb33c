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

  enum EventType {
    CRIME_RECORDED,
    RISK_ASSESSED,
    OFFICER_ASSIGNED,
    SUSPECT_IDENTIFIED,
    WITNESS_IDENTIFIED,
    SUSPECT_ARRESTED,
    SUSPECT_INTERVIEWED,
    SUSPECT_RELEASED,
    BAIL_CHANGED,
    SUSPECT_CHARGED,
    NOT_INVESTIGATED,
    PROPERTY_RECORDED,
    OFFICER_UPDATE,
    OUTCOME_RECORDED,
    CASE_CLOSED,
    CASE_REOPENED,
    VICTIM_DETAILS_CHANGED
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
