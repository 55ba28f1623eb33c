package org.trackmycrime.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.EnrolmentException;

class EnrolmentTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Actor OFFICER = Actor.officer("4321");
  private static final Actor VICTIM = Actor.victim("V1");

  private static EnrolmentTransition t(EnrolmentAction action, long minutes, Actor actor) {
    return new EnrolmentTransition(
        action, T0.plusSeconds(60 * minutes), actor, "reason", List.of());
  }

  @Test
  void victimIsEnrolledByDefaultWithRiskPending() {
    Enrolment e = Enrolment.atRecording(false, T0, Actor.recordsSystem("niche"));
    assertThat(e.consent()).isEqualTo(Consent.ENROLLED);
    assertThat(e.risk()).isEqualTo(RiskStatus.PENDING);
    assertThat(e.history()).hasSize(1);
  }

  @Test
  void victimWhoDeclinedIsNotEnrolled() {
    Enrolment e = Enrolment.atRecording(true, T0, Actor.recordsSystem("niche"));
    assertThat(e.consent()).isEqualTo(Consent.DECLINED);
  }

  @Test
  void optingOutTwiceIsRefusedNamingStateAndAction() {
    Enrolment e =
        Enrolment.atRecording(false, T0, VICTIM).apply(t(EnrolmentAction.OPT_OUT, 1, VICTIM));
    assertThatThrownBy(() -> e.apply(t(EnrolmentAction.OPT_OUT, 2, VICTIM)))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("OPT_OUT")
        .hasMessageContaining("OPTED_OUT")
        .satisfies(
            ex -> {
              EnrolmentException ee = (EnrolmentException) ex;
              assertThat(ee.action()).isEqualTo(EnrolmentAction.OPT_OUT);
              assertThat(ee.consent()).isEqualTo(Consent.OPTED_OUT);
            });
  }

  @Test
  void optingInWhileEnrolledIsRefused() {
    Enrolment e = Enrolment.atRecording(false, T0, VICTIM);
    assertThatThrownBy(() -> e.apply(t(EnrolmentAction.OPT_IN, 1, VICTIM)))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("Cannot OPT_IN when enrolment is ENROLLED/PENDING")
        .hasMessageContaining("already enrolled");
  }

  @Test
  void enrollingTwiceIsRefused() {
    Enrolment e = Enrolment.atRecording(false, T0, VICTIM);
    assertThatThrownBy(() -> e.apply(t(EnrolmentAction.ENROL, 1, OFFICER)))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("ENROL")
        .hasMessageContaining("already recorded");
  }

  @Test
  void victimCannotAssessTheirOwnRisk() {
    Enrolment e = Enrolment.atRecording(false, T0, VICTIM);
    assertThatThrownBy(() -> e.apply(t(EnrolmentAction.ASSESS_SUITABLE, 1, VICTIM)))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("only an officer can assess risk");
  }

  @Test
  void riskCannotBeAssessedBeforeEnrolmentIsRecorded() {
    assertThatThrownBy(() -> Enrolment.none().apply(t(EnrolmentAction.ASSESS_SUITABLE, 1, OFFICER)))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("NONE/PENDING");
  }

  @Test
  void officerMustGiveAReasonToOptAVictimOut() {
    Enrolment e = Enrolment.atRecording(false, T0, VICTIM);
    EnrolmentTransition noReason =
        new EnrolmentTransition(
            EnrolmentAction.OPT_OUT, T0.plusSeconds(60), OFFICER, " ", List.of());
    assertThatThrownBy(() -> e.apply(noReason)).hasMessageContaining("must give a reason");
  }

  @Test
  void aChangeCannotBeBackDatedBeforeTheLastOne() {
    Enrolment e =
        Enrolment.atRecording(false, T0, VICTIM).apply(t(EnrolmentAction.OPT_OUT, 10, VICTIM));
    assertThatThrownBy(() -> e.apply(t(EnrolmentAction.OPT_IN, 5, VICTIM)))
        .hasMessageContaining("before the last recorded one");
  }

  @Test
  void reassessmentAndOptingBackInAreAllowedAndKeptAsHistory() {
    Enrolment e =
        Enrolment.atRecording(false, T0, VICTIM)
            .apply(t(EnrolmentAction.ASSESS_UNSUITABLE, 1, OFFICER))
            .apply(t(EnrolmentAction.ASSESS_SUITABLE, 2, OFFICER))
            .apply(t(EnrolmentAction.OPT_OUT, 3, VICTIM))
            .apply(t(EnrolmentAction.OPT_IN, 4, VICTIM));
    assertThat(e.state()).isEqualTo(new Enrolment.State(Consent.ENROLLED, RiskStatus.SUITABLE));
    assertThat(e.history())
        .extracting(EnrolmentTransition::action)
        .containsExactly(
            EnrolmentAction.ENROL,
            EnrolmentAction.ASSESS_UNSUITABLE,
            EnrolmentAction.ASSESS_SUITABLE,
            EnrolmentAction.OPT_OUT,
            EnrolmentAction.OPT_IN);
  }

  @Test
  void stateAtAnEarlierMomentIgnoresLaterChanges() {
    Enrolment e =
        Enrolment.atRecording(false, T0, VICTIM)
            .apply(t(EnrolmentAction.ASSESS_SUITABLE, 10, OFFICER))
            .apply(t(EnrolmentAction.OPT_OUT, 20, VICTIM));
    assertThat(e.stateAt(T0.minusSeconds(1)).consent()).isEqualTo(Consent.NONE);
    assertThat(e.stateAt(T0.plusSeconds(60 * 5)).risk()).isEqualTo(RiskStatus.PENDING);
    assertThat(e.stateAt(T0.plusSeconds(60 * 15)))
        .isEqualTo(new Enrolment.State(Consent.ENROLLED, RiskStatus.SUITABLE));
    assertThat(e.stateAt(T0.plusSeconds(60 * 20)).consent()).isEqualTo(Consent.OPTED_OUT);
  }

  @Test
  void factsFromTheRecordsSystemAreOrderedByTheirTimeWhateverTheArrivalOrder() {
    Enrolment inOrder =
        Enrolment.none()
            .record(t(EnrolmentAction.ENROL, 0, OFFICER))
            .record(t(EnrolmentAction.ASSESS_SUITABLE, 1, OFFICER))
            .record(t(EnrolmentAction.OPT_OUT, 2, VICTIM));
    Enrolment reversed =
        Enrolment.none()
            .record(t(EnrolmentAction.OPT_OUT, 2, VICTIM))
            .record(t(EnrolmentAction.ASSESS_SUITABLE, 1, OFFICER))
            .record(t(EnrolmentAction.ENROL, 0, OFFICER));
    assertThat(reversed).isEqualTo(inOrder);
    assertThat(reversed.consent()).isEqualTo(Consent.OPTED_OUT);
  }
}
