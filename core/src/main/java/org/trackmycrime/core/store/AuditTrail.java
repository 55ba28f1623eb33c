package org.trackmycrime.core.store;

import java.util.List;
import org.trackmycrime.core.model.AuditEvent;

/**
 * The append-only record of who processed whose personal data (DPA 2018 s.62).
 *
 * <p>Each force's entries form a hash chain: every entry carries its sequence number in the force
 * and the SHA-256 of the previous entry's hash and its own content, so a changed, removed or
 * reordered entry is found by {@link #verify(String)}. Entries are only ever inserted; on
 * PostgreSQL the SDK's runtime role can be denied UPDATE and DELETE on the table (see the core
 * README).
 */
public interface AuditTrail {
  /**
   * Appends an entry to its force's chain, in the caller's transaction when there is one. Appends
   * for one force are serialised by a lock on the force's chain head, held until that transaction
   * ends.
   */
  void record(AuditEvent event);

  /** Reads a force's whole chain and reports the first broken link, if any. */
  AuditVerification verify(String force);

  /** Every entry about a crime, oldest first. */
  List<AuditEvent> forCrime(String force, String crimeReference);

  /** Every entry about one subject (for example {@code victim}, {@code V1}), oldest first. */
  List<AuditEvent> forSubject(String force, String subjectType, String subjectRef);
}
