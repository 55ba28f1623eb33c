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
 * @param purpose why the data was processed (DPA 2018 s.62 justification): {@link
 *     #PURPOSE_VICTIM_UPDATES} unless the processing served another purpose such as {@link
 *     #PURPOSE_RETENTION} or {@link #PURPOSE_SUBJECT_ACCESS}; a short lower-case slug
 */
public record AuditEvent(
    String force,
    Instant at,
    Actor actor,
    AuditAction action,
    String subjectType,
    String subjectRef,
    String crimeReference,
    String detail,
    String purpose) {
  /** Keeping a victim informed under the Code of Practice for Victims of Crime: the SDK's work. */
  public static final String PURPOSE_VICTIM_UPDATES = "victim-updates";

  /** Erasing personal data whose retention period has passed. */
  public static final String PURPOSE_RETENTION = "retention";

  /** Answering a data subject's request for their data (DPA 2018 s.45). */
  public static final String PURPOSE_SUBJECT_ACCESS = "subject-access";

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
        .slug("purpose", purpose)
        .throwIfAny();
  }

  /** An entry for the SDK's own purpose, {@link #PURPOSE_VICTIM_UPDATES}. */
  public AuditEvent(
      String force,
      Instant at,
      Actor actor,
      AuditAction action,
      String subjectType,
      String subjectRef,
      String crimeReference,
      String detail) {
    this(
        force,
        at,
        actor,
        action,
        subjectType,
        subjectRef,
        crimeReference,
        detail,
        PURPOSE_VICTIM_UPDATES);
  }
}
