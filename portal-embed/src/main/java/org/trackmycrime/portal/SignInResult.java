package org.trackmycrime.portal;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of signing in, activating an invitation, linking a crime or completing a second
 * factor. On {@link Status#SIGNED_IN}, {@code sessionId} is the new session's id for {@link
 * SessionCookie#set}; any session the browser had before must be replaced by it (rotation). On
 * {@link Status#SECOND_FACTOR_REQUIRED}, {@code pendingToken} (short-lived, single-use) goes to
 * {@link VictimPortal#completeSecondFactor} with the code of {@code secondFactor}.
 */
public record SignInResult(
    Status status,
    Optional<String> sessionId,
    Optional<PortalSession> session,
    Duration retryAfter,
    Optional<String> pendingToken,
    SecondFactor secondFactor) {

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
    ACCOUNT_EXISTS,
    /**
     * The password was right; ask for the code of {@code secondFactor} and pass it with {@code
     * pendingToken} to {@link VictimPortal#completeSecondFactor}.
     */
    SECOND_FACTOR_REQUIRED,
    /** The second-factor code was wrong or already used; the pending sign-in can try again. */
    INVALID_CODE,
    /** The pending sign-in expired or ran out of tries: sign in with the password again. */
    SIGN_IN_AGAIN
  }

  static SignInResult signedIn(String sessionId, PortalSession session) {
    return new SignInResult(
        Status.SIGNED_IN,
        Optional.of(sessionId),
        Optional.of(session),
        Duration.ZERO,
        Optional.empty(),
        SecondFactor.NONE);
  }

  static SignInResult of(Status status) {
    return new SignInResult(
        status,
        Optional.empty(),
        Optional.empty(),
        Duration.ZERO,
        Optional.empty(),
        SecondFactor.NONE);
  }

  static SignInResult tryLater(Duration wait) {
    return new SignInResult(
        Status.TRY_AGAIN_LATER,
        Optional.empty(),
        Optional.empty(),
        wait,
        Optional.empty(),
        SecondFactor.NONE);
  }

  static SignInResult secondFactorRequired(String pendingToken, SecondFactor factor) {
    return new SignInResult(
        Status.SECOND_FACTOR_REQUIRED,
        Optional.empty(),
        Optional.empty(),
        Duration.ZERO,
        Optional.of(pendingToken),
        factor);
  }

  static SignInResult withFactor(Status status, SecondFactor factor) {
    return new SignInResult(
        status, Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty(), factor);
  }

  public boolean signedIn() {
    return status == Status.SIGNED_IN;
  }

  @Override
  public String toString() {
    return "SignInResult[" + status + "]";
  }
}
