package org.trackmycrime.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AlertBlock;
import org.trackmycrime.core.model.AlertDecision;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Victim;

class AlertPolicyTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant LATER = T0.plusSeconds(3600);

  private static Victim victim(Enrolment enrolment) {
    return Victim.builder("demo-force", "43/1/26", "V1")
        .name("Alex", "Morgan")
        .email("alex@example.org")
        .mobile("+447700900123")
        .enrolment(enrolment)
        .build();
  }

  private static Enrolment enrolled() {
    return Enrolment.atRecording(false, T0, Actor.recordsSystem("niche"));
  }

  private static Enrolment with(Enrolment e, EnrolmentAction action, int minutes) {
    Actor actor = action.name().startsWith("ASSESS") ? Actor.officer("4321") : Actor.victim("V1");
    return e.apply(
        new EnrolmentTransition(action, T0.plusSeconds(60L * minutes), actor, "why", List.of()));
  }

  @Test
  void enrolledByDefaultButNotYetAssessedMayNotBeAlerted() {
    AlertDecision d = AlertPolicy.decide(victim(enrolled()), LATER);
    assertThat(d.allowed()).isFalse();
    assertThat(d.blocks()).containsExactly(AlertBlock.RISK_ASSESSMENT_PENDING);
    assertThat(d.channels()).isEmpty();
    assertThat(d.explain()).contains("no officer has yet assessed");
  }

  @Test
  void enrolledAndFoundSuitableMayBeAlertedOnEveryChannelTheyHave() {
    AlertDecision d =
        AlertPolicy.decide(victim(with(enrolled(), EnrolmentAction.ASSESS_SUITABLE, 1)), LATER);
    assertThat(d.allowed()).isTrue();
    assertThat(d.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    assertThat(d.explain()).isEqualTo("may be alerted by EMAIL, SMS");
  }

  @Test
  void declinedVictimMayNotBeAlertedEvenWhenSuitable() {
    Enrolment declined = Enrolment.atRecording(true, T0, Actor.recordsSystem("niche"));
    AlertDecision d =
        AlertPolicy.decide(victim(with(declined, EnrolmentAction.ASSESS_SUITABLE, 1)), LATER);
    assertThat(d.blocks()).containsExactly(AlertBlock.DECLINED);
  }

  @Test
  void unsuitableVictimMayNotBeAlerted() {
    AlertDecision d =
        AlertPolicy.decide(victim(with(enrolled(), EnrolmentAction.ASSESS_UNSUITABLE, 1)), LATER);
    assertThat(d.blocks()).containsExactly(AlertBlock.RISK_UNSUITABLE);
  }

  @Test
  void optedOutVictimGetsNoAlertAndOptingBackInRestoresThem() {
    Enrolment out =
        with(with(enrolled(), EnrolmentAction.ASSESS_SUITABLE, 1), EnrolmentAction.OPT_OUT, 2);
    assertThat(AlertPolicy.decide(victim(out), LATER).blocks())
        .containsExactly(AlertBlock.OPTED_OUT);

    Enrolment backIn = with(out, EnrolmentAction.OPT_IN, 3);
    AlertDecision d = AlertPolicy.decide(victim(backIn), LATER);
    assertThat(d.allowed()).isTrue();
    assertThat(d.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
  }

  @Test
  void victimWithNoUsableChannelMayNotBeAlerted() {
    Victim noContact =
        Victim.builder("demo-force", "43/1/26", "V1")
            .name("Alex", "Morgan")
            .enrolment(with(enrolled(), EnrolmentAction.ASSESS_SUITABLE, 1))
            .build();
    assertThat(AlertPolicy.decide(noContact, LATER).blocks())
        .containsExactly(AlertBlock.NO_USABLE_CHANNEL);

    Victim bouncedEmailOnly =
        noContact.toBuilder()
            .email("alex@example.org")
            .unreachableChannels(Set.of(Channel.EMAIL))
            .build();
    assertThat(AlertPolicy.decide(bouncedEmailOnly, LATER).blocks())
        .containsExactly(AlertBlock.NO_USABLE_CHANNEL);
  }

  @Test
  void aChannelThatFailedPermanentlyIsLeftOut() {
    Victim v =
        victim(with(enrolled(), EnrolmentAction.ASSESS_SUITABLE, 1)).toBuilder()
            .unreachableChannels(Set.of(Channel.SMS))
            .build();
    assertThat(AlertPolicy.decide(v, LATER).channels()).containsExactly(Channel.EMAIL);
  }

  @Test
  void everyReasonIsGivenAtOnce() {
    Victim v =
        Victim.builder("demo-force", "43/1/26", "V1")
            .name("Alex", "Morgan")
            .enrolment(with(enrolled(), EnrolmentAction.OPT_OUT, 1))
            .build();
    assertThat(AlertPolicy.decide(v, LATER).blocks())
        .containsExactly(
            AlertBlock.OPTED_OUT, AlertBlock.RISK_ASSESSMENT_PENDING, AlertBlock.NO_USABLE_CHANNEL);
  }

  @Test
  void decisionByEventTimeUsesTheEnrolmentAsItWasThen() {
    Enrolment e =
        with(with(enrolled(), EnrolmentAction.ASSESS_SUITABLE, 10), EnrolmentAction.OPT_OUT, 20);
    Victim v = victim(e);
    assertThat(AlertPolicy.decide(v, T0.plusSeconds(60 * 5)).blocks())
        .containsExactly(AlertBlock.RISK_ASSESSMENT_PENDING);
    assertThat(AlertPolicy.decide(v, T0.plusSeconds(60 * 15)).allowed()).isTrue();
    assertThat(AlertPolicy.decide(v, T0.plusSeconds(60 * 25)).blocks())
        .containsExactly(AlertBlock.OPTED_OUT);
  }
}
