package org.trackmycrime.core.store;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.Victim;

/** Victims and their enrolment history, always within one force. */
public interface VictimStore {
  /**
   * Creates the victim or replaces their details, and appends any enrolment transitions not stored
   * yet (history is never rewritten).
   */
  void save(Victim victim);

  Optional<Victim> find(String force, String crimeReference, String victimRef);

  List<Victim> listForCrime(String force, String crimeReference);
}
