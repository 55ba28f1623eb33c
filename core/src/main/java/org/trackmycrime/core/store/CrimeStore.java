package org.trackmycrime.core.store;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.Crime;

/** Crimes, always within one force. */
public interface CrimeStore {
  /** Creates the crime or replaces its fields; the force must exist. */
  void save(Crime crime);

  Optional<Crime> find(String force, String crimeReference);

  /** The force's crimes in reference order, one page at a time. */
  List<Crime> list(String force, int offset, int limit);

  /** The crimes an officer is in charge of, in reference order, at most {@code limit}. */
  List<Crime> listForOfficer(String force, String officerRef, int limit);
}
