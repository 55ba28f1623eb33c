package org.trackmycrime.examples.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The portal's secret key: it encrypts second-factor secrets and derives the opaque crime ids in
 * the victims' addresses, so it must survive restarts and be the same on every node. From {@code
 * TMC_PORTAL_SECRET}; in demo mode without it, from a key file made once under {@code ./data}.
 */
public final class PortalKey {
  private PortalKey() {}

  /** 32 bytes from the configured secret, or from (a new) {@code keyFile} in demo mode. */
  public static byte[] resolve(ServerConfig config, Path keyFile) {
    if (config.portalSecret() != null) {
      return sha256(config.portalSecret().getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (Files.exists(keyFile)) {
        return Base64.getDecoder().decode(Files.readString(keyFile).strip());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      Files.writeString(
          keyFile,
          Base64.getEncoder().encodeToString(key) + "\n",
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return key;
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException(
          "TMC_PORTAL_SECRET: not set, and the demo key file "
              + keyFile
              + " cannot be read or made ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
