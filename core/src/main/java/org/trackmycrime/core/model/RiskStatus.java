package org.trackmycrime.core.model;

/** An officer's risk assessment of whether contacting the victim is safe and suitable. */
public enum RiskStatus {
  PENDING,
  SUITABLE,
  UNSUITABLE
}
