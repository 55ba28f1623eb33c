/**
 * The staff side of the portal: the officer console, officer updates with a depersonalisation
 * preview, risk assessments and opt-outs, the supervisor's compliance view and the Command Hub. The
 * host supplies who is signed in through {@link org.trackmycrime.portal.staff.StaffIdentity};
 * {@link org.trackmycrime.portal.staff.StaffConsole} checks every call against the member's roles
 * and force.
 */
package org.trackmycrime.portal.staff;
