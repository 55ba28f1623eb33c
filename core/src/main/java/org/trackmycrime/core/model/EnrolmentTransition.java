package org.trackmycrime.core.model;

import java.time.Instant;
import java.util.List;
import org.trackmycrime.core.internal.Checks;

/**
 * One change of a victim's enrolment, kept forever as history.
 *
 * @param at when it took effect (for records-system events, the event's time)
 * @param actor who made it
 * @param reason free-text reason, or null; staff-facing only
 * @param reasonCodes the risk assessment's reason codes, empty when none
 * @param eventKey for a fact from the records system, the order key of the event it came from
 *     (orders facts that took effect at the same instant whatever their arrival order); null for
 *     changes made in the SDK
 */
public record EnrolmentTransition(
    EnrolmentAction action,
    Instant at,
    Actor actor,
    String reason,
    List<String> reasonCodes,
    String eventKey) {

  /** A change made in the SDK (not from a record event). */
  public EnrolmentTransition(
      EnrolmentAction action, Instant at, Actor actor, String reason, List<String> reasonCodes) {
    this(action, at, actor, reason, reasonCodes, null);
  }

  public EnrolmentTransition {
    new Checks()
        .notNull("action", action)
        .notNull("at", at)
        .notNull("actor", actor)
        .optionalText("reason", reason, 4000)
        .noNulls("reasonCodes", reasonCodes)
        .optionalText("eventKey", eventKey, 300)
        .throwIfAny();
    reasonCodes = List.copyOf(reasonCodes);
  }
}
