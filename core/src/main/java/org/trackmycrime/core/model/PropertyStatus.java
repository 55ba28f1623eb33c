package org.trackmycrime.core.model;

/** What happened to an item of the victim's property. */
public enum PropertyStatus {
  STOLEN,
  DAMAGED,
  RECOVERED,
  RETURNED
}
