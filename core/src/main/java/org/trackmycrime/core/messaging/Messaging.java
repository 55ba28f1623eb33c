package org.trackmycrime.core.messaging;

import java.util.List;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.VictimMessage;

/**
 * Victims' messages to the officer, through the force's Command Hub ({@code tmc.messaging()}).
 *
 * <p>A victim sends a message ({@link #send}); it waits in the hub's inbox ({@link #hubInbox}),
 * urgent-looking ones first. The hub forwards it to the officer ({@link #forward}, which queues an
 * email to the officer), reassigns it ({@link #reassign}), replies ({@link #reply}, which queues an
 * alert to the victim when they may be alerted) or closes it ({@link #close}). Every action is kept
 * in the message's history with the staff member's internal note, is audited, and writes its outbox
 * row in the same transaction, so each action queues its message exactly once. The victim sees a
 * status and the replies ({@link #threadsForVictim}), never a note or a staff member.
 *
 * <p>Staff methods take the force of the signed-in staff member: a message of another force is not
 * found ({@link NotFoundException}). Checking the staff member's role is the host's job.
 */
public interface Messaging {
  /** Whether text looks urgent or like a new crime, by the force's phrases (English and Welsh). */
  UrgencyCheck check(String force, String text);

  /**
   * Sends a victim's message to the Command Hub. Audited (collection).
   *
   * @return the stored message, status {@code RECEIVED}
   * @throws ValidationException naming each broken rule: {@code topic} required, {@code body}
   *     1-4000 characters once trimmed, {@code body} looking urgent while {@code
   *     urgentAcknowledged} is false, {@code victimRef} not enrolled, {@code propertyDetails}
   *     missing, naming no item of the crime, or given for another topic
   * @throws NotFoundException when the force has no such victim on that crime
   * @throws MessagingException ({@link MessagingException.Reason#RATE_LIMITED}) when the victim
   *     sent {@link MessagingConfig#maxMessagesPerVictimPerDay()} in the last 24 hours
   */
  VictimMessage send(NewVictimMessage message);

  /**
   * The victim's messages on a crime, newest first, as the victim sees them. Audited (consultation,
   * by the victim).
   *
   * @throws NotFoundException when the force has no such victim on that crime
   */
  List<MessageThread> threadsForVictim(String force, String crimeReference, String victimRef);

  /**
   * What waits for the Command Hub: messages not yet passed on, victims who can no longer be
   * reached and dead-lettered alerts; urgent messages first, then oldest first.
   */
  List<InboxItem> hubInbox(String force);

  /** Messages forwarded or reassigned to an officer and not yet closed, oldest first. */
  List<InboxItem> forOfficer(String force, String officerRef);

  /** Messages reassigned to a unit and not yet closed, oldest first. */
  List<InboxItem> forUnit(String force, String unit);

  /**
   * A message with its replies and full history, for staff. Audited (consultation).
   *
   * @throws NotFoundException when the force has no such message
   */
  MessageCase open(String force, String messageId, Actor staff);

  /**
   * Passes a message waiting with the hub to an officer of the force, and queues an email telling
   * them (OFFICER_MESSAGE). Audited (disclosure).
   *
   * @param note an internal note (at most 2000 characters), or null; never shown to the victim
   * @throws ValidationException when {@code officerRef} is missing or names no officer of the force
   * @throws MessagingException when the message is not waiting with the hub
   * @throws NotFoundException when the force has no such message
   */
  VictimMessage forward(
      String force, String messageId, Actor staff, String officerRef, String note);

  /**
   * Passes a message waiting with the hub or already forwarded to another officer (who is emailed)
   * or to a unit (listed by {@link #forUnit}; nobody is emailed). Audited (disclosure).
   *
   * @throws ValidationException when the officer is not one of the force's, or is the current one
   * @throws MessagingException when the message was replied to or closed
   * @throws NotFoundException when the force has no such message
   */
  VictimMessage reassign(String force, String messageId, Actor staff, Assignee to, String note);

  /**
   * Replies to the victim (1-4000 characters once trimmed) and queues an alert telling them there
   * is a reply (VICTIM_REPLY), unless they may not be alerted now. Sending the same text again as
   * the latest reply changes nothing (a retried request). Audited (alteration).
   *
   * @throws ValidationException naming {@code text}
   * @throws MessagingException when the message is closed
   * @throws NotFoundException when the force has no such message
   */
  VictimMessage reply(String force, String messageId, Actor staff, String text);

  /**
   * Closes a message; the victim sees the reason's fixed phrase, never the note. Audited
   * (alteration).
   *
   * @throws ValidationException when {@code reason} is missing
   * @throws MessagingException when the message is already closed
   * @throws NotFoundException when the force has no such message
   */
  VictimMessage close(String force, String messageId, Actor staff, CloseReason reason, String note);
}
