package org.trackmycrime.portal.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ids for URLs that say nothing about the crime: the first 128 bits of HMAC-SHA256 over force,
 * crime reference and victim reference with a secret key, URL-safe Base64 (22 characters). Pages
 * find a crime by computing the id of each crime the session may read and comparing, so an id never
 * opens anything the session could not already read.
 */
public final class OpaqueIds {
  private final byte[] key;

  public OpaqueIds(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("secretKey: must be at least 32 bytes");
    }
    this.key = key.clone();
  }

  public String of(String... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
