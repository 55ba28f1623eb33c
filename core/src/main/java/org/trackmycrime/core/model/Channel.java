package org.trackmycrime.core.model;

/** How a victim can be alerted. */
public enum Channel {
  EMAIL,
  SMS
}
