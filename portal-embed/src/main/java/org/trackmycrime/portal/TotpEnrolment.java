package org.trackmycrime.portal;

import java.net.URI;

/**
 * A new authenticator-app secret waiting for confirmation with a code ({@link
 * VictimPortal#confirmTotp}). Show {@code secret} (Base32, for typing) and {@code otpauthUri} (for
 * a QR code) once; neither is in {@link #toString()}.
 */
public record TotpEnrolment(String secret, URI otpauthUri) {
  @Override
  public String toString() {
    return "TotpEnrolment[secret hidden]";
  }
}
