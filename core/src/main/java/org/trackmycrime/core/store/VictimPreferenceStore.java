package org.trackmycrime.core.store;

import java.time.Instant;
import org.trackmycrime.core.model.VictimPreferences;

/**
 * A victim's own choices for one crime ({@link VictimPreferences}), kept apart from the records
 * system's data so later record events do not undo them. A chosen language or update interval
 * overrides the victim's own in every {@link VictimStore} read; the dispatcher reads the channels
 * and quiet hours. Callers audit changes; the store does not.
 */
public interface VictimPreferenceStore {
  /** The victim's choices, or {@link VictimPreferences#NONE} when they made none. */
  VictimPreferences find(String force, String crimeReference, String victimRef);

  /**
   * Replaces the victim's choices, as of {@code at}.
   *
   * @throws org.trackmycrime.core.NotFoundException when there is no such victim
   */
  void save(
      String force,
      String crimeReference,
      String victimRef,
      VictimPreferences preferences,
      Instant at);
}
