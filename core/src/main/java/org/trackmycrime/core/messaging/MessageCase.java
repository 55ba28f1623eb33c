package org.trackmycrime.core.messaging;

import java.util.List;
import org.trackmycrime.core.model.VictimMessage;

/**
 * A message as staff see it (from {@link Messaging#open}): the message, what made it look urgent,
 * the replies and the full history with internal notes.
 *
 * @param propertyDetails what the victim added about a property item, or null
 * @param urgentPhrases the configured phrases its text matched when sent; empty when not urgent
 * @param closeReason when closed; null otherwise
 * @param replies oldest first
 * @param history oldest first, starting with {@link MessageAction.Type#SENT}
 */
public record MessageCase(
    VictimMessage message,
    PropertyDetails propertyDetails,
    List<String> urgentPhrases,
    CloseReason closeReason,
    List<StaffReply> replies,
    List<MessageAction> history) {
  public MessageCase {
    urgentPhrases = List.copyOf(urgentPhrases);
    replies = List.copyOf(replies);
    history = List.copyOf(history);
  }

  /** Identifiers only. */
  @Override
  public String toString() {
    return "MessageCase[" + message + "]";
  }
}
