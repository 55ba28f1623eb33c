package org.trackmycrime.notifications;

/**
 * What a provider's delivery receipt says. A message's receipt status only moves forward: {@link
 * #ACCEPTED} to {@link #DELIVERED} or {@link #FAILED}; a late "accepted" after "delivered" is
 * ignored, and neither final status replaces the other.
 */
public enum ReceiptStatus {
  /** The provider has it (queued, sent to the network). */
  ACCEPTED,
  /** It reached the recipient's phone or mail server. */
  DELIVERED,
  /** The provider gave up on it. */
  FAILED
}
