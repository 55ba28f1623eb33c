package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;

/**
 * A crime as the force's records system describes it.
 *
 * @param force the owning force's slug
 * @param crimeReference the force's crime reference ({@code 43/123456/26} or a 64-hex id)
 * @param offenceCategory a data.police.uk category label or the force's own category
 * @param offenceDescription free text from the records system, or null; never shown to a victim
 *     before it has been depersonalised
 * @param reportedAt when the victim reported the crime; the update cadence counts from here
 * @param outcome the latest outcome label, or null while there is none
 * @param officerRef the officer in charge, or null while none is assigned
 */
public record Crime(
    String force,
    String crimeReference,
    String offenceCategory,
    String offenceDescription,
    Instant reportedAt,
    CrimeStatus status,
    String outcome,
    String officerRef) {

  public Crime {
    new Checks()
        .slug("force", force)
        .text("crimeReference", crimeReference, 64)
        .text("offenceCategory", offenceCategory, 200)
        .optionalText("offenceDescription", offenceDescription, 4000)
        .notNull("reportedAt", reportedAt)
        .notNull("status", status)
        .optionalText("outcome", outcome, 400)
        .optionalRef("officerRef", officerRef)
        .throwIfAny();
  }

  /** A newly recorded, open crime with no outcome and no officer yet. */
  public static Crime recorded(
      String force, String crimeReference, String offenceCategory, Instant reportedAt) {
    return new Crime(
        force, crimeReference, offenceCategory, null, reportedAt, CrimeStatus.OPEN, null, null);
  }

  public Crime withStatus(CrimeStatus value) {
    return new Crime(
        force,
        crimeReference,
        offenceCategory,
        offenceDescription,
        reportedAt,
        value,
        outcome,
        officerRef);
  }

  public Crime withOutcome(String value) {
    return new Crime(
        force,
        crimeReference,
        offenceCategory,
        offenceDescription,
        reportedAt,
        status,
        value,
        officerRef);
  }

  public Crime withOfficerRef(String value) {
    return new Crime(
        force,
        crimeReference,
        offenceCategory,
        offenceDescription,
        reportedAt,
        status,
        outcome,
        value);
  }

  public Crime withOffenceDescription(String value) {
    return new Crime(
        force, crimeReference, offenceCategory, value, reportedAt, status, outcome, officerRef);
  }
}
