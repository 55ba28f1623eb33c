package org.trackmycrime.core.cadence;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.TimelineKind;

/**
 * A decision the Victims' Code says a victim must be told of promptly (Right 6): suspect arrested,
 * interviewed under caution, released (no further action, on bail, under investigation), bail
 * varied or cancelled, charged, or a decision not to investigate.
 *
 * @param kind a {@link TimelineKind} whose {@link TimelineKind#isKeyDecision()} is true
 * @param occurredAt when the decision was made; its local date is day 0 of the deadline
 * @param description a few words for explanations, e.g. {@code suspect released on bail}; no names
 * @param toldAt when the timeline entry telling the victim of it was published, or null while it
 *     has not been
 */
public record KeyDecision(
    TimelineKind kind, Instant occurredAt, String description, Instant toldAt) {
  public KeyDecision {
    new Checks()
        .notNull("keyDecision.kind", kind)
        .require(
            kind == null || kind.isKeyDecision(),
            "keyDecision.kind",
            "must be a key decision of the Victims' Code (" + kind + " is not)")
        .notNull("keyDecision.occurredAt", occurredAt)
        .text("keyDecision.description", description, 200)
        .throwIfAny();
  }

  /** A decision the victim has not yet been told of. */
  public static KeyDecision untold(TimelineKind kind, Instant occurredAt, String description) {
    return new KeyDecision(kind, occurredAt, description, null);
  }

  /** The same decision, told to the victim at {@code value}. */
  public KeyDecision toldAt(Instant value) {
    return new KeyDecision(kind, occurredAt, description, value);
  }
}
