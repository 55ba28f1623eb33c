package org.trackmycrime.portal.staff;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.TimelineEntry;

/**
 * One crime as the console shows it: its victims by reference and enrolment state only (their names
 * and contact details are a separate, audited {@link StaffConsole#victimDetails} view), every
 * obligation owed or settled, and the timeline the victims see, newest first.
 */
public record CrimeView(
    Crime crime,
    Optional<Officer> officer,
    List<VictimSummary> victims,
    List<CaseObligation> obligations,
    List<TimelineEntry> timeline) {
  public CrimeView {
    victims = List.copyOf(victims);
    obligations = List.copyOf(obligations);
    timeline = List.copyOf(timeline);
  }

  /** A victim of the crime without personal details. */
  public record VictimSummary(String victimRef, Enrolment.State state) {}
}
