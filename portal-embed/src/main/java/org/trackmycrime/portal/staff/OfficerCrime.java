package org.trackmycrime.portal.staff;

import java.util.List;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.model.Crime;

/**
 * A crime in an officer's list, with what is still owed on it (pending or overdue, soonest first),
 * each with the cadence engine's explanation.
 */
public record OfficerCrime(Crime crime, List<CaseObligation> open) {
  public OfficerCrime {
    open = List.copyOf(open);
  }

  /** True when something on the crime is overdue. */
  public boolean overdue() {
    return open.stream()
        .anyMatch(o -> o.status() == org.trackmycrime.core.cadence.Obligation.Status.OVERDUE);
  }
}
