package org.trackmycrime.notifications.template;

/**
 * One message kind rendered in one language.
 *
 * @param subject the email subject (one line)
 * @param text the plain-text email body
 * @param html the HTML email body
 * @param sms the text message, or null for staff messages (they go by email only)
 */
public record RenderedMessage(String subject, String text, String html, String sms) {
  /** Lengths only: rendered messages are never logged. */
  @Override
  public String toString() {
    return "RenderedMessage[subject "
        + subject.length()
        + ", text "
        + text.length()
        + ", html "
        + html.length()
        + (sms == null ? "" : ", sms " + sms.length())
        + "]";
  }
}
