package org.trackmycrime.core.store;

import java.util.List;
import org.trackmycrime.core.model.AuditEvent;

/** The append-only record of who processed whose personal data (DPA 2018 s.62). */
public interface AuditTrail {
  void record(AuditEvent event);

  /** Every entry about a crime, oldest first. */
  List<AuditEvent> forCrime(String force, String crimeReference);

  /** Every entry about one subject (for example {@code victim}, {@code V1}), oldest first. */
  List<AuditEvent> forSubject(String force, String subjectType, String subjectRef);
}
