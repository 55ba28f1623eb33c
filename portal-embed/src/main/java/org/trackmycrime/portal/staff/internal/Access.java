package org.trackmycrime.portal.staff.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.portal.staff.StaffAccessException;
import org.trackmycrime.portal.staff.StaffMember;
import org.trackmycrime.portal.staff.StaffRole;

/**
 * The staff access rules in one place. Every lookup is scoped to the member's own force, so another
 * force's reference is simply not found (404); a record of the member's force that their roles do
 * not reach is refused (403).
 *
 * <p>Crimes: an officer acts on the crimes they are in charge of; a supervisor on the crimes of the
 * officers now in their unit (all of the force's without a unit); an admin on every crime of the
 * force. Hub operators have no crime console: they work from the messages.
 */
public final class Access {
  private final TrackMyCrime tmc;

  public Access(TrackMyCrime tmc) {
    this.tmc = tmc;
  }

  /** Refuses unless the member holds one of {@code roles}. */
  public static void requireAny(StaffMember staff, StaffRole... roles) {
    Objects.requireNonNull(staff, "staff");
    for (StaffRole r : roles) {
      if (staff.has(r)) {
        return;
      }
    }
    throw new StaffAccessException(
        "This needs one of the roles " + Arrays.toString(roles),
        Map.of("staff", staff.id(), TrackMyCrimeException.FORCE, staff.force()));
  }

  /** The crime, when it is in the member's force (else 404) and their roles reach it (else 403). */
  public Crime crime(StaffMember staff, String crimeReference) {
    requireAny(staff, StaffRole.OFFICER, StaffRole.SUPERVISOR, StaffRole.ADMIN);
    Crime crime =
        (crimeReference == null
                ? java.util.Optional.<Crime>empty()
                : tmc.crimes().find(staff.force(), crimeReference))
            .orElseThrow(() -> notFound(staff, "crime"));
    if (!mayActOn(staff, crime)) {
      throw new StaffAccessException(
          "This crime is not yours or your unit's",
          Map.of(
              "staff",
              staff.id(),
              TrackMyCrimeException.FORCE,
              staff.force(),
              TrackMyCrimeException.CRIME_REFERENCE,
              crime.crimeReference()));
    }
    return crime;
  }

  /** Whether the member's roles reach a crime of their force. */
  public boolean mayActOn(StaffMember staff, Crime crime) {
    if (!crime.force().equals(staff.force())) {
      return false;
    }
    if (staff.has(StaffRole.ADMIN)) {
      return true;
    }
    String officer = crime.officerRef();
    if (staff.has(StaffRole.OFFICER) && officer != null && officer.equals(staff.officerRef())) {
      return true;
    }
    if (staff.has(StaffRole.SUPERVISOR)) {
      if (staff.unit() == null) {
        return true;
      }
      return officer != null
          && tmc.officers()
              .find(staff.force(), officer)
              .map(Officer::unit)
              .filter(staff.unit()::equals)
              .isPresent();
    }
    return false;
  }

  public static NotFoundException notFound(StaffMember staff, String what) {
    return new NotFoundException(
        "No such " + what + " in this force", Map.of(TrackMyCrimeException.FORCE, staff.force()));
  }
}
