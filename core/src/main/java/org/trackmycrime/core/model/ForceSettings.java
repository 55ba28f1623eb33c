package org.trackmycrime.core.model;

import java.time.ZoneId;
import org.trackmycrime.core.internal.Checks;

/**
 * A force's own choices.
 *
 * @param nation whose bank holidays count as non-working days
 * @param cadencePolicy the name of the update-cadence preset the force follows ({@code
 *     TRACKMYCRIME} by default)
 * @param hubEmail where the Command Hub receives notices, or null when it works only in the portal
 * @param zone the force's local time zone, used for deadlines and quiet hours
 */
public record ForceSettings(Nation nation, String cadencePolicy, String hubEmail, ZoneId zone) {
  public static final String DEFAULT_CADENCE_POLICY = "TRACKMYCRIME";
  public static final ZoneId UK = ZoneId.of("Europe/London");

  public ForceSettings {
    new Checks()
        .notNull("settings.nation", nation)
        .text("settings.cadencePolicy", cadencePolicy, 64)
        .email("settings.hubEmail", hubEmail)
        .notNull("settings.zone", zone)
        .throwIfAny();
  }

  /** England and Wales, the TrackMyCrime cadence, UK time, no hub email. */
  public static ForceSettings defaults() {
    return new ForceSettings(Nation.ENGLAND_AND_WALES, DEFAULT_CADENCE_POLICY, null, UK);
  }

  public ForceSettings withNation(Nation value) {
    return new ForceSettings(value, cadencePolicy, hubEmail, zone);
  }

  public ForceSettings withCadencePolicy(String value) {
    return new ForceSettings(nation, value, hubEmail, zone);
  }

  public ForceSettings withHubEmail(String value) {
    return new ForceSettings(nation, cadencePolicy, value, zone);
  }
}
