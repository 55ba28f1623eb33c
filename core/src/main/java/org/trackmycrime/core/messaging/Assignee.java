package org.trackmycrime.core.messaging;

import org.trackmycrime.core.internal.Checks;

/** Who a message is passed to: one officer, or a unit (by its name in {@code Officer#unit()}). */
public record Assignee(String officerRef, String unit) {
  public Assignee {
    Checks checks =
        new Checks()
            .require(
                (officerRef == null) != (unit == null),
                "assignee",
                "must name exactly one of officerRef or unit");
    checks.optionalRef("officerRef", officerRef).optionalText("unit", unit, 200);
    if (unit != null) {
      checks.text("unit", unit, 200);
    }
    checks.throwIfAny();
  }

  public static Assignee officer(String officerRef) {
    return new Assignee(officerRef, null);
  }

  public static Assignee unit(String unit) {
    return new Assignee(null, unit);
  }

  public boolean isOfficer() {
    return officerRef != null;
  }
}
