package org.trackmycrime.core.messaging;

/**
 * A message a victim asks to send (see {@link Messaging#send}); checked there, so every broken rule
 * is reported at once with its field.
 *
 * @param topic what it is about; required
 * @param body what the victim wrote: 1-4000 characters once trimmed; never logged
 * @param propertyDetails required for {@link MessageTopic#PROPERTY_DETAILS}, null otherwise
 * @param urgentAcknowledged the victim was shown the prompt to call 999 or 101 for text that looks
 *     urgent and chose to send it anyway
 */
public record NewVictimMessage(
    String force,
    String crimeReference,
    String victimRef,
    MessageTopic topic,
    String body,
    PropertyDetails propertyDetails,
    boolean urgentAcknowledged) {

  /** A question or further information, not yet acknowledged as urgent. */
  public static NewVictimMessage of(
      String force, String crimeReference, String victimRef, MessageTopic topic, String body) {
    return new NewVictimMessage(force, crimeReference, victimRef, topic, body, null, false);
  }

  /** The same message, with the victim's acknowledgement of the urgency prompt. */
  public NewVictimMessage acknowledgingUrgency() {
    return new NewVictimMessage(
        force, crimeReference, victimRef, topic, body, propertyDetails, true);
  }

  /** Identifiers only: the body is left out on purpose. */
  @Override
  public String toString() {
    return "NewVictimMessage[" + force + " " + crimeReference + " " + victimRef + " " + topic + "]";
  }
}
