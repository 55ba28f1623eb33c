package org.trackmycrime.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.EnrolmentException;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AlertBlock;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.RiskStatus;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.testing.TmcDatabase;

class EnrolmentServiceTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  static final String FORCE = "demo-force";
  static final String REF = "43/100/26";
  static final Actor OFFICER = Actor.officer("4321");

  TrackMyCrime tmc;

  @BeforeEach
  void recordCrime() {
    tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    Victim consenting =
        Victim.builder(FORCE, REF, "V1").name("Alex", "Morgan").email("alex@example.org").build();
    Victim declining =
        Victim.builder(FORCE, REF, "V2")
            .name("Sam", "Lee")
            .mobile("+447700900456")
            .enrolment(Enrolment.atRecording(true, db.clock().instant(), Actor.officer("4321")))
            .build();
    tmc.crimeService()
        .record(
            Crime.recorded(FORCE, REF, "Burglary", db.clock().instant()),
            List.of(consenting, declining),
            Actor.officer("4321"));
    db.clock().advance(Duration.ofMinutes(5));
  }

  @Test
  void recordingEnrolsByDefaultKeepsDeclinesAndAuditsCollection() {
    assertThat(tmc.victims().find(FORCE, REF, "V1").orElseThrow().enrolment().consent())
        .isEqualTo(Consent.ENROLLED);
    assertThat(tmc.victims().find(FORCE, REF, "V2").orElseThrow().enrolment().consent())
        .isEqualTo(Consent.DECLINED);
    assertThat(tmc.audit().forCrime(FORCE, REF))
        .extracting(AuditEvent::action, AuditEvent::subjectRef)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditAction.COLLECTION, "V1"),
            org.assertj.core.groups.Tuple.tuple(AuditAction.COLLECTION, "V2"));
  }

  @Test
  void noAlertUntilAnOfficerFindsContactSuitable() {
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V1").blocks())
        .containsExactly(AlertBlock.RISK_ASSESSMENT_PENDING);

    tmc.enrolment().assessRisk(FORCE, REF, "V1", OFFICER, true, List.of("DA-CHECKED"), null);
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V1").channels())
        .containsExactly(Channel.EMAIL);
  }

  @Test
  void unsuitableAssessmentStopsAlertsAtOnce() {
    tmc.enrolment().assessRisk(FORCE, REF, "V1", OFFICER, true, List.of(), null);
    db.clock().advance(Duration.ofDays(3));
    tmc.enrolment()
        .assessRisk(FORCE, REF, "V1", OFFICER, false, List.of("DOMESTIC-ABUSE"), "shared phone");
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V1").blocks())
        .containsExactly(AlertBlock.RISK_UNSUITABLE);
  }

  @Test
  void victimOptsOutAndBackInWithHistoryAndAudit() {
    tmc.enrolment().assessRisk(FORCE, REF, "V1", OFFICER, true, List.of(), null);
    Instant outAt = db.clock().advance(Duration.ofDays(1));
    tmc.enrolment().optOut(FORCE, REF, "V1", Actor.victim("V1"), null);
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V1").blocks())
        .containsExactly(AlertBlock.OPTED_OUT);

    db.clock().advance(Duration.ofDays(1));
    tmc.enrolment().optIn(FORCE, REF, "V1", OFFICER, "victim asked by phone");
    Victim v = tmc.victims().find(FORCE, REF, "V1").orElseThrow();
    assertThat(v.enrolment().state())
        .isEqualTo(new Enrolment.State(Consent.ENROLLED, RiskStatus.SUITABLE));
    assertThat(v.enrolment().history())
        .extracting(EnrolmentTransition::action, EnrolmentTransition::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.ENROL, OFFICER),
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.ASSESS_SUITABLE, OFFICER),
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.OPT_OUT, Actor.victim("V1")),
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.OPT_IN, OFFICER));
    assertThat(v.enrolment().history().get(2).at()).isEqualTo(outAt);
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .filteredOn(e -> e.action() == AuditAction.ALTERATION)
        .extracting(AuditEvent::detail)
        .containsExactly("enrolment ASSESS_SUITABLE", "enrolment OPT_OUT", "enrolment OPT_IN");
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V1").allowed()).isTrue();
  }

  @Test
  void illegalTransitionIsRefusedNamingStateActionAndVictimAndChangesNothing() {
    assertThatThrownBy(() -> tmc.enrolment().optIn(FORCE, REF, "V1", Actor.victim("V1"), null))
        .isInstanceOfSatisfying(
            EnrolmentException.class,
            e -> {
              assertThat(e.action()).isEqualTo(EnrolmentAction.OPT_IN);
              assertThat(e.consent()).isEqualTo(Consent.ENROLLED);
              assertThat(e.context())
                  .containsEntry(TrackMyCrimeException.CRIME_REFERENCE, REF)
                  .containsEntry(TrackMyCrimeException.VICTIM_REF, "V1");
            })
        .hasMessageContaining("Cannot OPT_IN when enrolment is ENROLLED/PENDING");
    assertThat(tmc.victims().find(FORCE, REF, "V1").orElseThrow().enrolment().history()).hasSize(1);
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .noneMatch(e -> e.action() == AuditAction.ALTERATION);
  }

  @Test
  void declinedVictimCanOptInLater() {
    tmc.enrolment().optIn(FORCE, REF, "V2", Actor.victim("V2"), null);
    tmc.enrolment().assessRisk(FORCE, REF, "V2", OFFICER, true, List.of(), null);
    assertThat(tmc.enrolment().mayAlert(FORCE, REF, "V2").channels()).containsExactly(Channel.SMS);
  }

  @Test
  void anUnknownVictimIsNotFound() {
    assertThatThrownBy(() -> tmc.enrolment().mayAlert(FORCE, REF, "V9"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("V9");
    assertThatThrownBy(() -> tmc.enrolment().mayAlert("other-force", REF, "V1"))
        .isInstanceOf(NotFoundException.class);
  }
}
