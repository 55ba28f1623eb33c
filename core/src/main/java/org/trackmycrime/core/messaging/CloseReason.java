package org.trackmycrime.core.messaging;

import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.LocalizedText;

/**
 * Why staff closed a message. The victim sees only the fixed phrase of the reason ({@link
 * #victimText}), never the staff member's note.
 */
public enum CloseReason {
  /** An officer spoke to the victim about it. */
  CONTACTED_DIRECTLY(
      "We have contacted you directly about this message.",
      "Rydym wedi cysylltu â chi'n uniongyrchol am y neges hon."),
  /** The answer is in an update on the crime's timeline. */
  ANSWERED_IN_UPDATE(
      "The answer to this message is in an update on your crime.",
      "Mae'r ateb i'r neges hon mewn diweddariad am eich trosedd."),
  /** Read and noted; nothing to answer. */
  NO_REPLY_NEEDED(
      "We have read your message and added it to your case. No reply is needed.",
      "Rydym wedi darllen eich neges a'i hychwanegu at eich achos. Nid oes angen ateb."),
  /** The victim sent the same thing twice. */
  DUPLICATE(
      "This message repeats another message you sent. We will answer that one.",
      "Mae'r neges hon yn ailadrodd neges arall a anfonoch. Byddwn yn ateb honno."),
  /** Not something this service deals with (a new crime, an appointment). */
  NOT_FOR_THIS_SERVICE(
      "We cannot deal with this here. Please call 101, or 999 in an emergency.",
      "Ni allwn ddelio â hyn yma. Ffoniwch 101, neu 999 mewn argyfwng.");

  private final LocalizedText text;

  CloseReason(String en, String cy) {
    this.text = new LocalizedText(en, cy);
  }

  /** The fixed phrase the victim reads. */
  public String victimText(Language language) {
    return text.in(language);
  }
}
