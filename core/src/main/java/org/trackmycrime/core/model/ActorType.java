package org.trackmycrime.core.model;

/** Who did something: the victim, a member of staff, the records system, or the SDK itself. */
public enum ActorType {
  VICTIM,
  OFFICER,
  STAFF,
  RECORDS_SYSTEM,
  SYSTEM
}
