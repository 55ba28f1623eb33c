package org.trackmycrime.core.messaging;

/** What a victim's message is about; the victim chooses before writing. */
public enum MessageTopic {
  /** A question for the officer. */
  QUESTION,
  /** Something the victim wants to add to what they told the police. */
  FURTHER_INFORMATION,
  /** Serial numbers, descriptions or values of a property item (see {@link PropertyDetails}). */
  PROPERTY_DETAILS
}
