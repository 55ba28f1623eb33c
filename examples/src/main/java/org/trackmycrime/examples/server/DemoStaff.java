package org.trackmycrime.examples.server;

import java.util.List;
import java.util.Set;
import org.trackmycrime.portal.staff.StaffMember;
import org.trackmycrime.portal.staff.StaffRole;

/**
 * The demo mode's staff accounts. A force's own server takes its staff from its directory or single
 * sign-on through a {@link org.trackmycrime.portal.staff.StaffIdentity}; these exist only so that
 * someone trying the demo can see every staff page.
 */
public final class DemoStaff {
  /** Every demo staff account signs in with this password (demo mode only). */
  public static final String PASSWORD = "demo-staff-only";

  /** The unit of the demo officers (the simulated feed assigns its crimes to them). */
  public static final String UNIT = "City CID";

  /** The officers the simulated feed assigns crimes to. */
  public static final List<String> OFFICERS = List.of("DC1001", "DC1002", "DC1003");

  private DemoStaff() {}

  /** The accounts: a hub operator, the three officers, a supervisor and an administrator. */
  public static List<StaffMember> accounts(String force) {
    return List.of(
        new StaffMember(
            "hub.operator",
            "Hub operator (demo)",
            force,
            Set.of(StaffRole.HUB_OPERATOR),
            null,
            null),
        officer(force, "DC1001"),
        officer(force, "DC1002"),
        officer(force, "DC1003"),
        new StaffMember(
            "supervisor", "DS Supervisor (demo)", force, Set.of(StaffRole.SUPERVISOR), null, UNIT),
        new StaffMember(
            "admin", "Administrator (demo)", force, Set.of(StaffRole.ADMIN), null, null));
  }

  private static StaffMember officer(String force, String ref) {
    return new StaffMember(
        ref.toLowerCase(java.util.Locale.ROOT),
        "DC " + ref.substring(2) + " (demo)",
        force,
        Set.of(StaffRole.OFFICER),
        ref,
        UNIT);
  }
}
