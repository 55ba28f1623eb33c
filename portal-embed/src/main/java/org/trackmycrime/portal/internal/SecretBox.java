package org.trackmycrime.portal.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets for storage with AES-256-GCM under the host's key ({@code v1:} + Base64 of
 * nonce and ciphertext), or, without a key, marks them as stored plain ({@code plain:}). Not API.
 */
public final class SecretBox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private final SecretKeySpec key;

  /** {@code key}: 32 bytes, or null to store secrets plain. */
  public SecretBox(byte[] key) {
    this.key = key == null ? null : new SecretKeySpec(key, "AES");
  }

  public String seal(String secret) {
    if (key == null) {
      return "plain:" + secret;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return "v1:"
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required by every JDK", e);
    }
  }

  /**
   * @throws IllegalStateException when the value was sealed with another key, or sealed but no key
   *     is configured
   */
  public String open(String stored) {
    if (stored.startsWith("plain:")) {
      return stored.substring("plain:".length());
    }
    if (key == null || !stored.startsWith("v1:")) {
      throw new IllegalStateException("a sealed secret needs the portal's secret key");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(3));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
      return new String(
          c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a sealed secret could not be opened with this key", e);
    }
  }
}
