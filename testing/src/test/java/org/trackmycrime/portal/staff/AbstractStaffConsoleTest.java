package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trackmycrime.portal.staff.StaffFixture.ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.C1;
import static org.trackmycrime.portal.staff.StaffFixture.C2;
import static org.trackmycrime.portal.staff.StaffFixture.EVERYONE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE_SUPERVISOR;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.HUB;
import static org.trackmycrime.portal.staff.StaffFixture.OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.OTHER_OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.SUPERVISOR;
import static org.trackmycrime.portal.staff.StaffFixture.X1;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.ComplianceReport;
import org.trackmycrime.core.cadence.ComplianceRow;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.RiskStatus;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.Replacement;
import org.trackmycrime.core.text.ReplacementCategory;
import org.trackmycrime.testing.TmcDatabase;

/** The staff console's services on a real database; run on H2 and PostgreSQL by the subclasses. */
abstract class AbstractStaffConsoleTest {
  static final String NAMING_TEXT =
      "  Jordan Blake was arrested near SW1A 1AA; call me on 07700 900123.  ";

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  StaffConsole console;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    StaffFixture.load(tmc, db().clock().instant());
    console = new StaffConsole(tmc);
  }

  // ------------------------------------------------------------------ officer updates

  @Test
  void previewReplacesTheSuspectAndDetailsAndGivesEverySpan() {
    int entriesBefore = tmc.timeline().list(FORCE, C1).size();
    Depersonalised p = console.preview(OFFICER, C1, NAMING_TEXT);

    assertThat(p.text())
        .isEqualTo("The suspect was arrested near [postcode]; call me on [phone number].")
        .doesNotContain("Blake", "Jordan", "SW1A", "07700");
    assertThat(p.replacements())
        .extracting(Replacement::category)
        .containsExactly(
            ReplacementCategory.SUSPECT_NAME,
            ReplacementCategory.POSTCODE,
            ReplacementCategory.PHONE);
    assertThat(p.replacements())
        .extracting(p::textOf)
        .containsExactly("The suspect", "[postcode]", "[phone number]");
    assertThat(tmc.timeline().list(FORCE, C1)).hasSize(entriesBefore);
  }

  @Test
  void previewRefusesBlankAndOverlongText() {
    assertThatThrownBy(() -> console.preview(OFFICER, C1, "   "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> console.preview(OFFICER, C1, "x".repeat(4001)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("text");
  }

  @Test
  void publishAddsTheEntryMeetsTheObligationAlertsTheVictimAndIsAudited() {
    CaseObligation owed = openRegularUpdate(C1);
    db().clock().advance(Duration.ofDays(3));

    TimelineEntry entry = console.publish(OFFICER, C1, NAMING_TEXT);

    assertThat(entry.kind()).isEqualTo(TimelineKind.OFFICER_UPDATE);
    assertThat(entry.text().en()).isEqualTo(console.preview(OFFICER, C1, NAMING_TEXT).text());
    assertThat(entry.text().en()).startsWith("The suspect").doesNotContain("Blake");
    assertThat(tmc.timeline().list(FORCE, C1)).contains(entry);

    CaseObligation met =
        tmc.cadence().forCrime(FORCE, C1).stream()
            .filter(o -> o.obligationKey().equals(owed.obligationKey()))
            .findFirst()
            .orElseThrow();
    assertThat(met.status()).isEqualTo(Obligation.Status.MET_ON_TIME);
    assertThat(met.metAt()).isEqualTo(db().clock().instant());

    assertThat(tmc.outbox().forCrime(FORCE, C1))
        .filteredOn(m -> m.entryKey() != null && m.entryKey().equals(entry.entryKey()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(OutboxMessage.VICTIM_UPDATE);
              assertThat(m.victimRef()).isEqualTo("V1");
              assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
            });

    assertThat(tmc.audit().forCrime(FORCE, C1))
        .filteredOn(a -> a.actor().equals(Actor.staff(OFFICER.id())))
        .extracting(AuditEvent::action, AuditEvent::subjectRef, AuditEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AuditAction.COLLECTION, entry.entryKey(), "OFFICER_UPDATE"));
  }

  @Test
  void aVictimWhoOptedOutGetsNoAlertForAPublishedUpdate() {
    console.optOut(OFFICER, C1, "V1", "Asked by phone not to be contacted");
    TimelineEntry entry = console.publish(OFFICER, C1, "We have reviewed the CCTV.");
    assertThat(tmc.outbox().forCrime(FORCE, C1))
        .noneMatch(m -> entry.entryKey().equals(m.entryKey()));
  }

  // ------------------------------------------------------------------ enrolment changes

  @Test
  void riskAssessmentNeedsReasonCodesWhenUnsuitableAndIsAudited() {
    assertThatThrownBy(() -> console.assessRisk(OFFICER, C1, "V1", false, List.of(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reasonCodes");

    assertThat(
            console
                .assessRisk(OFFICER, C1, "V1", false, List.of("DOMESTIC_ABUSE"), "shared phone")
                .enrolment()
                .risk())
        .isEqualTo(RiskStatus.UNSUITABLE);
    assertThat(console.assessRisk(SUPERVISOR, C1, "V1", true, List.of(), null).enrolment().risk())
        .isEqualTo(RiskStatus.SUITABLE);

    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .filteredOn(a -> a.actor().type() == org.trackmycrime.core.model.ActorType.STAFF)
        .extracting(a -> a.actor().ref(), AuditEvent::action, AuditEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                OFFICER.id(), AuditAction.ALTERATION, "enrolment ASSESS_UNSUITABLE"),
            org.assertj.core.groups.Tuple.tuple(
                SUPERVISOR.id(), AuditAction.ALTERATION, "enrolment ASSESS_SUITABLE"));
  }

  @Test
  void optOutAndInNeedAReasonAndAreAudited() {
    assertThatThrownBy(() -> console.optOut(OFFICER, C1, "V1", " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reason");
    assertThat(console.optOut(OFFICER, C1, "V1", "Victim asked").enrolment().consent())
        .isEqualTo(Consent.OPTED_OUT);
    assertThat(console.optIn(OFFICER, C1, "V1", "Victim asked again").enrolment().consent())
        .isEqualTo(Consent.ENROLLED);
    assertThat(tmc.audit().forCrime(FORCE, C1))
        .filteredOn(a -> a.actor().equals(Actor.staff(OFFICER.id())))
        .extracting(AuditEvent::detail)
        .containsExactly("enrolment OPT_OUT", "enrolment OPT_IN");
  }

  // ------------------------------------------------------------------ consultation

  @Test
  void viewingAVictimsDetailsIsAConsultationWithItsPurpose() {
    VictimDetails d = console.victimDetails(SUPERVISOR, C1, "V1", ConsultationPurpose.SAFEGUARDING);
    assertThat(d.victim().email()).isEqualTo(StaffFixture.VICTIM_EMAIL);
    assertThat(d.toString()).doesNotContain("Morgan", "alex");

    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .filteredOn(a -> a.action() == AuditAction.CONSULTATION)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actor()).isEqualTo(Actor.staff(SUPERVISOR.id()));
              assertThat(a.crimeReference()).isEqualTo(C1);
              assertThat(a.at()).isEqualTo(db().clock().instant());
              assertThat(a.detail()).contains("SAFEGUARDING");
            });
    assertThatThrownBy(() -> console.victimDetails(SUPERVISOR, C1, "V1", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("purpose");
  }

  @Test
  void theCrimeViewHasNoVictimNamesAndWritesNoConsultation() {
    CrimeView v = console.crime(OFFICER, C1);
    assertThat(v.victims()).extracting(CrimeView.VictimSummary::victimRef).containsExactly("V1");
    assertThat(v.officer()).hasValueSatisfying(o -> assertThat(o.ref()).isEqualTo("4321"));
    assertThat(v.obligations())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.explanation()).isNotBlank());
    assertThat(v.toString()).doesNotContain("Morgan");
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .noneMatch(a -> a.action() == AuditAction.CONSULTATION);
  }

  // ------------------------------------------------------------------ officer's list

  @Test
  void myCrimesListsTheOfficersOwnCrimesOverdueFirstWithExplanations() {
    db().clock().advance(Duration.ofDays(40));
    List<OfficerCrime> mine = console.myCrimes(OFFICER);
    assertThat(mine).extracting(c -> c.crime().crimeReference()).containsExactly(C1);
    assertThat(mine.get(0).overdue()).isTrue();
    assertThat(mine.get(0).open())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.explanation()).contains("due by"));
    assertThat(console.myCrimes(FOREIGN_OFFICER))
        .extracting(c -> c.crime().crimeReference())
        .containsExactly(X1);
  }

  // ------------------------------------------------------------------ compliance

  @Test
  void aUnitSupervisorSeesTheirUnitAndItsOverdueListAnAdminTheForce() {
    db().clock().advance(Duration.ofDays(40));
    LocalDate from = LocalDate.parse("2026-03-01");
    LocalDate to = LocalDate.parse("2026-04-30");

    ComplianceView unit = console.compliance(SUPERVISOR, from, to);
    assertThat(unit.unit()).isEqualTo("Burglary");
    assertThat(unit.report().rows())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.scope()).isNotEqualTo(ComplianceRow.Scope.FORCE))
        .extracting(ComplianceRow::scopeRef)
        .containsOnly("Burglary", "4321");
    assertThat(unit.overdue())
        .extracting(CaseObligation::crimeReference)
        .containsOnly(C1)
        .isNotEmpty();
    assertThat(unit.toCsv())
        .startsWith(ComplianceReport.CSV_HEADER + "\r\n")
        .contains(",4321,")
        .doesNotContain("5555", "CID");

    ComplianceView force = console.compliance(ADMIN, from, to);
    assertThat(force.unit()).isNull();
    assertThat(force.report().rows(ComplianceRow.Scope.OFFICER))
        .extracting(ComplianceRow::scopeRef)
        .containsExactlyInAnyOrder("4321", "5555");
    assertThat(force.overdue())
        .extracting(CaseObligation::crimeReference)
        .containsExactlyInAnyOrder(C1, C2);
    assertThat(console.compliance(FORCE_SUPERVISOR, from, to).report().rows())
        .isEqualTo(force.report().rows());

    assertThat(console.compliance(FOREIGN_ADMIN, from, to).overdue())
        .extracting(CaseObligation::crimeReference)
        .containsOnly(X1);
  }

  // ------------------------------------------------------------------ access matrix

  private static final String OK = "ok";
  private static final String FORBIDDEN = "403";
  private static final String NOT_FOUND = "404";

  /** Every console method, aimed at a crime, with a call that succeeds when access is allowed. */
  private Map<String, BiConsumer<StaffMember, String>> crimeMethods() {
    Map<String, BiConsumer<StaffMember, String>> m = new LinkedHashMap<>();
    m.put("crime", (s, c) -> console.crime(s, c));
    m.put(
        "victimDetails",
        (s, c) -> console.victimDetails(s, c, "V1", ConsultationPurpose.UPDATE_VICTIM));
    m.put("preview", (s, c) -> console.preview(s, c, "An update"));
    m.put("publish", (s, c) -> console.publish(s, c, "An update"));
    m.put("assessRisk", (s, c) -> console.assessRisk(s, c, "V1", true, List.of(), null));
    m.put(
        "optOutAndIn",
        (s, c) -> {
          console.optOut(s, c, "V1", "asked");
          console.optIn(s, c, "V1", "asked again");
        });
    return m;
  }

  @Test
  void accessMatrixOverEveryMethodRoleAndForce() {
    List<String> wrong = new ArrayList<>();
    for (StaffMember s : EVERYONE) {
      for (String crime : List.of(C1, X1)) {
        for (Map.Entry<String, BiConsumer<StaffMember, String>> m : crimeMethods().entrySet()) {
          String expected = expectedOnCrime(s, crime);
          String actual = outcome(() -> m.getValue().accept(s, crime));
          if (!expected.equals(actual)) {
            wrong.add(
                m.getKey() + " by " + s.id() + " on " + crime + ": " + actual + " not " + expected);
          }
        }
      }
      String myCrimes = outcome(() -> console.myCrimes(s));
      String expectMine = s.has(StaffRole.OFFICER) ? OK : FORBIDDEN;
      if (!myCrimes.equals(expectMine)) {
        wrong.add("myCrimes by " + s.id() + ": " + myCrimes);
      }
      String compliance =
          outcome(
              () ->
                  console.compliance(
                      s, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")));
      String expectCompliance =
          s.has(StaffRole.SUPERVISOR) || s.has(StaffRole.ADMIN) ? OK : FORBIDDEN;
      if (!compliance.equals(expectCompliance)) {
        wrong.add("compliance by " + s.id() + ": " + compliance);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anOfficerRefSharedByTwoForcesReachesOnlyItsOwnForcesCrime() {
    assertThat(console.crime(FOREIGN_OFFICER, X1).crime().force()).isEqualTo("other-force");
    assertThatThrownBy(() -> console.crime(FOREIGN_OFFICER, C1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> console.crime(OFFICER, X1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> console.victimDetails(OFFICER, C1, "V9", ConsultationPurpose.SAFEGUARDING))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aStaffMemberNeedsARoleAndAnOfficerTheirRefAndUnit() {
    assertThatThrownBy(() -> new StaffMember("s1", "Name", FORCE, Set.of(), null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("roles");
    assertThatThrownBy(
            () -> new StaffMember("s1", "Name", FORCE, Set.of(StaffRole.OFFICER), null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("officerRef")
        .hasMessageContaining("unit");
    assertThat(OFFICER.toString()).doesNotContain("Patel");
  }

  /** Who may act on which crime: see {@link StaffConsole}. */
  private static String expectedOnCrime(StaffMember s, String crime) {
    String crimeForce = crime.equals(X1) ? StaffFixture.OTHER : FORCE;
    if (!s.has(StaffRole.OFFICER) && !s.has(StaffRole.SUPERVISOR) && !s.has(StaffRole.ADMIN)) {
      return FORBIDDEN;
    }
    if (!s.force().equals(crimeForce)) {
      return NOT_FOUND;
    }
    if (s == OFFICER || s == SUPERVISOR || s == FORCE_SUPERVISOR || s == ADMIN) {
      return OK;
    }
    if (s == FOREIGN_OFFICER || s == FOREIGN_ADMIN) {
      return OK;
    }
    if (s == OTHER_OFFICER || s == HUB) {
      return FORBIDDEN;
    }
    throw new AssertionError(s);
  }

  private static String outcome(Runnable call) {
    try {
      call.run();
      return OK;
    } catch (StaffAccessException e) {
      return FORBIDDEN;
    } catch (NotFoundException e) {
      return NOT_FOUND;
    }
  }

  private CaseObligation openRegularUpdate(String crime) {
    return tmc.cadence().forCrime(FORCE, crime).stream()
        .filter(o -> o.kind() == Obligation.Kind.REGULAR_UPDATE && o.isOpen())
        .findFirst()
        .orElseThrow();
  }
}
