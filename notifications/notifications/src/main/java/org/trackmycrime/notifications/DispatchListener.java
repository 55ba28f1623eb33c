package org.trackmycrime.notifications;

/**
 * Typed callbacks for a host's monitoring (metrics, alarms), in place of log parsing. Every method
 * does nothing by default; override the ones you need. Called on the dispatcher's threads (or the
 * thread that reported a receipt), after the change is committed; keep them quick. An exception a
 * listener throws is logged and otherwise ignored.
 */
public interface DispatchListener {
  /** A provider accepted a message. */
  default void onSent(DispatchEvent.Sent event) {}

  /** A provider reported a message delivered. */
  default void onDelivered(DispatchEvent.Delivered event) {}

  /** A send failed (transiently or for good), or a receipt reported a message undelivered. */
  default void onFailed(DispatchEvent.Failed event) {}

  /** A message was given up after its last attempt. */
  default void onDeadLettered(DispatchEvent.DeadLettered event) {}
}
