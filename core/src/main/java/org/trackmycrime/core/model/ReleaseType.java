package org.trackmycrime.core.model;

/** How a suspect was released (record event {@code SUSPECT_RELEASED.releaseType}). */
public enum ReleaseType {
  /** No further action: the police will take no further action against this person. */
  NO_FURTHER_ACTION,
  /** Released on bail, possibly with conditions. */
  BAIL,
  /** Released under investigation: without bail, while enquiries continue. */
  UNDER_INVESTIGATION
}
