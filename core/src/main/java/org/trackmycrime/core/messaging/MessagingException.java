package org.trackmycrime.core.messaging;

import java.util.Map;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * A messaging action that is not allowed now: the message's status forbids it (replying to a closed
 * message, forwarding one already forwarded), or the victim has sent too many messages.
 */
public class MessagingException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  /** Why the action was refused. */
  public enum Reason {
    /** The message's status does not allow the action. */
    NOT_ALLOWED_IN_STATUS,
    /** The victim reached {@link MessagingConfig#maxMessagesPerVictimPerDay()}. */
    RATE_LIMITED
  }

  private final Reason reason;

  public MessagingException(Reason reason, String message, Map<String, String> context) {
    super(message, context, null);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
