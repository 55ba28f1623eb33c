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
 */
public record EnrolmentTransition(
    EnrolmentAction action, Instant at, Actor actor, String reason, List<String> reasonCodes) {
  public EnrolmentTransition {
    new Checks()
        .notNull("action", action)
        .notNull("at", at)
        .notNull("actor", actor)
        .optionalText("reason", reason, 4000)
        .noNulls("reasonCodes", reasonCodes)
        .throwIfAny();
    reasonCodes = List.copyOf(reasonCodes);
  }
}
