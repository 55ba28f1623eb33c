package org.trackmycrime.portal;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of signing in, activating an invitation or linking a crime. On {@link
 * Status#SIGNED_IN}, {@code sessionId} is the new session's id for {@link SessionCookie#set}; any
 * session the browser had before must be replaced by it (rotation).
 */
public record SignInResult(
    Status status,
    Optional<String> sessionId,
    Optional<PortalSession> session,
    Duration retryAfter) {

  public enum Status {
    /** Signed in: set the cookie. */
    SIGNED_IN,
    /** Wrong sign-in name or password (which one is not said). */
    INVALID_CREDENTIALS,
    /** Too many failures: try again after {@code retryAfter}. */
    TRY_AGAIN_LATER,
    /** The invitation is unknown, used, expired, or the crime reference did not match. */
    INVITATION_INVALID,
    /**
     * An account already exists for this contact: sign in from the invitation to link the crime.
     */
    ACCOUNT_EXISTS
  }

  static SignInResult signedIn(String sessionId, PortalSession session) {
    return new SignInResult(
        Status.SIGNED_IN, Optional.of(sessionId), Optional.of(session), Duration.ZERO);
  }

  static SignInResult of(Status status) {
    return new SignInResult(status, Optional.empty(), Optional.empty(), Duration.ZERO);
  }

  static SignInResult tryLater(Duration wait) {
    return new SignInResult(Status.TRY_AGAIN_LATER, Optional.empty(), Optional.empty(), wait);
  }

  public boolean signedIn() {
    return status == Status.SIGNED_IN;
  }

  @Override
  public String toString() {
    return "SignInResult[" + status + "]";
  }
}
