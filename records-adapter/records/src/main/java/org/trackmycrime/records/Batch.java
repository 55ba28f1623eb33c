package org.trackmycrime.records;

import java.util.List;
import java.util.Objects;
import org.trackmycrime.core.ingest.RawEvent;

/**
 * Events read from a records system, and the checkpoint to acknowledge once the ingest has
 * committed them.
 *
 * @param events the events in the order the records system gave them; may be empty when only the
 *     checkpoint moves
 * @param checkpoint the position just after the last of these events
 * @param <C> the connector's checkpoint type
 */
public record Batch<C>(List<RawEvent> events, C checkpoint) {
  public Batch {
    events = List.copyOf(events);
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /** The number of events. */
  public int size() {
    return events.size();
  }
}
