package org.trackmycrime.core.enrolment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.trackmycrime.core.model.AlertBlock;
import org.trackmycrime.core.model.AlertDecision;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimPreferences;

/**
 * The single place that decides whether a victim may be alerted. No alert of any kind goes to a
 * victim who is not enrolled, not yet found suitable by a risk assessment, or opted out.
 */
public final class AlertPolicy {
  private AlertPolicy() {}

  /**
   * May this victim be alerted about something that happened at {@code at}, and on which channels?
   * Pass the current time for alerts sent now; pass an event's time to decide by the enrolment as
   * it was then.
   */
  public static AlertDecision decide(Victim victim, Instant at) {
    Enrolment.State state = victim.enrolment().stateAt(at);
    List<AlertBlock> blocks = new ArrayList<>();
    switch (state.consent()) {
      case NONE -> blocks.add(AlertBlock.NOT_ENROLLED);
      case DECLINED -> blocks.add(AlertBlock.DECLINED);
      case OPTED_OUT -> blocks.add(AlertBlock.OPTED_OUT);
      case ENROLLED -> {}
    }
    switch (state.risk()) {
      case PENDING -> blocks.add(AlertBlock.RISK_ASSESSMENT_PENDING);
      case UNSUITABLE -> blocks.add(AlertBlock.RISK_UNSUITABLE);
      case SUITABLE -> {}
    }
    Set<Channel> channels = usableChannels(victim);
    if (channels.isEmpty()) {
      blocks.add(AlertBlock.NO_USABLE_CHANNEL);
    }
    return blocks.isEmpty()
        ? new AlertDecision(channels, List.of())
        : new AlertDecision(Set.of(), blocks);
  }

  /**
   * The channels to alert on: the victim's chosen channels that are usable; when none of those is
   * (the chosen contact failed for good or was removed), every usable channel, so the victim is not
   * left without alerts.
   */
  public static Set<Channel> alertChannels(Victim victim, VictimPreferences preferences) {
    Set<Channel> usable = usableChannels(victim);
    if (preferences == null || preferences.channels().isEmpty()) {
      return usable;
    }
    Set<Channel> chosen = EnumSet.noneOf(Channel.class);
    chosen.addAll(usable);
    chosen.retainAll(preferences.channels());
    return chosen.isEmpty() ? usable : chosen;
  }

  /** Channels with a contact detail that has not failed permanently. */
  public static Set<Channel> usableChannels(Victim victim) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (victim.email() != null && !victim.unreachableChannels().contains(Channel.EMAIL)) {
      channels.add(Channel.EMAIL);
    }
    if (victim.mobile() != null && !victim.unreachableChannels().contains(Channel.SMS)) {
      channels.add(Channel.SMS);
    }
    return channels;
  }
}
