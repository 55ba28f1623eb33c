package org.trackmycrime.core.privacy;

import org.trackmycrime.core.model.Actor;

/** Subject access (DPA 2018 s.45): everything held about one victim, as JSON. */
public interface SubjectAccess {
  /**
   * Exports what the SDK (and each {@link ErasureParticipant}) holds about a victim of a crime: the
   * victim record, enrolment history, the crime as shown to them, the timeline as shown, property,
   * their messages, the alerts sent to them (channel, time and status; never bodies or addresses)
   * and the audit entries about them. Audited as {@code DISCLOSURE} by {@code requestedBy}.
   *
   * @return a JSON object; its {@code format} field names the layout version
   * @throws org.trackmycrime.core.NotFoundException when there is no such victim
   */
  String export(String force, String crimeReference, String victimRef, Actor requestedBy);
}
