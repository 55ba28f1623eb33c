package org.trackmycrime.portal;

import java.time.Instant;
import org.trackmycrime.core.model.Channel;

/**
 * An invitation to the portal for one victim of one crime. {@code token} goes into the link sent on
 * {@code channel}; it is shown here once and only its SHA-256 is stored.
 */
public record Invitation(
    String force,
    String crimeReference,
    String victimRef,
    Channel channel,
    String token,
    Instant expiresAt) {
  @Override
  public String toString() {
    return "Invitation[force="
        + force
        + ", crimeReference="
        + crimeReference
        + ", victimRef="
        + victimRef
        + ", channel="
        + channel
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
