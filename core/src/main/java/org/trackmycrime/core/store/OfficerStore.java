package org.trackmycrime.core.store;

import java.util.Optional;
import org.trackmycrime.core.model.Officer;

/** Officers, within one force. */
public interface OfficerStore {
  void save(Officer officer);

  Optional<Officer> find(String force, String ref);
}
