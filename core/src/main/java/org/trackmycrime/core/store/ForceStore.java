package org.trackmycrime.core.store;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.Force;

/** The forces (tenants) this deployment serves. */
public interface ForceStore {
  /** Creates the force or replaces its name and settings. */
  void save(Force force);

  Optional<Force> find(String slug);

  List<Force> list();
}
