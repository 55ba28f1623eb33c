package org.trackmycrime.core.ingest;

/** What happened to one record event. */
public enum IngestStatus {
  /** Applied and committed. */
  APPLIED,
  /** The same {@code (source, eventId)} was applied before: nothing changed. */
  DUPLICATE,
  /**
   * Valid, but its crime is not recorded yet: kept and applied when {@code CRIME_RECORDED} arrives.
   */
  PARKED,
  /** Broke the contract: kept with its raw text in the rejected list, with the reasons. */
  REJECTED
}
