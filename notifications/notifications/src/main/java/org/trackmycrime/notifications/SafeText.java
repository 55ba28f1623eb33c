package org.trackmycrime.notifications;

import java.util.regex.Pattern;

/**
 * Makes a provider's error text fit for logs, for channel implementations. Providers' messages can
 * quote what they refused ("The 'To' number +44… is not valid"), so anything that looks like a
 * number or an address is masked before the text goes into a {@link SendResult}.
 */
public final class SafeText {
  private static final Pattern ADDRESS = Pattern.compile("\\S+@\\S+");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d\\s().-]{3,}\\d");
  private static final int MAX = 200;

  private SafeText() {}

  /** The text with numbers and addresses masked and control characters dropped, at most 200. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String masked = ADDRESS.matcher(text).replaceAll("[address]");
    masked = NUMBER.matcher(masked).replaceAll("[number]");
    masked = masked.replaceAll("\\p{Cntrl}", " ").strip();
    return masked.length() <= MAX ? masked : masked.substring(0, MAX - 1) + "…";
  }
}
