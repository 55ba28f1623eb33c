package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;

/**
 * One entry of the audit trail: who processed whose personal data, how, and when.
 *
 * @param subjectType what kind of record was touched ({@code victim}, {@code crime}, {@code
 *     message})
 * @param subjectRef the record's reference (a victim ref, a message id), never a name
 * @param crimeReference the crime it belongs to, or null
 * @param detail a short, non-personal description such as {@code OPT_OUT} or {@code enrolment}
 */
public record AuditEvent(
    String force,
    Instant at,
    Actor actor,
    AuditAction action,
    String subjectType,
    String subjectRef,
    String crimeReference,
    String detail) {
  public AuditEvent {
    new Checks()
        .slug("force", force)
        .notNull("at", at)
        .notNull("actor", actor)
        .notNull("action", action)
        .text("subjectType", subjectType, 40)
        .text("subjectRef", subjectRef, 200)
        .optionalText("crimeReference", crimeReference, 64)
        .optionalText("detail", detail, 400)
        .throwIfAny();
  }
}
