package org.trackmycrime.notifications;

/** Which of a victim's channels an update alert (or a reply alert) goes to. */
public enum AlertChannels {
  /** Every usable channel: email and text when the victim has both. The default. */
  ALL,
  /** Email when usable, else text. A permanent email failure falls back to text. */
  PREFER_EMAIL,
  /** Text when usable, else email. A permanent text failure falls back to email. */
  PREFER_SMS
}
