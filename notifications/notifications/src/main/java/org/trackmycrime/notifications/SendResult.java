package org.trackmycrime.notifications;

import java.time.Duration;

/** How a send went, classified so the dispatcher knows whether to retry, fall back or stop. */
public sealed interface SendResult {
  /**
   * The provider took the message.
   *
   * @param providerId the provider's id for it (Twilio's message SID, Notify's notification id, the
   *     SMTP Message-ID), used to match delivery receipts; may be null
   */
  record Accepted(String providerId) implements SendResult {}

  /**
   * Worth trying again later: a timeout, SMTP 4xx, HTTP 429 or 5xx.
   *
   * @param code the provider's code or status, for logs (never message text)
   * @param retryAfter how long the provider asked us to wait, or null
   * @param channelDown the provider itself could not be reached (connection refused, name not
   *     resolved): an outage of the channel, not a problem of this message, so the dispatcher keeps
   *     the message waiting without using up its attempts
   */
  record Transient(String code, String reason, Duration retryAfter, boolean channelDown)
      implements SendResult {
    /** A transient failure of this message (it uses up one of its attempts). */
    public Transient(String code, String reason, Duration retryAfter) {
      this(code, reason, retryAfter, false);
    }

    /** The provider could not be reached at all: see {@link #channelDown()}. */
    public static Transient channelDown(String code, String reason) {
      return new Transient(code, reason, null, true);
    }
  }

  /**
   * Will never work for this recipient: SMTP 5xx, Twilio 21211 (invalid number), 21614 (not a
   * mobile), 21610 (unsubscribed), 30005/30006 (unknown or unreachable). The channel is marked
   * unusable for the victim and the dispatcher falls back to their other channel.
   */
  record Permanent(String code, String reason) implements SendResult {}
}
