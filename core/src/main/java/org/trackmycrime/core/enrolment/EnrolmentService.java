package org.trackmycrime.core.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.trackmycrime.core.EnrolmentException;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AlertDecision;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Victim;

/**
 * Changes to a victim's enrolment made by the victim or by staff. Each change is validated against
 * the current state, kept in the history with who and when, and audited, in one transaction.
 */
public final class EnrolmentService {
  private final TrackMyCrime tmc;

  public EnrolmentService(TrackMyCrime tmc) {
    this.tmc = tmc;
  }

  /** The victim (or an officer, with a reason) stops all updates. */
  public Victim optOut(
      String force, String crimeReference, String victimRef, Actor actor, String reason) {
    return change(
        force, crimeReference, victimRef, actor, EnrolmentAction.OPT_OUT, reason, List.of());
  }

  /** The victim (or an officer, with a reason) asks for updates again. */
  public Victim optIn(
      String force, String crimeReference, String victimRef, Actor actor, String reason) {
    return change(
        force, crimeReference, victimRef, actor, EnrolmentAction.OPT_IN, reason, List.of());
  }

  /** An officer records whether contacting the victim is safe and suitable. */
  public Victim assessRisk(
      String force,
      String crimeReference,
      String victimRef,
      Actor officer,
      boolean suitable,
      List<String> reasonCodes,
      String note) {
    return change(
        force,
        crimeReference,
        victimRef,
        officer,
        suitable ? EnrolmentAction.ASSESS_SUITABLE : EnrolmentAction.ASSESS_UNSUITABLE,
        note,
        reasonCodes);
  }

  /** May this victim be alerted now, on which channels, and if not, why not. */
  public AlertDecision mayAlert(String force, String crimeReference, String victimRef) {
    return AlertPolicy.decide(find(force, crimeReference, victimRef), tmc.clock().instant());
  }

  private Victim change(
      String force,
      String crimeReference,
      String victimRef,
      Actor actor,
      EnrolmentAction action,
      String reason,
      List<String> reasonCodes) {
    Instant now = tmc.clock().instant();
    return tmc.inTransaction(
        () -> {
          Victim victim = find(force, crimeReference, victimRef);
          Victim changed;
          try {
            changed =
                victim.withEnrolment(
                    victim
                        .enrolment()
                        .apply(new EnrolmentTransition(action, now, actor, reason, reasonCodes)));
          } catch (EnrolmentException e) {
            throw e.withContext(context(force, crimeReference, victimRef));
          }
          tmc.victims().save(changed);
          tmc.cadence().refresh(force, crimeReference);
          tmc.audit()
              .record(
                  new AuditEvent(
                      force,
                      now,
                      actor,
                      AuditAction.ALTERATION,
                      "victim",
                      victimRef,
                      crimeReference,
                      "enrolment " + action));
          return changed;
        });
  }

  private Victim find(String force, String crimeReference, String victimRef) {
    return tmc.victims()
        .find(force, crimeReference, victimRef)
        .orElseThrow(
            () ->
                new NotFoundException("No such victim", context(force, crimeReference, victimRef)));
  }

  private static Map<String, String> context(
      String force, String crimeReference, String victimRef) {
    return Map.of(
        TrackMyCrimeException.FORCE,
        force,
        TrackMyCrimeException.CRIME_REFERENCE,
        crimeReference,
        TrackMyCrimeException.VICTIM_REF,
        victimRef);
  }
}
