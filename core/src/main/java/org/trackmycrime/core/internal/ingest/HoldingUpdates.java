package org.trackmycrime.core.internal.ingest;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.store.VictimStore;

/**
 * Publishes an entry the SDK writes itself (a holding update) the way ingest publishes one: on the
 * timeline, alert-eligible, with an alert to each victim who may be told now. It lives beside the
 * ingest so both write entries and alert keys the same way, and later reconciliations (an opt-out)
 * treat it like any other entry.
 */
public final class HoldingUpdates {
  private final IngestStore store = new IngestStore();
  private final VictimStore victims;

  public HoldingUpdates(VictimStore victims) {
    this.victims = victims;
  }

  /** Adds the entry, which must not exist yet, and alerts the victims who may be told of it. */
  public void publish(Handle h, TimelineEntry entry) {
    store.insertEntries(h, List.of(new PendingEntries.Row(entry, null, true)));
    for (Victim v : victims.listForCrime(entry.force(), entry.crimeReference())) {
      EventApplier.reconcile(
          store, h, v, entry.entryKey(), entry.occurredAt(), entry.publishedAt());
    }
  }
}
