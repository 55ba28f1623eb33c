package org.trackmycrime.core.text.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds GB vehicle registrations in the current format (AB12 CDE, in capitals or lower case), and
 * in the older prefix (A123 BCD) and suffix (ABC 123D) formats when written in capitals and not an
 * ordinary word or a car maker's model ("BMW 320D").
 */
public final class VehicleRegistrationFinder {
  private static final Pattern CURRENT =
      Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}[ \\u00a0]?[A-Za-z]{3}(?![A-Za-z0-9])");
  private static final Pattern PREFIX =
      Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Y][0-9]{1,3}[ \\u00a0]?([A-Z]{3})(?![A-Za-z0-9])");
  private static final Pattern SUFFIX =
      Pattern.compile("(?<![A-Za-z0-9])([A-Z]{3})[ \\u00a0]?[0-9]{1,3}[A-HJ-NPR-Y](?![A-Za-z0-9])");

  /** Three-letter words in capitals that are not the letters of a registration. */
  private static final Set<String> WORDS =
      Set.of(
          "THE", "AND", "FOR", "ARE", "BUT", "NOT", "YOU", "ALL", "ANY", "CAN", "HAD", "HER", "WAS",
          "ONE", "OUR", "OUT", "DAY", "GET", "HAS", "HIM", "HIS", "HOW", "MAN", "NEW", "NOW", "OLD",
          "SEE", "TWO", "WAY", "WHO", "DID", "ITS", "LET", "PUT", "SAY", "SHE", "TOO", "USE", "MPH",
          "KMH", "AGO", "VIA", "PER", "OFF", "YET", "NOR", "WHY", "MAY", "APT", "FLT", "STE", "BAY",
          "ROW", "BUS", "VAN", "CAR", "AGE", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP",
          "OCT", "NOV", "DEC", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "TEL", "REF", "NUM",
          "QTY", "SET", "TOP", "END", "BOX", "BMW", "KIA", "GMC", "DAF", "TVR", "AMG", "ERF", "LDV",
          "DOB", "PIN", "ATM", "GBP", "USD", "EUR");

  private VehicleRegistrationFinder() {}

  public static void find(String text, List<Candidate> out) {
    Matcher current = CURRENT.matcher(text);
    while (current.find()) {
      String letters = current.group().replaceAll("[^A-Za-z]", "");
      boolean oneCase =
          letters.equals(letters.toUpperCase(Locale.ROOT))
              || letters.equals(letters.toLowerCase(Locale.ROOT));
      if (oneCase) {
        out.add(
            new Candidate(
                current.start(), current.end(), ReplacementCategory.VEHICLE_REGISTRATION));
      }
    }
    Matcher prefix = PREFIX.matcher(text);
    while (prefix.find()) {
      if (!WORDS.contains(prefix.group(1))) {
        out.add(
            new Candidate(prefix.start(), prefix.end(), ReplacementCategory.VEHICLE_REGISTRATION));
      }
    }
    Matcher suffix = SUFFIX.matcher(text);
    while (suffix.find()) {
      if (!WORDS.contains(suffix.group(1))) {
        out.add(
            new Candidate(suffix.start(), suffix.end(), ReplacementCategory.VEHICLE_REGISTRATION));
      }
    }
  }
}
