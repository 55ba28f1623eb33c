package org.trackmycrime.portal.staff;

/** What a member of staff may do in the staff console; a member may hold several. */
public enum StaffRole {
  /** Works the Command Hub inbox of their force: forwards, reassigns, replies, closes. */
  HUB_OPERATOR,
  /** Investigates crimes: the crimes they are in charge of and messages forwarded to them. */
  OFFICER,
  /** Oversees a unit (or, without one, the force): its compliance and its officers' crimes. */
  SUPERVISOR,
  /** Everything within their own force. */
  ADMIN
}
