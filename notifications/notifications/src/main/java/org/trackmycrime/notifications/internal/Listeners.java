package org.trackmycrime.notifications.internal;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.notifications.DispatchEvent;
import org.trackmycrime.notifications.DispatchListener;

/** Calls every listener; one that throws is logged and never stops dispatching. */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<DispatchListener> listeners;

  public Listeners(List<DispatchListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public void sent(DispatchEvent.Sent e) {
    each(e, l -> l.onSent(e));
  }

  public void delivered(DispatchEvent.Delivered e) {
    each(e, l -> l.onDelivered(e));
  }

  public void failed(DispatchEvent.Failed e) {
    each(e, l -> l.onFailed(e));
  }

  public void deadLettered(DispatchEvent.DeadLettered e) {
    each(e, l -> l.onDeadLettered(e));
  }

  private void each(DispatchEvent e, Consumer<DispatchListener> call) {
    for (DispatchListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException ex) {
        LOG.warn(
            "dispatch listener {} threw {} on {} for outbox {}",
            l.getClass().getName(),
            ex.getClass().getName(),
            e.getClass().getSimpleName(),
            e.outboxId());
      }
    }
  }
}
