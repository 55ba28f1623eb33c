package org.trackmycrime.notifications.twilio;

import java.util.Objects;
import org.trackmycrime.notifications.twilio.internal.TwilioErrors;

/**
 * One verified status callback from Twilio: what happened to a text the channel sent.
 *
 * @param messageSid Twilio's SID of the message, as returned in {@code SendResult.Accepted}
 * @param status where the message is now
 * @param twilioStatus Twilio's own word for the status (useful when {@code status} is {@link
 *     DeliveryStatus#OTHER})
 * @param errorCode Twilio's error code for a failed or undelivered text, or null
 * @param idempotencyKey the outbox idempotency key the text was sent with, read back from the
 *     callback URL; null for texts sent without it
 * @param callbackToken Twilio's {@code I-Twilio-Idempotency-Token} for this callback, the same on
 *     each retry of it, so a host can ignore repeats; may be null
 */
public record DeliveryReceipt(
    String messageSid,
    DeliveryStatus status,
    String twilioStatus,
    Integer errorCode,
    String idempotencyKey,
    String callbackToken) {
  public DeliveryReceipt {
    Objects.requireNonNull(messageSid, "messageSid");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(twilioStatus, "twilioStatus");
  }

  /**
   * True when the text failed for a reason that will not change by sending again (unknown handset,
   * landline, unsubscribed): the victim's SMS channel should be marked unusable.
   */
  public boolean isPermanentFailure() {
    return status.isFailure() && TwilioErrors.isRecipientPermanent(errorCode);
  }
}
