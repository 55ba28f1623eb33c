package org.trackmycrime.portal.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator-app codes (RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps) through java-otp,
 * with the Base32 form apps expect. A code is accepted for the current step and one step either
 * side (clock drift), and only for a step later than the last one accepted (no replay). Not API.
 */
public final class Totp {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final int DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TimeBasedOneTimePasswordGenerator GENERATOR =
      new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

  private Totp() {}

  /** A new random secret (160 bits), in Base32. */
  public static String newSecret() {
    byte[] b = new byte[SECRET_BYTES];
    RANDOM.nextBytes(b);
    return base32(b);
  }

  /** The {@code otpauth://} address an app reads from a QR code. */
  public static URI uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return URI.create(
        "otpauth://totp/"
            + label
            + "?secret="
            + secret
            + "&issuer="
            + encode(issuer)
            + "&algorithm=SHA1&digits="
            + DIGITS
            + "&period="
            + STEP.toSeconds());
  }

  /** The time step of an instant. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
  }

  /** The code of a step (for tests and for checking). */
  public static String code(String secret, long step) {
    try {
      return GENERATOR.generateOneTimePasswordString(
          new SecretKeySpec(unbase32(secret), "HmacSHA1"),
          Instant.ofEpochSecond(step * STEP.toSeconds()),
          Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HMAC key is never invalid here", e);
    }
  }

  /**
   * The step {@code code} belongs to, when it is right at {@code now} (one step of drift either
   * way) and later than {@code lastStep}; every candidate is compared in constant time.
   */
  public static OptionalLong verify(String secret, String code, Instant now, long lastStep) {
    String given = code == null ? "" : code.replaceAll("\\s+", "");
    long current = step(now);
    long found = -1;
    for (long s = current - 1; s <= current + 1; s++) {
      boolean match = Secrets.constantTimeEquals(code(secret, s), given);
      if (match && s > lastStep && found < 0) {
        found = s;
      }
    }
    return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
  }

  static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  static byte[] unbase32(String text) {
    String s = text.toUpperCase(Locale.ROOT).replace("=", "");
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int i = 0;
    for (char c : s.toCharArray()) {
      int v = ALPHABET.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not Base32");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[i++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
