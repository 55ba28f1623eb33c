package org.trackmycrime.core.text.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds UK postcodes. A full postcode ("BS7 8AA", "bs78aa") is replaced in any case when its area
 * is a real postcode area. An outward code alone ("BS7", "SW1A") is replaced when it follows the
 * word "postcode", or when it is written in capitals with a real two-letter area; one-letter areas
 * ("M25", "E1") look too much like roads and other codes to be taken without that cue.
 */
public final class PostcodeFinder {
  private static final Pattern FULL =
      Pattern.compile(
          "(?<![A-Za-z0-9])([A-Za-z]{1,2})([0-9][A-Za-z0-9]?)[ \\u00a0]{0,2}([0-9][A-Za-z]{2})"
              + "(?![A-Za-z0-9])");
  private static final Pattern GIRO = Pattern.compile("(?<![A-Za-z0-9])GIR ?0AA(?![A-Za-z0-9])");
  private static final Pattern OUTWARD =
      Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{1,2})([0-9][A-Za-z0-9]?)(?![A-Za-z0-9])");
  private static final Pattern ORDINAL = Pattern.compile("1st|2nd|3rd|[4-9]th");
  private static final Pattern CUE =
      Pattern.compile("(?:post ?code|postal code|cod post)\\W{0,3}(?:is|was|yw)?\\W{0,3}$");

  private static final Set<String> AREAS =
      Set.of(
          "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA",
          "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
          "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA",
          "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW",
          "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE",
          "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH",
          "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW",
          "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF",
          "WN", "WR", "WS", "WV", "YO", "ZE");

  /** Capitalised codes that are far more often something else (CO2, WD40, iPhone SE2, IP68…). */
  private static final Set<String> NOT_OUTWARD_CODES =
      Set.of(
          "CO2", "WD40", "CH4", "CH5", "UB40", "BB8", "SE2", "SE3", "IP65", "IP66", "IP67", "IP68",
          "IP69");

  private PostcodeFinder() {}

  public static void find(String text, List<Candidate> out) {
    Matcher full = FULL.matcher(text);
    while (full.find()) {
      String area = full.group(1).toUpperCase(Locale.ROOT);
      boolean ordinal = ORDINAL.matcher(full.group(3)).matches(); // "room B12 3rd floor"
      if (AREAS.contains(area) && (!ordinal || cued(text, full.start()))) {
        out.add(new Candidate(full.start(), full.end(), ReplacementCategory.POSTCODE));
      }
    }
    Matcher giro = GIRO.matcher(text);
    while (giro.find()) {
      out.add(new Candidate(giro.start(), giro.end(), ReplacementCategory.POSTCODE));
    }
    Matcher outward = OUTWARD.matcher(text);
    while (outward.find()) {
      String area = outward.group(1);
      String code = outward.group();
      if (!AREAS.contains(area.toUpperCase(Locale.ROOT))) {
        continue;
      }
      boolean capitals = code.equals(code.toUpperCase(Locale.ROOT));
      if (cued(text, outward.start())
          || (capitals && area.length() == 2 && !NOT_OUTWARD_CODES.contains(code))) {
        out.add(new Candidate(outward.start(), outward.end(), ReplacementCategory.POSTCODE));
      }
    }
  }

  private static boolean cued(String text, int at) {
    String before = text.substring(Math.max(0, at - 24), at).toLowerCase(Locale.ROOT);
    return CUE.matcher(before).find();
  }
}
