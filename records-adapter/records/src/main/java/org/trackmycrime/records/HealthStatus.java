package org.trackmycrime.records;

/** How a connector is doing, for a host's health endpoint. */
public enum HealthStatus {
  /** Running, and its last attempt succeeded. */
  UP,
  /** Running, but its last attempt failed; it is retrying. */
  DEGRADED,
  /** Not running (not started, stopped), or failing for too long. */
  DOWN
}
