package org.trackmycrime.portal.staff;

import java.util.EnumSet;
import java.util.Set;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.Actor;

/**
 * The signed-in member of staff, as the host's {@link StaffIdentity} resolved them. Force and roles
 * come from the host's own sign-in, never from the browser.
 *
 * @param id the host's stable identifier for the person (it goes into audit rows)
 * @param displayName shown on staff pages only
 * @param force the force slug the member works for; they see nothing of any other force
 * @param roles at least one
 * @param officerRef the records system's ref of the officer (required for {@link
 *     StaffRole#OFFICER}), or null
 * @param unit the unit they work in (required for {@link StaffRole#OFFICER}; optional for a
 *     supervisor, who without one oversees the whole force), or null
 */
public record StaffMember(
    String id,
    String displayName,
    String force,
    Set<StaffRole> roles,
    String officerRef,
    String unit) {
  public StaffMember {
    new Checks()
        .ref("id", id)
        .text("displayName", displayName, 200)
        .slug("force", force)
        .noNulls("roles", roles)
        .require(roles == null || !roles.isEmpty(), "roles", "must hold at least one role")
        .optionalRef("officerRef", officerRef)
        .optionalText("unit", unit, 200)
        .require(
            roles == null || !roles.contains(StaffRole.OFFICER) || officerRef != null,
            "officerRef",
            "is required for an officer")
        .require(
            roles == null || !roles.contains(StaffRole.OFFICER) || unit != null,
            "unit",
            "is required for an officer")
        .throwIfAny();
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  /** True when the member holds {@code role}. */
  public boolean has(StaffRole role) {
    return roles.contains(role);
  }

  /** The member as an audit actor: {@code STAFF:<id>}. */
  public Actor actor() {
    return Actor.staff(id);
  }

  /** Identifiers and roles only. */
  @Override
  public String toString() {
    return "StaffMember[id=" + id + ", force=" + force + ", roles=" + roles + "]";
  }
}
