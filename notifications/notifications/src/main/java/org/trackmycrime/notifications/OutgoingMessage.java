package org.trackmycrime.notifications;

import java.util.Map;
import java.util.Objects;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;

/**
 * One rendered message for one recipient on one channel.
 *
 * @param idempotencyKey unique per message attempt series; the same message re-sent keeps its key
 * @param kind {@link Channel#EMAIL} or {@link Channel#SMS}
 * @param to an email address or an E.164 number; never logged
 * @param senderName the neutral sender name of the force, as the recipient sees it
 * @param subject the email subject; null for SMS
 * @param textBody the plain-text body (the whole SMS for a text)
 * @param htmlBody the HTML body of an email, or null
 * @param templateKey the message kind's template key (for providers that hold templates themselves,
 *     such as GOV.UK Notify)
 * @param personalisation the values the template was rendered with (for template-based providers)
 */
public record OutgoingMessage(
    String idempotencyKey,
    Channel kind,
    String to,
    String senderName,
    Language language,
    String subject,
    String textBody,
    String htmlBody,
    String templateKey,
    Map<String, String> personalisation) {
  public OutgoingMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(language, "language");
    personalisation = Map.copyOf(personalisation);
  }

  /** Identifiers only: the recipient and the text are left out on purpose. */
  @Override
  public String toString() {
    return "OutgoingMessage[" + idempotencyKey + " " + kind + " " + templateKey + "]";
  }
}
