package org.trackmycrime.core.messaging;

import org.trackmycrime.core.model.MessageStatus;

/** Where a message stands, as the victim is told it. */
public enum VictimStatus {
  /** With the Command Hub, not yet passed on. */
  RECEIVED_BY_HUB,
  /** Passed to the officer (or their unit). */
  FORWARDED_TO_OFFICER,
  /** At least one reply has been sent. */
  REPLIED,
  /** Closed; {@link MessageThread#closeReason()} says why. */
  CLOSED;

  /** The victim's view of a stored status. */
  public static VictimStatus of(MessageStatus status) {
    return switch (status) {
      case RECEIVED -> RECEIVED_BY_HUB;
      case FORWARDED -> FORWARDED_TO_OFFICER;
      case REPLIED -> REPLIED;
      case CLOSED -> CLOSED;
    };
  }
}
