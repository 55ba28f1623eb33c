package org.trackmycrime.core.internal.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Victim;

/**
 * What a batch has read of its crimes, kept while the batch runs so an event does not read again
 * what the one before it read or wrote. Everything is kept as stored in the batch's transaction;
 * when an event is rolled back the whole cache is dropped and read again.
 */
final class CrimeCache {
  /** Each crime as stored. */
  final Map<String, Crime> crimes = new HashMap<>();

  /** Each crime's last-writer-wins keys; empty when the crime has no row. */
  final Map<String, Optional<IngestStore.CrimeKeys>> crimeKeys = new HashMap<>();

  /** Each crime's named people, for depersonalising. */
  final Map<String, List<TimelineRenderer.KnownPerson>> people = new HashMap<>();

  /**
   * Each crime's victims by reference, in reference order, as the victim store reads them. A crime
   * with a victim's own preferences is not kept (the store's read mixes them in).
   */
  final Map<String, Map<String, Victim>> victims = new HashMap<>();

  /** Each crime's timeline entries that may alert. */
  final Map<String, List<IngestStore.EligibleEntry>> eligible = new HashMap<>();

  void clear() {
    crimes.clear();
    crimeKeys.clear();
    people.clear();
    victims.clear();
    eligible.clear();
  }

  static String key(String force, String crimeRef) {
    return force + "\u0000" + crimeRef;
  }
}
