package org.trackmycrime.core.model;

/**
 * Where a victim's message is on its way from the victim, through the Command Hub, to the officer.
 */
public enum MessageStatus {
  RECEIVED,
  FORWARDED,
  REPLIED,
  CLOSED
}
