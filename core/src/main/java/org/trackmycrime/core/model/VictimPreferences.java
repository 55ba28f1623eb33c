package org.trackmycrime.core.model;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.trackmycrime.core.internal.Checks;

/**
 * A victim's own choices for one crime, made in the portal and stored apart from what the records
 * system sends, so later record events do not undo them. Every choice is optional.
 *
 * @param channels the channels alerts go to; empty: every usable channel
 * @param language the language of alerts and pages; null: the records system's
 * @param quietHours when texts must wait; null: the service's default quiet hours
 * @param updateFrequencyDays how often the victim wants an update (1-28 days); null: the records
 *     system's agreed interval, if any
 */
public record VictimPreferences(
    Set<Channel> channels, Language language, QuietHours quietHours, Integer updateFrequencyDays) {

  /** No choices made. */
  public static final VictimPreferences NONE = new VictimPreferences(Set.of(), null, null, null);

  /**
   * The victim's own quiet hours for texts, in the force's local time, possibly spanning midnight;
   * {@link #NONE} (both null) means texts may go at any hour.
   */
  public record QuietHours(LocalTime from, LocalTime until) {
    /** No quiet hours: texts at any hour. */
    public static final QuietHours NONE = new QuietHours(null, null);

    public QuietHours {
      new Checks()
          .require((from == null) == (until == null), "quietHours", "needs both a start and an end")
          .require(from == null || !from.equals(until), "quietHours", "start and end must differ")
          .throwIfAny();
    }

    /** True for {@link #NONE}. */
    public boolean none() {
      return from == null;
    }
  }

  public VictimPreferences {
    new Checks()
        .noNulls("channels", channels)
        .require(
            updateFrequencyDays == null || (updateFrequencyDays >= 1 && updateFrequencyDays <= 28),
            "updateFrequencyDays",
            "must be between 1 and 28")
        .throwIfAny();
    channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
  }
}
