package org.trackmycrime.notifications.twilio.internal;

import java.time.Duration;
import java.util.Map;
import org.trackmycrime.notifications.SendResult;

/**
 * Which Twilio answers are worth retrying. The codes are Twilio's error dictionary
 * (twilio.com/docs/api/errors); anything not listed is decided by its HTTP status.
 */
public final class TwilioErrors {
  /** Starts the code of a result caused by our own setup rather than by the recipient. */
  public static final String CONFIG_PREFIX = "config-";

  /** The recipient's number will never take a text from us as it is. */
  private static final Map<Integer, String> RECIPIENT =
      Map.ofEntries(
          Map.entry(21211, "invalid 'To' number"),
          Map.entry(21214, "'To' number cannot be reached"),
          Map.entry(21217, "'To' number does not appear to be valid"),
          Map.entry(21219, "'To' number not verified (trial account)"),
          Map.entry(21265, "'To' number is a short code"),
          Map.entry(21266, "'To' and 'From' are the same number"),
          Map.entry(21408, "sending to this region is not enabled"),
          Map.entry(21608, "'To' number not verified (trial account)"),
          Map.entry(21610, "recipient unsubscribed (replied STOP)"),
          Map.entry(21612, "'To' number not reachable by text from this sender"),
          Map.entry(21614, "'To' number is not a mobile number"),
          Map.entry(30004, "message blocked by the recipient or carrier"),
          Map.entry(30005, "unknown destination handset"),
          Map.entry(30006, "landline or unreachable carrier"),
          Map.entry(30007, "message filtered by the carrier"));

  /** Our own setup is wrong: every text will fail until someone changes the configuration. */
  private static final Map<Integer, String> CONFIG =
      Map.ofEntries(
          Map.entry(20003, "authentication failed: check accountSid and authToken"),
          Map.entry(20005, "the Twilio account is not active"),
          Map.entry(20404, "resource not found: check accountSid and messagingServiceSid"),
          Map.entry(21212, "invalid 'From' number: check fromNumber"),
          Map.entry(21602, "message body is required"),
          Map.entry(21606, "'From' number cannot send texts: check fromNumber"),
          Map.entry(21617, "message body is longer than 1600 characters"),
          Map.entry(21659, "'From' is not a Twilio number of this account: check fromNumber"),
          Map.entry(21660, "'From' does not belong to this account: check fromNumber"),
          Map.entry(21701, "Messaging Service not found: check messagingServiceSid"),
          Map.entry(21703, "Messaging Service has no senders: check messagingServiceSid"),
          Map.entry(21704, "Messaging Service has no usable senders"),
          Map.entry(21705, "Messaging Service is invalid: check messagingServiceSid"));

  /** Busy or briefly broken: try again later. */
  private static final Map<Integer, String> TRANSIENT =
      Map.ofEntries(
          Map.entry(14107, "send rate limit exceeded"),
          Map.entry(20429, "too many requests"),
          Map.entry(20500, "Twilio internal error"),
          Map.entry(20503, "Twilio service unavailable"),
          Map.entry(21611, "'From' number has too many queued messages"),
          Map.entry(30001, "queue overflow"),
          Map.entry(30003, "destination handset unreachable (switched off?)"),
          Map.entry(30008, "unknown delivery error"));

  private TwilioErrors() {}

  /**
   * Classifies an answer that was not a success.
   *
   * @param httpStatus the HTTP status
   * @param code Twilio's error code from the body, or null
   * @param message Twilio's message, already made safe with {@link
   *     org.trackmycrime.notifications.SafeText}, or null
   * @param retryAfter the wait asked for, or null
   */
  public static SendResult classify(
      int httpStatus, Integer code, String message, Duration retryAfter) {
    String id = code != null ? code.toString() : "http-" + httpStatus;
    String known = describe(code);
    String reason =
        "Twilio HTTP "
            + httpStatus
            + (code != null ? " error " + code : "")
            + ": "
            + (known != null
                ? known
                : message == null || message.isEmpty() ? "no detail" : message);
    if (code != null && TRANSIENT.containsKey(code)
        || httpStatus == 429
        || httpStatus == 408
        || httpStatus >= 500) {
      return new SendResult.Transient(id, reason, retryAfter);
    }
    if (code != null && RECIPIENT.containsKey(code)) {
      return new SendResult.Permanent(id, reason);
    }
    if (code != null && CONFIG.containsKey(code) || httpStatus == 401 || httpStatus == 403) {
      return new SendResult.Permanent(CONFIG_PREFIX + id, reason);
    }
    if (httpStatus >= 400) {
      return new SendResult.Permanent(id, reason);
    }
    return new SendResult.Transient(id, reason, retryAfter);
  }

  /** True for error codes that mean this recipient can never be reached this way. */
  public static boolean isRecipientPermanent(Integer code) {
    return code != null && RECIPIENT.containsKey(code);
  }

  /** A short fixed description of a known code, or null. */
  public static String describe(Integer code) {
    if (code == null) {
      return null;
    }
    String d = RECIPIENT.get(code);
    if (d == null) {
      d = CONFIG.get(code);
    }
    return d != null ? d : TRANSIENT.get(code);
  }
}
