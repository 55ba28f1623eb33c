package org.trackmycrime.notifications.template;

/** The parts of a message a template can be written for. */
public enum TemplatePart {
  /** The email subject line. */
  SUBJECT,
  /**
   * The plain-text email body. Paragraphs are separated by a blank line; unless {@link #EMAIL_HTML}
   * is given, the HTML body is made from it (escaped, links made clickable).
   */
  EMAIL_TEXT,
  /** An HTML email body of the force's own; optional. Values are HTML-escaped into it. */
  EMAIL_HTML,
  /** The whole text message: GSM-7 characters only, one segment (160) once filled in. */
  SMS
}
