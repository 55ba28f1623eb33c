package org.trackmycrime.notifications;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of message the dispatcher sends, named as in the outbox's {@code message_kind}. Victim
 * alerts say only that there is something to read and where to sign in; staff messages say which
 * crime and victim (by reference) and send the reader to the staff portal, never the content.
 */
public enum MessageKind {
  /** There is an update on the victim's crime (written by ingest). */
  VICTIM_UPDATE(Audience.VICTIM, false, Set.of(), "portalUrl"),
  /** The officer has replied to the victim's message. */
  VICTIM_REPLY(Audience.VICTIM, false, Set.of(), "portalUrl"),
  /** Invitation to create a portal account, with a single-use activation link. */
  VICTIM_INVITATION(Audience.VICTIM, false, Set.of("link"), "link"),
  /** A password reset link the victim asked for. */
  VICTIM_PASSWORD_RESET(Audience.VICTIM, true, Set.of("link"), "link"),
  /** A sign-in code the victim asked for. */
  VICTIM_SIGN_IN_CODE(Audience.VICTIM, true, Set.of("code", "minutes"), "code"),
  /** The Command Hub forwarded a victim's message to the officer in charge. */
  OFFICER_MESSAGE(Audience.OFFICER, false, Set.of(), "staffPortalUrl"),
  /** An update or a key decision is due soon (written by the cadence reminders). */
  OFFICER_DUE_SOON(Audience.OFFICER, false, Set.of(), "staffPortalUrl"),
  /** An update or a key decision is overdue (written by the cadence reminders). */
  OFFICER_OVERDUE(Audience.OFFICER, false, Set.of(), "staffPortalUrl"),
  /**
   * Long overdue: told to the supervisor of the officer's unit (written by the cadence reminders).
   */
  SUPERVISOR_ESCALATION(Audience.SUPERVISOR, false, Set.of(), "staffPortalUrl"),
  /** A victim's channel failed for good (written by the dispatcher). */
  HUB_VICTIM_UNREACHABLE(Audience.HUB, false, Set.of("channel", "remaining"), "staffPortalUrl");

  /** Who reads the message. */
  public enum Audience {
    VICTIM,
    OFFICER,
    SUPERVISOR,
    HUB
  }

  private static final Set<String> VICTIM_VALUES = Set.of("portalUrl");
  private static final Set<String> STAFF_VALUES = Set.of("crimeRef", "victimRef", "staffPortalUrl");

  private final Audience audience;
  private final boolean requestedByVictim;
  private final Set<String> supplied;
  private final String essential;

  MessageKind(
      Audience audience, boolean requestedByVictim, Set<String> supplied, String essential) {
    this.audience = audience;
    this.requestedByVictim = requestedByVictim;
    this.supplied = supplied;
    this.essential = essential;
  }

  public Audience audience() {
    return audience;
  }

  /** Whether this goes to a victim (and so obeys the alert policy and the stop-contact switch). */
  public boolean toVictim() {
    return audience == Audience.VICTIM;
  }

  /**
   * Asked for by the victim a moment ago (a reset link, a sign-in code): never held for quiet hours
   * or coalesced, and sent even after they opted out of updates (not after "stop contact", nor when
   * contact was found unsuitable).
   */
  public boolean requestedByVictim() {
    return requestedByVictim;
  }

  /** The parameters whoever queues this kind must supply (an activation link, a code). */
  public Set<String> suppliedParameters() {
    return supplied;
  }

  /** Every placeholder this kind's templates may use. */
  public Set<String> placeholders() {
    Set<String> base = toVictim() ? VICTIM_VALUES : STAFF_VALUES;
    if (this == HUB_VICTIM_UNREACHABLE) {
      return union(base, Set.of("failedChannel", "remainingChannels"));
    }
    return union(base, supplied);
  }

  /**
   * The placeholder without which the message is pointless (where to sign in, the link, the code):
   * every email and text of this kind must carry it.
   */
  public String essentialPlaceholder() {
    return essential;
  }

  /** The kind written in the outbox as {@code key}, if the dispatcher knows it. */
  public static Optional<MessageKind> ofKey(String key) {
    for (MessageKind k : values()) {
      if (k.name().equals(key)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
