package org.trackmycrime.portal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.ContactDetails;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimPreferences;

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
  private final TrackMyCrime tmc;
  private final int minDays;
  private final int maxDays;

  VictimSettings(VictimPortal portal, int minDays, int maxDays) {
    this.portal = portal;
    this.tmc = portal.tmc();
    this.minDays = minDays;
    this.maxDays = maxDays;
  }

  /**
   * What the settings page shows for one crime.
   *
   * @param channels the channels alerts go to (the victim's choice, else every channel they have)
   * @param availableChannels the channels the victim has a contact detail for
   * @param quietFrom start of the quiet hours for texts (the victim's own, else the service's
   *     default when the portal has a dispatcher), or null for none
   * @param quietUntil end of those quiet hours, or null
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

  /** The settings of one of the session's crimes. Audited as the victim reading their data. */
  public View view(PortalSession session, String crimeReference) {
    VictimPortal.CrimeLink link = link(session, crimeReference);
    Victim victim = victim(link);
    audit(link, AuditAction.CONSULTATION, "portal settings viewed");
    return view(
        victim, tmc.preferences().find(link.force(), link.crimeReference(), link.victimRef()));
  }

  /**
   * Stores new preferences for one crime.
   *
   * @throws ValidationException naming each field that breaks a rule
   */
  public View change(PortalSession session, String crimeReference, Change change) {
    VictimPortal.CrimeLink link = link(session, crimeReference);
    Victim victim = victim(link);
    List<Problem> problems = new ArrayList<>();
    if (change == null) {
      throw ValidationException.of("change", "is required");
    }
    Set<Channel> available = available(victim);
    if (change.channels() == null || change.channels().isEmpty()) {
      problems.add(new Problem("channels", "choose at least one way to hear from us"));
    } else {
      for (Channel c : change.channels()) {
        if (c == null || !available.contains(c)) {
          problems.add(
              new Problem(
                  "channels",
                  c == Channel.SMS
                      ? "there is no mobile number to text; add one first"
                      : "there is no email address to send to; add one first"));
        }
      }
    }
    if (change.language() == null) {
      problems.add(new Problem("language", "choose English or Welsh"));
    }
    if (change.quietFrom() == null && change.quietUntil() != null) {
      problems.add(new Problem("quietFrom", "enter a start time, or leave both times empty"));
    }
    if (change.quietFrom() != null && change.quietUntil() == null) {
      problems.add(new Problem("quietUntil", "enter an end time, or leave both times empty"));
    }
    if (change.quietFrom() != null && change.quietFrom().equals(change.quietUntil())) {
      problems.add(new Problem("quietUntil", "must be different from the start time"));
    }
    Integer days = change.updateFrequencyDays();
    if (days != null && (days < minDays || days > maxDays)) {
      problems.add(
          new Problem(
              "updateFrequencyDays", "must be between " + minDays + " and " + maxDays + " days"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    VictimPreferences before =
        tmc.preferences().find(link.force(), link.crimeReference(), link.victimRef());
    VictimPreferences after =
        new VictimPreferences(
            change.channels(),
            change.language(),
            change.quietFrom() == null
                ? VictimPreferences.QuietHours.NONE
                : new VictimPreferences.QuietHours(
                    minute(change.quietFrom()), minute(change.quietUntil())),
            days);
    Instant now = tmc.clock().instant();
    tmc.inTransaction(
        () -> {
          tmc.preferences().save(link.force(), link.crimeReference(), link.victimRef(), after, now);
          if (!Objects.equals(before.updateFrequencyDays(), days)) {
            tmc.cadence().refresh(link.force(), link.crimeReference());
          }
          audit(link, AuditAction.ALTERATION, "portal settings changed: " + changed(before, after));
          return null;
        });
    return view(victim(link), after);
  }

  /** The victim stops alerts for this crime (enrolment service, actor VICTIM). */
  public View optOut(PortalSession session, String crimeReference, String reason) {
    return consent(session, crimeReference, reason, true);
  }

  /** The victim asks for alerts for this crime again. */
  public View optIn(PortalSession session, String crimeReference, String reason) {
    return consent(session, crimeReference, reason, false);
  }

  /**
   * Changes the email address on every crime of the account, after checking the current password.
   * When the account signs in with its email address, the new address becomes the sign-in name.
   *
   * @throws ValidationException on field {@code email} when the address is not valid or is already
   *     another account's sign-in name
   */
  public PasswordConfirmation changeEmail(
      PortalSession session, String currentPassword, String newEmail, String client) {
    String email =
        ContactDetails.normaliseEmail(newEmail)
            .orElseThrow(() -> ValidationException.of("email", "must be a valid email address"));
    return changeContact(session, currentPassword, client, Channel.EMAIL, email);
  }

  /**
   * Changes the mobile number on every crime of the account, after checking the current password.
   * When the account signs in with its mobile number, the new number becomes the sign-in name. A
   * text second factor is turned off (it must be confirmed again on the new number).
   *
   * @throws ValidationException on field {@code mobile}
   */
  public PasswordConfirmation changeMobile(
      PortalSession session, String currentPassword, String newMobile, String client) {
    String mobile =
        ContactDetails.phoneToE164(newMobile)
            .orElseThrow(() -> ValidationException.of("mobile", "must be a valid phone number"));
    return changeContact(session, currentPassword, client, Channel.SMS, mobile);
  }

  private PasswordConfirmation changeContact(
      PortalSession session, String password, String client, Channel channel, String value) {
    PasswordConfirmation confirmed = portal.confirmPassword(session, password, client);
    if (!confirmed.done()) {
      return confirmed;
    }
    String login = channel == Channel.EMAIL ? value.toLowerCase(java.util.Locale.ROOT) : value;
    String field = channel == Channel.EMAIL ? "email" : "mobile";
    Instant now = tmc.clock().instant();
    tmc.inTransaction(
        () -> {
          if (!portal.changeLoginIfOfKind(session, channel, login)) {
            throw ValidationException.of(field, "is already used to sign in to another account");
          }
          for (VictimPortal.CrimeLink link : portal.crimes(session)) {
            Victim v = victim(link);
            String old = channel == Channel.EMAIL ? v.email() : v.mobile();
            if (value.equals(old)) {
              continue;
            }
            Set<Channel> unreachable = EnumSet.noneOf(Channel.class);
            unreachable.addAll(v.unreachableChannels());
            unreachable.remove(channel);
            Victim.Builder b = v.toBuilder().unreachableChannels(unreachable);
            if (channel == Channel.EMAIL) {
              b.email(value);
            } else {
              b.mobile(value);
            }
            tmc.victims().save(b.build());
            audit(link, AuditAction.ALTERATION, "portal " + field + " changed by the victim");
          }
          if (channel == Channel.SMS) {
            portal.turnOffSmsFactor(session, now);
          }
          return null;
        });
    return confirmed;
  }

  private View consent(
      PortalSession session, String crimeReference, String reason, boolean optOut) {
    VictimPortal.CrimeLink link = link(session, crimeReference);
    Victim victim = victim(link);
    Consent consent = victim.enrolment().stateAt(tmc.clock().instant()).consent();
    boolean already = optOut ? consent != Consent.ENROLLED : consent == Consent.ENROLLED;
    if (!already) {
      Actor actor = Actor.victim(link.victimRef());
      String why = reason == null || reason.isBlank() ? "chosen in the portal" : reason.strip();
      if (why.length() > 400) {
        throw ValidationException.of("reason", "must be 400 characters or fewer");
      }
      if (optOut) {
        tmc.enrolment().optOut(link.force(), link.crimeReference(), link.victimRef(), actor, why);
      } else {
        tmc.enrolment().optIn(link.force(), link.crimeReference(), link.victimRef(), actor, why);
      }
    }
    return view(
        victim(link),
        tmc.preferences().find(link.force(), link.crimeReference(), link.victimRef()));
  }

  private View view(Victim victim, VictimPreferences p) {
    Set<Channel> available = available(victim);
    Set<Channel> channels = p.channels().isEmpty() ? available : p.channels();
    VictimPreferences.QuietHours q = p.quietHours();
    // not chosen yet: show the default the dispatcher applies, so a form keeps it when saved
    VictimPreferences.QuietHours shown = q != null ? q : portal.defaultQuietHours();
    return new View(
        victim.crimeReference(),
        channels,
        available,
        victim.language(),
        shown == null ? null : shown.from(),
        shown == null ? null : shown.until(),
        q != null,
        victim.updateFrequencyDays(),
        minDays,
        maxDays,
        victim.enrolment().stateAt(tmc.clock().instant()).consent() == Consent.OPTED_OUT,
        victim.email(),
        victim.mobile());
  }

  private static Set<Channel> available(Victim v) {
    Set<Channel> set = EnumSet.noneOf(Channel.class);
    if (v.email() != null) {
      set.add(Channel.EMAIL);
    }
    if (v.mobile() != null) {
      set.add(Channel.SMS);
    }
    return set;
  }

  /** Names of the preferences that changed, for the audit (never their values). */
  private static String changed(VictimPreferences a, VictimPreferences b) {
    List<String> names = new ArrayList<>();
    if (!a.channels().equals(b.channels())) {
      names.add("channels");
    }
    if (a.language() != b.language()) {
      names.add("language");
    }
    if (!Objects.equals(a.quietHours(), b.quietHours())) {
      names.add("quiet hours");
    }
    if (!Objects.equals(a.updateFrequencyDays(), b.updateFrequencyDays())) {
      names.add("update frequency");
    }
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }

  private static LocalTime minute(LocalTime t) {
    return t.withSecond(0).withNano(0);
  }

  private VictimPortal.CrimeLink link(PortalSession session, String crimeReference) {
    Optional<VictimPortal.CrimeLink> link =
        session == null
            ? Optional.empty()
            : portal.crimes(session).stream()
                .filter(c -> c.crimeReference().equals(crimeReference))
                .findFirst();
    return link.orElseThrow(
        () ->
            new NotFoundException(
                "No such crime for this account",
                Map.of(TrackMyCrimeException.CRIME_REFERENCE, String.valueOf(crimeReference))));
  }

  private Victim victim(VictimPortal.CrimeLink link) {
    return tmc.victims()
        .find(link.force(), link.crimeReference(), link.victimRef())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No such victim",
                    Map.of(
                        TrackMyCrimeException.FORCE, link.force(),
                        TrackMyCrimeException.CRIME_REFERENCE, link.crimeReference(),
                        TrackMyCrimeException.VICTIM_REF, link.victimRef())));
  }

  private void audit(VictimPortal.CrimeLink link, AuditAction action, String detail) {
    portal.audit(
        link.force(),
        tmc.clock().instant(),
        Actor.victim(link.victimRef()),
        action,
        "victim",
        link.victimRef(),
        link.crimeReference(),
        detail);
  }
}
