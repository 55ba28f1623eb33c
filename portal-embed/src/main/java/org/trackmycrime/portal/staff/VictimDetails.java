package org.trackmycrime.portal.staff;

import org.trackmycrime.core.model.Victim;

/**
 * A victim's record as a member of staff consulted it, and why. Obtaining one wrote a {@code
 * CONSULTATION} row to the audit trail.
 */
public record VictimDetails(Victim victim, ConsultationPurpose purpose) {
  /** Refs only. */
  @Override
  public String toString() {
    return "VictimDetails["
        + victim.crimeReference()
        + "/"
        + victim.victimRef()
        + ", "
        + purpose
        + "]";
  }
}
