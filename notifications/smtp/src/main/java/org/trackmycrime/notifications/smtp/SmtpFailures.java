package org.trackmycrime.notifications.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.trackmycrime.notifications.SendResult;

/**
 * Turns Jakarta Mail's exceptions into transient or permanent results. Only a 5xx reply about the
 * recipient (RCPT) or the message (DATA) is permanent: a refused sender, a failed login, a bad
 * greeting or a broken connection are our side's or the server's problems, not the victim's, and
 * must never mark their address unusable. Reasons are our own words; server replies often quote the
 * address, so they are not kept.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static SendResult classify(MessagingException e, int lastCode) {
    SMTPAddressFailedException refused = find(e, SMTPAddressFailedException.class);
    if (refused != null) {
      return byCode(refused.getReturnCode(), "the server refused the recipient");
    }
    SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
    if (sender != null) {
      return transientWithCode(sender.getReturnCode(), "the server refused our sender address");
    }
    SMTPSendFailedException data = find(e, SMTPSendFailedException.class);
    if (data != null) {
      return byCode(data.getReturnCode(), "the server refused the message");
    }
    if (e instanceof SendFailedException failed
        && failed.getInvalidAddresses() != null
        && failed.getInvalidAddresses().length > 0) {
      return new SendResult.Permanent("INVALID_ADDRESS", "the recipient address is not valid");
    }
    if (find(e, AuthenticationFailedException.class) != null) {
      return new SendResult.Transient("AUTH", "the server refused our login", null);
    }
    if (cause(e, SocketTimeoutException.class) != null
        || cause(e, InterruptedIOException.class) != null) {
      return new SendResult.Transient("TIMEOUT", "the server did not answer in time", null);
    }
    if (cause(e, ConnectException.class) != null) {
      return SendResult.Transient.channelDown(
          "CONNECTION_REFUSED", "the server refused the connection");
    }
    if (cause(e, UnknownHostException.class) != null) {
      return SendResult.Transient.channelDown("UNKNOWN_HOST", "the server's name did not resolve");
    }
    if (lastCode >= 400 && lastCode < 600) {
      // a bad greeting (421 busy, 554 no service) or a failed EHLO/STARTTLS
      return transientWithCode(lastCode, "the server would not start a session");
    }
    if (cause(e, IOException.class) != null) {
      return new SendResult.Transient("CONNECTION_LOST", "the connection failed", null);
    }
    return new SendResult.Transient("SMTP", "the SMTP exchange failed", null);
  }

  /** Whether a failure on a reused connection means the server had dropped it. */
  static boolean connectionLost(MessagingException e) {
    if (cause(e, SocketTimeoutException.class) != null) {
      return false; // a hang: trying again would only double the wait
    }
    if (find(e, SMTPAddressFailedException.class) != null) {
      return false;
    }
    SMTPSendFailedException send = find(e, SMTPSendFailedException.class);
    if (send != null) {
      return send.getReturnCode() == 421;
    }
    return cause(e, IOException.class) != null
        || (e.getMessage() != null && e.getMessage().contains("[EOF]"));
  }

  private static SendResult byCode(int code, String reason) {
    if (code >= 500 && code < 600) {
      return new SendResult.Permanent(Integer.toString(code), reason);
    }
    return transientWithCode(code, reason);
  }

  private static SendResult transientWithCode(int code, String reason) {
    return new SendResult.Transient(code > 0 ? Integer.toString(code) : "SMTP", reason, null);
  }

  /** The first exception of the type in the chain of next exceptions and causes. */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    return find(e, type);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
