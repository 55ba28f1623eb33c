package org.trackmycrime.core.model;

import java.util.Locale;
import java.util.Optional;
import org.trackmycrime.core.internal.Emails;

/**
 * Normalises the contact details a records system or a victim gives: UK phone numbers to E.164,
 * email addresses trimmed with a lower-case domain. Each method returns empty when the input is not
 * usable.
 */
public final class ContactDetails {
  private ContactDetails() {}

  /**
   * Accepts E.164 ({@code +447700900123}), UK national format ({@code 07700 900123}) and the
   * international form with 00 or with (0) after the country code; spaces, hyphens, dots and
   * brackets are ignored.
   */
  public static Optional<String> phoneToE164(String input) {
    if (input == null || input.length() > 40) {
      return Optional.empty();
    }
    String s = input.strip().replace("(0)", "");
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return Optional.empty();
      }
    }
    String d = digits.toString();
    String e164;
    if (plus) {
      e164 = "+" + d;
    } else if (d.startsWith("00")) {
      e164 = "+" + d.substring(2);
    } else if (d.startsWith("0") && d.length() == 11) {
      e164 = "+44" + d.substring(1);
    } else {
      return Optional.empty();
    }
    if (e164.startsWith("+44")) {
      // UK numbers: 10 national significant digits, not starting with 0
      String national = e164.substring(3);
      if (national.length() != 10 || national.charAt(0) == '0') {
        return Optional.empty();
      }
    }
    if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
      return Optional.empty();
    }
    return Optional.of(e164);
  }

  /** True for a UK mobile number (+447…), the only kind a text message can reach. */
  public static boolean isUkMobile(String e164) {
    return e164 != null && e164.startsWith("+447") && e164.length() == 13;
  }

  /** Trims the address and lower-cases its domain; the local part is kept as given. */
  public static Optional<String> normaliseEmail(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String s = input.strip();
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return Optional.empty();
    }
    String normal = s.substring(0, at) + "@" + s.substring(at + 1).toLowerCase(Locale.ROOT);
    return Emails.isValid(normal) ? Optional.of(normal) : Optional.empty();
  }
}
