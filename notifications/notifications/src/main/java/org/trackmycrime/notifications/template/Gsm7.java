package org.trackmycrime.notifications.template;

/**
 * The GSM 03.38 default alphabet, which every phone and network understands. A text written only in
 * it fits {@value #SINGLE_SEGMENT} septets in one SMS segment; one other character (a curly quote,
 * a Welsh ŵ or â) switches the whole text to UCS-2 and a segment holds only 70.
 */
public final class Gsm7 {
  /** Septets in one SMS segment of GSM-7 text. */
  public static final int SINGLE_SEGMENT = 160;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** Characters of the extension table: each takes an escape septet and its own. */
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private Gsm7() {}

  /** Whether every character of the text is in the GSM-7 default alphabet or its extension. */
  public static boolean isGsm7(String text) {
    return text.codePoints().allMatch(Gsm7::isGsm7);
  }

  /** Whether one character is in the GSM-7 default alphabet or its extension. */
  public static boolean isGsm7(int codePoint) {
    return BASIC.indexOf(codePoint) >= 0 || EXTENSION.indexOf(codePoint) >= 0;
  }

  /**
   * The septets the text takes in GSM-7 (extension characters count two).
   *
   * @throws IllegalArgumentException when a character is not GSM-7
   */
  public static int septets(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) {
        n++;
      } else if (EXTENSION.indexOf(c) >= 0) {
        n += 2;
      } else {
        throw new IllegalArgumentException(
            "character U+" + String.format("%04X", (int) c) + " at " + i + " is not GSM-7");
      }
    }
    return n;
  }

  /** Whether the text is GSM-7 and fits one segment. */
  public static boolean fitsOneSegment(String text) {
    return isGsm7(text) && septets(text) <= SINGLE_SEGMENT;
  }

  /** The characters of the text that are not GSM-7, for error messages. */
  public static String offending(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints()
        .filter(cp -> !isGsm7(cp))
        .distinct()
        .forEach(cp -> sb.append(sb.length() == 0 ? "" : " ").append(String.format("U+%04X", cp)));
    return sb.toString();
  }
}
