package org.trackmycrime.core.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.MessageStatus;

/**
 * One thing for the Command Hub or an officer to act on: a victim's message, a victim who can no
 * longer be reached, or an alert given up after its last attempt. References only, never the text:
 * open a message with {@link Messaging#open} (which is audited).
 *
 * @param messageId for {@link Kind#MESSAGE}; null otherwise
 * @param topic for {@link Kind#MESSAGE}; null otherwise
 * @param urgent the message's text looked urgent (the victim was prompted to call 999 or 101)
 * @param status for {@link Kind#MESSAGE}; null otherwise
 * @param assignedOfficerRef the officer a message was forwarded to, or null
 * @param assignedUnit the unit a message was reassigned to, or null
 * @param since when the message was sent, the channel was found unreachable, or the alert given up
 * @param waited from {@code since} to now (by the SDK's clock)
 * @param unreachableChannels for {@link Kind#UNREACHABLE_VICTIM}; empty otherwise
 * @param outboxId for {@link Kind#DEAD_LETTER}: the outbox row (retry it with the dispatcher)
 * @param alertKind for {@link Kind#DEAD_LETTER}: the outbox message kind
 */
public record InboxItem(
    Kind kind,
    String crimeReference,
    String victimRef,
    String messageId,
    MessageTopic topic,
    boolean urgent,
    MessageStatus status,
    String assignedOfficerRef,
    String assignedUnit,
    Instant since,
    Duration waited,
    Set<Channel> unreachableChannels,
    Long outboxId,
    String alertKind) {

  /** What the item is. */
  public enum Kind {
    /** A victim's message. */
    MESSAGE,
    /** A victim with a contact detail that failed for good; ask them for a new one. */
    UNREACHABLE_VICTIM,
    /** An alert or staff message the dispatcher gave up on. */
    DEAD_LETTER
  }

  public InboxItem {
    unreachableChannels = Set.copyOf(unreachableChannels);
  }
}
