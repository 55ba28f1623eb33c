package org.trackmycrime.core.model;

import org.trackmycrime.core.internal.Checks;

/**
 * An officer as a victim sees them: a display name, rank and unit; and an email for staff alerts.
 *
 * @param ref the records system's identifier for the officer (collar number or staff id)
 */
public record Officer(
    String force, String ref, String displayName, String rank, String unit, String email) {
  public Officer {
    new Checks()
        .slug("force", force)
        .ref("officer.ref", ref)
        .text("officer.displayName", displayName, 200)
        .optionalText("officer.rank", rank, 100)
        .optionalText("officer.unit", unit, 200)
        .email("officer.email", email)
        .throwIfAny();
  }
}
