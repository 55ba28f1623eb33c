package org.trackmycrime.portal.staff;

import java.util.Optional;
import org.trackmycrime.portal.http.PortalRequest;

/**
 * Supplied by the host: who is signed in to the host's staff sign-in (force directory, single
 * sign-on) for this request. The staff portal trusts nothing else: a force or role sent by the
 * browser is never read.
 */
@FunctionalInterface
public interface StaffIdentity {
  /** The signed-in member of staff, or empty when nobody is signed in. */
  Optional<StaffMember> current(PortalRequest request);
}
