package org.trackmycrime.core.privacy;

/**
 * Erases the personal data of crimes closed for longer than the force's {@link RetentionPolicy},
 * keeping the anonymous figures the compliance report reads (crimes, obligations, timeline entries
 * as shown, enrolment states).
 *
 * <p>Erased: victims' names and contact details, enrolment reasons, victims' message bodies, the
 * crime's raw description, the records system's raw events and descriptions kept for
 * depersonalising, names of other people, outbox template parameters, and whatever each {@link
 * ErasureParticipant} holds (the portal's accounts and links). Each victim's erasure is audited as
 * {@code ERASURE} by the system, with purpose {@code retention}.
 */
public interface Retention {
  /**
   * Erases every crime that is due, in its own short transaction each. Idempotent, and safe to run
   * on several nodes at once: a crime being erased by another node is skipped (and erased by it).
   */
  RetentionRun run();
}
