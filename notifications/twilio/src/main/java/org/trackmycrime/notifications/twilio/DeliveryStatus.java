package org.trackmycrime.notifications.twilio;

import java.util.Locale;

/** Where a text is, as Twilio reports it in a status callback. */
public enum DeliveryStatus {
  ACCEPTED,
  SCHEDULED,
  CANCELED,
  QUEUED,
  SENDING,
  SENT,
  DELIVERED,
  UNDELIVERED,
  FAILED,
  PARTIALLY_DELIVERED,
  READ,
  RECEIVING,
  RECEIVED,
  /** A status this version does not know; the receipt keeps Twilio's word for it. */
  OTHER;

  /** Twilio's lower-case word ({@code delivered}, {@code partially_delivered}); never null. */
  public static DeliveryStatus fromTwilio(String value) {
    if (value == null) {
      return OTHER;
    }
    try {
      DeliveryStatus s = valueOf(value.strip().toUpperCase(Locale.ROOT));
      return s;
    } catch (IllegalArgumentException e) {
      return OTHER;
    }
  }

  /**
   * True when Twilio will report nothing further: delivered, undelivered, failed, canceled, read.
   */
  public boolean isFinal() {
    return this == DELIVERED
        || this == UNDELIVERED
        || this == FAILED
        || this == CANCELED
        || this == READ;
  }

  /** True when the text did not reach the phone: undelivered or failed. */
  public boolean isFailure() {
    return this == UNDELIVERED || this == FAILED;
  }
}
