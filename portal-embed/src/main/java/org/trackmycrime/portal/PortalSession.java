package org.trackmycrime.portal;

import java.time.Instant;

/**
 * A signed-in victim's session, as the server holds it. The cookie carries a random id; only its
 * SHA-256 is stored. {@code csrfToken} is the synchronizer token every form of this session must
 * post back (see {@link VictimPortal#checkCsrf}).
 */
public record PortalSession(
    String force, String accountId, String csrfToken, Instant createdAt, Instant lastSeenAt) {
  @Override
  public String toString() {
    return "PortalSession[force=" + force + ", accountId=" + accountId + "]";
  }
}
