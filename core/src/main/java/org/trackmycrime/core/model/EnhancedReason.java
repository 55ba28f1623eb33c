package org.trackmycrime.core.model;

/** Why a victim has enhanced rights under the Victims' Code. */
public enum EnhancedReason {
  MOST_SERIOUS_CRIME,
  PERSISTENTLY_TARGETED,
  VULNERABLE,
  INTIMIDATED
}
