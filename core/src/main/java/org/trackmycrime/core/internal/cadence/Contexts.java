package org.trackmycrime.core.internal.cadence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.store.ForceStore;

/**
 * Each force's cadence, read from its stored settings every time (a force's settings may change at
 * any moment) and rebuilt only when they did.
 */
final class Contexts {
  private final ForceStore forces;
  private final CadenceConfig config;
  private final Map<String, ForceCadence> built = new ConcurrentHashMap<>();

  Contexts(ForceStore forces, CadenceConfig config) {
    this.forces = forces;
    this.config = config;
  }

  ForceCadence of(String slug) {
    Force force =
        forces
            .find(slug)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No such force", Map.of(TrackMyCrimeException.FORCE, slug)));
    return of(force);
  }

  ForceCadence of(Force force) {
    ForceCadence cached = built.get(force.slug());
    if (cached != null && cached.force().equals(force)) {
      return cached;
    }
    ForceCadence fresh = ForceCadence.of(force, config);
    built.put(force.slug(), fresh);
    return fresh;
  }
}
