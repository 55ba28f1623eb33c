package org.trackmycrime.core.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.TimelineEntry;

/**
 * Timeline entries a batch has made and not written yet. They are written as one JDBC batch before
 * anything reads the timeline back from the database (the cadence at the end of the batch, or an
 * event that renders the crime's entries again), and never inside an event's savepoint, so that
 * rolling back one event cannot take earlier events' entries with it.
 */
final class PendingEntries {
  /** One entry to insert, with the raw event it was rendered from when that had free text. */
  record Row(TimelineEntry entry, String sourceEvent, boolean alertEligible) {}

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  /** A mark to roll back to when the event about to be applied is rolled back. */
  int mark() {
    return rows.size();
  }

  void rollbackTo(int mark) {
    rows.subList(Math.min(mark, rows.size()), rows.size()).clear();
  }

  /** The crime's pending entries that may alert, as {@link IngestStore#eligibleEntries} reads. */
  List<IngestStore.EligibleEntry> eligible(String force, String crimeRef) {
    List<IngestStore.EligibleEntry> out = new ArrayList<>();
    for (Row r : rows) {
      TimelineEntry e = r.entry();
      if (r.alertEligible() && e.force().equals(force) && e.crimeReference().equals(crimeRef)) {
        out.add(new IngestStore.EligibleEntry(e.entryKey(), Db.stored(e.occurredAt())));
      }
    }
    return out;
  }

  void flush(IngestStore store, Handle h) {
    store.insertEntries(h, rows);
    rows.clear();
  }
}
