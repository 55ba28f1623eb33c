package org.trackmycrime.notifications;

import java.util.Map;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * Something in the notifications module failed: a template that cannot be rendered, a message kind
 * queued without its parameters, a dispatcher used before it was started. Like every SDK exception,
 * its context holds identifiers only.
 */
public class NotificationException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  public NotificationException(String message) {
    super(message);
  }

  public NotificationException(String message, Map<String, String> context, Throwable cause) {
    super(message, context, cause);
  }
}
