package org.trackmycrime.core.messaging;

import java.time.Instant;
import java.util.List;

/**
 * One message as the victim who sent it sees it: what they wrote, where it stands and the replies.
 * Never holds staff notes or who on the staff side acted.
 *
 * @param propertyDetails what the victim added about a property item, or null
 * @param closeReason why it was closed when {@link #status()} is {@link VictimStatus#CLOSED}, else
 *     null; show {@link CloseReason#victimText}
 * @param replies oldest first
 * @param updatedAt when its status last changed
 */
public record MessageThread(
    String messageId,
    String crimeReference,
    MessageTopic topic,
    String body,
    PropertyDetails propertyDetails,
    Instant sentAt,
    VictimStatus status,
    CloseReason closeReason,
    List<Reply> replies,
    Instant updatedAt) {
  public MessageThread {
    replies = List.copyOf(replies);
  }

  /** Identifiers only: the text is left out on purpose. */
  @Override
  public String toString() {
    return "MessageThread[" + messageId + " " + status + " replies=" + replies.size() + "]";
  }
}
