package org.trackmycrime.core.cadence;

import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.Victim;

/**
 * What one victim is owed beyond the force's policy.
 *
 * @param enhancedRights entitled to enhanced rights under the Victims' Code (key decisions within 1
 *     working day instead of 5, by the presets)
 * @param updateFrequencyDays an update interval agreed with the victim (1-28 days), or null; it
 *     tightens the policy's regular interval and never loosens it
 */
public record VictimTerms(boolean enhancedRights, Integer updateFrequencyDays) {
  public VictimTerms {
    new Checks()
        .require(
            updateFrequencyDays == null || (updateFrequencyDays >= 1 && updateFrequencyDays <= 28),
            "updateFrequencyDays",
            "must be between 1 and 28")
        .throwIfAny();
  }

  public static VictimTerms standard() {
    return new VictimTerms(false, null);
  }

  public static VictimTerms enhanced() {
    return new VictimTerms(true, null);
  }

  public static VictimTerms of(Victim victim) {
    return new VictimTerms(victim.enhanced(), victim.updateFrequencyDays());
  }

  /** The same terms with an agreed update interval. */
  public VictimTerms agreedEvery(int days) {
    return new VictimTerms(enhancedRights, days);
  }
}
