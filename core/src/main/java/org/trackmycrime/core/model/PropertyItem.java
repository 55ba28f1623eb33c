package org.trackmycrime.core.model;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;

/**
 * An item of the victim's property and what has happened to it.
 *
 * @param estimatedValuePence the estimated value, or null when unknown
 * @param updatedAt when the status last changed in the records system
 */
public record PropertyItem(
    String force,
    String crimeReference,
    String itemRef,
    String description,
    PropertyStatus status,
    Long estimatedValuePence,
    Instant updatedAt) {
  public PropertyItem {
    new Checks()
        .slug("force", force)
        .text("crimeReference", crimeReference, 64)
        .ref("itemRef", itemRef)
        .text("description", description, 4000)
        .notNull("status", status)
        .require(
            estimatedValuePence == null || estimatedValuePence >= 0,
            "estimatedValuePence",
            "must not be negative")
        .notNull("updatedAt", updatedAt)
        .throwIfAny();
  }
}
