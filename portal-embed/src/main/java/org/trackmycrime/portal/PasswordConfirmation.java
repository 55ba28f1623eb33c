package org.trackmycrime.portal;

import java.time.Duration;

/**
 * The outcome of an action that asks for the current password again (changing a contact detail,
 * turning off the second factor). Wrong passwords count against the sign-in throttle; when
 * throttled, {@code retryAfter} says how long to wait.
 */
public record PasswordConfirmation(Outcome outcome, Duration retryAfter) {
  /** What happened. */
  public enum Outcome {
    /** The password was right and the change is made. */
    DONE,
    /** The password was wrong; nothing changed. */
    WRONG_PASSWORD,
    /** Too many wrong passwords: nothing was checked; try again after {@code retryAfter}. */
    TRY_AGAIN_LATER
  }

  static final PasswordConfirmation DONE = new PasswordConfirmation(Outcome.DONE, Duration.ZERO);
  static final PasswordConfirmation WRONG =
      new PasswordConfirmation(Outcome.WRONG_PASSWORD, Duration.ZERO);

  static PasswordConfirmation tryLater(Duration wait) {
    return new PasswordConfirmation(Outcome.TRY_AGAIN_LATER, wait);
  }

  public boolean done() {
    return outcome == Outcome.DONE;
  }
}
