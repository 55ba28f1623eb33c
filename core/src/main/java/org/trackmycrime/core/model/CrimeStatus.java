package org.trackmycrime.core.model;

/** Whether a crime is still being investigated. */
public enum CrimeStatus {
  OPEN,
  CLOSED
}
