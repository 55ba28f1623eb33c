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
 * @param holdingUpdates whether the SDK may publish a holding update ("Your case is still being
 *     investigated by …") when a regular update is about to be missed with nothing new; off by
 *     default
 */
public record ForceSettings(
    Nation nation, String cadencePolicy, String hubEmail, ZoneId zone, boolean holdingUpdates) {
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

  /** Settings without holding updates. */
  public ForceSettings(Nation nation, String cadencePolicy, String hubEmail, ZoneId zone) {
    this(nation, cadencePolicy, hubEmail, zone, false);
  }

  /** England and Wales, the TrackMyCrime cadence, UK time, no hub email, no holding updates. */
  public static ForceSettings defaults() {
    return new ForceSettings(Nation.ENGLAND_AND_WALES, DEFAULT_CADENCE_POLICY, null, UK, false);
  }

  public ForceSettings withNation(Nation value) {
    return new ForceSettings(value, cadencePolicy, hubEmail, zone, holdingUpdates);
  }

  public ForceSettings withCadencePolicy(String value) {
    return new ForceSettings(nation, value, hubEmail, zone, holdingUpdates);
  }

  public ForceSettings withHubEmail(String value) {
    return new ForceSettings(nation, cadencePolicy, value, zone, holdingUpdates);
  }

  public ForceSettings withHoldingUpdates(boolean value) {
    return new ForceSettings(nation, cadencePolicy, hubEmail, zone, value);
  }
}
