package org.trackmycrime.core.model;

import java.util.EnumSet;
import java.util.Set;
import org.trackmycrime.core.internal.Checks;

/**
 * A victim of one crime. The same person on two crimes is two victims; the portal account links
 * them.
 *
 * @param victimRef the records system's reference, unique within the crime
 * @param email a valid address, or null
 * @param mobile an E.164 number, or null (see {@link ContactDetails#phoneToE164})
 * @param enhanced entitled to enhanced rights under the Victims' Code
 * @param updateFrequencyDays an update interval agreed with the victim (1-28 days), or null
 * @param unreachableChannels channels that failed permanently and must not be used until the
 *     contact detail changes
 */
public record Victim(
    String force,
    String crimeReference,
    String victimRef,
    String givenName,
    String familyName,
    String email,
    String mobile,
    Language language,
    boolean enhanced,
    Set<EnhancedReason> enhancedReasons,
    Integer updateFrequencyDays,
    Set<Channel> unreachableChannels,
    Enrolment enrolment) {

  public Victim {
    new Checks()
        .slug("force", force)
        .text("crimeReference", crimeReference, 64)
        .ref("victimRef", victimRef)
        .notNull("givenName", givenName)
        .optionalText("givenName", givenName, 200)
        .notNull("familyName", familyName)
        .optionalText("familyName", familyName, 200)
        .email("email", email)
        .e164("mobile", mobile)
        .notNull("language", language)
        .noNulls("enhancedReasons", enhancedReasons)
        .require(
            updateFrequencyDays == null || (updateFrequencyDays >= 1 && updateFrequencyDays <= 28),
            "updateFrequencyDays",
            "must be between 1 and 28")
        .noNulls("unreachableChannels", unreachableChannels)
        .notNull("enrolment", enrolment)
        .throwIfAny();
    enhancedReasons = immutableCopy(enhancedReasons, EnhancedReason.class);
    unreachableChannels = immutableCopy(unreachableChannels, Channel.class);
  }

  private static <E extends Enum<E>> Set<E> immutableCopy(Set<E> values, Class<E> type) {
    return values.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(values));
  }

  public static Builder builder(String force, String crimeReference, String victimRef) {
    return new Builder(force, crimeReference, victimRef);
  }

  /** A builder holding this victim's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(force, crimeReference, victimRef)
        .name(givenName, familyName)
        .email(email)
        .mobile(mobile)
        .language(language)
        .enhanced(enhanced, enhancedReasons)
        .updateFrequencyDays(updateFrequencyDays)
        .unreachableChannels(unreachableChannels)
        .enrolment(enrolment);
  }

  public Victim withEnrolment(Enrolment value) {
    return toBuilder().enrolment(value).build();
  }

  /** Builds a {@link Victim}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private final String force;
    private final String crimeReference;
    private final String victimRef;
    private String givenName;
    private String familyName;
    private String email;
    private String mobile;
    private Language language = Language.EN;
    private boolean enhanced;
    private Set<EnhancedReason> enhancedReasons = Set.of();
    private Integer updateFrequencyDays;
    private Set<Channel> unreachableChannels = Set.of();
    private Enrolment enrolment = Enrolment.none();

    private Builder(String force, String crimeReference, String victimRef) {
      this.force = force;
      this.crimeReference = crimeReference;
      this.victimRef = victimRef;
    }

    public Builder name(String given, String family) {
      this.givenName = given;
      this.familyName = family;
      return this;
    }

    public Builder email(String value) {
      this.email = value;
      return this;
    }

    public Builder mobile(String value) {
      this.mobile = value;
      return this;
    }

    public Builder language(Language value) {
      this.language = value;
      return this;
    }

    public Builder enhanced(boolean value, Set<EnhancedReason> reasons) {
      this.enhanced = value;
      this.enhancedReasons = reasons;
      return this;
    }

    public Builder updateFrequencyDays(Integer value) {
      this.updateFrequencyDays = value;
      return this;
    }

    public Builder unreachableChannels(Set<Channel> value) {
      this.unreachableChannels = value;
      return this;
    }

    public Builder enrolment(Enrolment value) {
      this.enrolment = value;
      return this;
    }

    public Victim build() {
      return new Victim(
          force,
          crimeReference,
          victimRef,
          givenName,
          familyName,
          email,
          mobile,
          language,
          enhanced,
          enhancedReasons,
          updateFrequencyDays,
          unreachableChannels,
          enrolment);
    }
  }

  /** Identifiers only: safe to log. Names and contact details are left out on purpose. */
  @Override
  public String toString() {
    return "Victim["
        + force
        + " "
        + crimeReference
        + " "
        + victimRef
        + " "
        + enrolment.state()
        + "]";
  }
}
