package org.trackmycrime.notifications.smtp;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Parses raw messages received by the fake server. */
final class Mime {
  private Mime() {}

  static MimeMessage parse(String raw) {
    try {
      return new MimeMessage(
          Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain body, decoded. */
  static String plainText(String raw) {
    return plainText(parse(raw));
  }

  static String plainText(MimeMessage m) {
    try {
      Object content = m.getContent();
      if (content instanceof String s) {
        return s;
      }
      Multipart multipart = (Multipart) content;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return (String) part.getContent();
        }
      }
      throw new IllegalStateException("no text/plain part");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String html(MimeMessage m) {
    try {
      Multipart multipart = (Multipart) m.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/html")) {
          return (String) part.getContent();
        }
      }
      throw new IllegalStateException("no text/html part");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
