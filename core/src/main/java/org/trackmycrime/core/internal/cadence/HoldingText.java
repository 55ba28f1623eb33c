package org.trackmycrime.core.internal.cadence;

import org.trackmycrime.core.model.LocalizedText;

/**
 * The words of a holding update, in English and Welsh: plain, with no promise of a date, and naming
 * only who is investigating (the officer's display name as the portal shows it, or the force).
 */
final class HoldingText {
  private HoldingText() {}

  static LocalizedText of(String investigatedBy) {
    return new LocalizedText(
        "Your case is still being investigated by "
            + investigatedBy
            + ". There is nothing new to tell you yet, but we have not forgotten your case."
            + " We will update you again as soon as there is news.",
        "Mae eich achos yn dal i gael ei ymchwilio gan "
            + investigatedBy
            + ". Nid oes dim byd newydd i'w ddweud wrthych eto, ond nid ydym wedi anghofio am"
            + " eich achos. Byddwn yn rhoi'r wybodaeth ddiweddaraf i chi eto cyn gynted ag y bydd"
            + " newyddion.");
  }
}
