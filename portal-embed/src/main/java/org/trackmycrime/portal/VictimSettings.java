package org.trackmycrime.portal;

import java.time.LocalTime;
import java.util.Set;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;

/**
 * A signed-in victim's own settings for one of their crimes: how and when they hear about it
 * (channels, language, quiet hours for texts, how often they want updates), opting out of alerts
 * and back in, and their email address and mobile number. Choices are stored apart from the records
 * system's data, so later record events do not undo them, and the dispatcher honours them. Every
 * read and change is audited with the victim as the actor. Get one from {@link
 * VictimPortal#settings()}. Thread-safe.
 *
 * <p>A crime reference the session's account may not read gives {@link
 * org.trackmycrime.core.NotFoundException} (show 404).
 */
public final class VictimSettings {
  private final VictimPortal portal;

  VictimSettings(VictimPortal portal) {
    this.portal = portal;
  }

  /**
   * What the settings page shows for one crime.
   *
   * @param channels the channels alerts go to (the victim's choice, else every channel they have)
   * @param availableChannels the channels the victim has a contact detail for
   * @param quietFrom start of the victim's own quiet hours for texts, or null
   * @param quietUntil end of the victim's own quiet hours, or null
   * @param quietHoursChosen false while the service's default quiet hours apply; true when the
   *     victim chose their own (from/until) or none (both null)
   * @param updateFrequencyDays how often the victim wants an update, or null for the usual cadence
   * @param minUpdateFrequencyDays the force's shortest allowed interval
   * @param maxUpdateFrequencyDays the force's longest allowed interval
   * @param optedOut whether the victim has opted out of alerts
   * @param email the victim's email address, or null
   * @param mobile the victim's mobile number (E.164), or null
   */
  public record View(
      String crimeReference,
      Set<Channel> channels,
      Set<Channel> availableChannels,
      Language language,
      LocalTime quietFrom,
      LocalTime quietUntil,
      boolean quietHoursChosen,
      Integer updateFrequencyDays,
      int minUpdateFrequencyDays,
      int maxUpdateFrequencyDays,
      boolean optedOut,
      String email,
      String mobile) {
    /** References and choices only: contact details are left out on purpose. */
    @Override
    public String toString() {
      return "VictimSettings.View[" + crimeReference + " " + channels + " " + language + "]";
    }
  }

  /**
   * New preferences for one crime. Fields: {@code channels} (at least one, each one the victim has
   * a contact detail for), {@code language}, {@code quietFrom}/{@code quietUntil} (both set, and
   * different; both null for no quiet hours), {@code updateFrequencyDays} (within the force's
   * range, or null for the usual cadence).
   */
  public record Change(
      Set<Channel> channels,
      Language language,
      LocalTime quietFrom,
      LocalTime quietUntil,
      Integer updateFrequencyDays) {}

  /** The settings of one of the session's crimes. */
  public View view(PortalSession session, String crimeReference) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Stores new preferences for one crime.
   *
   * @throws org.trackmycrime.core.ValidationException naming each field that breaks a rule
   */
  public View change(PortalSession session, String crimeReference, Change change) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The victim stops alerts for this crime (enrolment service, actor VICTIM). */
  public View optOut(PortalSession session, String crimeReference, String reason) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The victim asks for alerts for this crime again. */
  public View optIn(PortalSession session, String crimeReference, String reason) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Changes the email address on every crime of the account, after checking the current password.
   * When the account signs in with its email address, the new address becomes the sign-in name.
   *
   * @throws org.trackmycrime.core.ValidationException on field {@code email} when the address is
   *     not valid or is already another account's sign-in name
   */
  public PasswordConfirmation changeEmail(
      PortalSession session, String currentPassword, String newEmail, String client) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Changes the mobile number on every crime of the account, after checking the current password.
   * When the account signs in with its mobile number, the new number becomes the sign-in name. A
   * text second factor is turned off (it must be confirmed again on the new number).
   *
   * @throws org.trackmycrime.core.ValidationException on field {@code mobile}
   */
  public PasswordConfirmation changeMobile(
      PortalSession session, String currentPassword, String newMobile, String client) {
    throw new UnsupportedOperationException("not yet");
  }
}
