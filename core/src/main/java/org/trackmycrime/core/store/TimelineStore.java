package org.trackmycrime.core.store;

import java.util.List;
import org.trackmycrime.core.model.TimelineEntry;

/** The victim-visible updates of each crime. */
public interface TimelineStore {
  /**
   * Adds the entry unless one with the same key already exists on the crime.
   *
   * @return true when it was added, false when it was already there
   */
  boolean add(TimelineEntry entry);

  /** The crime's entries ordered by when they happened. */
  List<TimelineEntry> list(String force, String crimeReference);
}
