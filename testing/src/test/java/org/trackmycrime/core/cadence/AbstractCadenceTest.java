package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.CrimeService;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.Events;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The obligations index, kept right by ingest and the services, and the reminder run, on every
 * supported database. Each test starts on Monday 2 March 2026, 09:00 (UK time is GMT until Sunday
 * 29 March). A crime reported then owes its first update by the end of Monday 30 March, which is
 * 22:59:59 UTC once the clocks have gone forward; the officer is reminded from the start of
 * Wednesday 25 March (three working days before), told it is overdue at 23:00:00 UTC on 30 March,
 * and the unit's supervisor is told at the start of Thursday 9 April (five working days after the
 * due date, skipping Good Friday and Easter Monday).
 */
abstract class AbstractCadenceTest {
  static final String FORCE = "demo-force";
  static final String OTHER = "other-force";
  static final Instant T0 = TmcDatabase.DEFAULT_START;
  static final Instant DUE = Instant.parse("2026-03-30T22:59:59Z");
  static final Instant REMIND = Instant.parse("2026-03-25T00:00:00Z");
  static final Instant OVERDUE = Instant.parse("2026-03-30T23:00:00Z");
  static final Instant ESCALATE = Instant.parse("2026-04-08T23:00:00Z");
  static final Instant HOLDING = Instant.parse("2026-03-27T00:00:00Z");
  static final String OFFICER = "4321";
  static final String UNIT = "CID Bristol";

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  MutableClock clock;
  final Events ev = new Events("niche", FORCE);
  int ids;

  @BeforeEach
  void forces() {
    tmc = db().trackMyCrime();
    clock = db().clock();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER, "Other Police", ForceSettings.defaults()));
  }

  private String id() {
    return "e" + (++ids);
  }

  IngestOutcome in(String json) {
    return tmc.ingest().ingest(new RawEvent(json, "test"));
  }

  /** A crime reported now with victim V1 (risk assessment pending) and officer 4321 of CID. */
  void recordCrime(String ref) {
    Instant now = clock.instant();
    List<IngestOutcome> out =
        tmc.ingest()
            .ingestAll(
                List.of(
                    new RawEvent(
                        ev.crimeRecorded(
                            id(),
                            ref,
                            now,
                            "Burglary",
                            v ->
                                Events.victim(v, "V1", "Alex", "Morgan")
                                    .put("email", "alex@example.org")),
                        "test"),
                    new RawEvent(
                        ev.officerAssigned(id(), ref, now, OFFICER, "DC Patel", UNIT), "test")));
    assertThat(out).extracting(IngestOutcome::status).containsOnly(IngestStatus.APPLIED);
  }

  void suitable(String ref) {
    assertThat(in(ev.riskAssessed(id(), ref, clock.instant(), "V1", true)).status())
        .isEqualTo(IngestStatus.APPLIED);
  }

  /** The one regular update still owed to V1. */
  CaseObligation owedUpdate(String ref) {
    List<CaseObligation> owed =
        tmc.cadence().forCrime(FORCE, ref).stream()
            .filter(o -> o.isOpen() && o.kind() == Obligation.Kind.REGULAR_UPDATE)
            .toList();
    assertThat(owed).as("one regular update owed on %s", ref).hasSize(1);
    return owed.get(0);
  }

  List<OutboxMessage> notices(String force, String ref, String kind) {
    return tmc.outbox().forCrime(force, ref).stream().filter(m -> m.kind().equals(kind)).toList();
  }

  ReminderRun runAt(Instant at) {
    clock.set(at);
    return tmc.cadence().runReminders();
  }

  @Test
  void theFirstUpdateIsDueTwentyEightDaysAfterTheReportAndExplained() {
    recordCrime("C1");
    CaseObligation owed = owedUpdate("C1");
    assertThat(owed.victimRef()).isEqualTo("V1");
    assertThat(owed.crimeReference()).isEqualTo("C1");
    assertThat(owed.dueAt()).isEqualTo(DUE);
    assertThat(owed.dueDate()).isEqualTo(LocalDate.parse("2026-03-30"));
    assertThat(owed.status()).isEqualTo(Obligation.Status.PENDING);
    assertThat(owed.officerRef()).isEqualTo(OFFICER);
    assertThat(owed.explanation())
        .as("the officer's assignment, published at the report, was the first update")
        .isEqualTo(
            "due by end of 2026-03-30: next update after the last update 2026-03-02, 28 days");
    assertThat(tmc.cadence().forCrime(FORCE, "C1"))
        .as("the recording itself is not an update; the assignment met the first one")
        .extracting(CaseObligation::status)
        .containsExactly(Obligation.Status.MET_ON_TIME, Obligation.Status.PENDING);
  }

  @Test
  void theDueSoonReminderIsWrittenOnceFromTheStartOfTheThirdWorkingDayBefore() {
    recordCrime("C1");
    assertThat(runAt(REMIND.minusSeconds(1)).dueSoon()).isZero();
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_DUE_SOON)).isEmpty();

    assertThat(runAt(REMIND).dueSoon()).isEqualTo(1);
    assertThat(runAt(REMIND.plusSeconds(3600)).messages()).isZero();
    assertThat(tmc.cadence().runReminders().messages()).isZero();

    List<OutboxMessage> reminders = notices(FORCE, "C1", OutboxMessage.OFFICER_DUE_SOON);
    assertThat(reminders).hasSize(1);
    OutboxMessage reminder = reminders.get(0);
    assertThat(reminder.officerRef()).isEqualTo(OFFICER);
    assertThat(reminder.victimRef()).isEqualTo("V1");
    assertThat(reminder.obligationKey()).isEqualTo(owedUpdate("C1").obligationKey());
    assertThat(reminder.status()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(reminder.createdAt()).isEqualTo(REMIND);
  }

  @Test
  void aRiskPendingVictimIsOwedUpdatesSoTheOfficerIsChasedThoughTheVictimIsNotAlerted() {
    recordCrime("C1");
    assertThat(tmc.enrolment().mayAlert(FORCE, "C1", "V1").allowed()).isFalse();
    assertThat(owedUpdate("C1").dueAt()).isEqualTo(DUE);
    runAt(REMIND);
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_DUE_SOON)).hasSize(1);
    assertThat(notices(FORCE, "C1", OutboxMessage.VICTIM_UPDATE)).isEmpty();
  }

  @Test
  void theOverdueNoticeIsWrittenOnceTheSecondAfterTheDueTime() {
    recordCrime("C1");
    runAt(DUE);
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_OVERDUE)).isEmpty();
    assertThat(tmc.cadence().overdue(FORCE, 10)).isEmpty();
    assertThat(tmc.cadence().dueSoon(FORCE, Duration.ofDays(1), 10))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C1");

    ReminderRun run = runAt(OVERDUE);
    assertThat(run.overdue()).isEqualTo(1);
    assertThat(run.dueSoon()).as("the reminder had gone out already").isZero();
    assertThat(runAt(OVERDUE.plusSeconds(60)).messages()).isZero();
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_OVERDUE))
        .singleElement()
        .satisfies(m -> assertThat(m.officerRef()).isEqualTo(OFFICER));
    assertThat(tmc.cadence().overdue(FORCE, 10))
        .singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(Obligation.Status.OVERDUE));
    assertThat(tmc.cadence().dueSoon(FORCE, Duration.ofDays(1), 10)).isEmpty();
  }

  @Test
  void escalationGoesToTheUnitOnceFiveWorkingDaysAfterTheDueDateSkippingEaster() {
    recordCrime("C1");
    runAt(OVERDUE);
    assertThat(runAt(ESCALATE.minusSeconds(1)).escalations()).isZero();
    assertThat(runAt(ESCALATE).escalations()).isEqualTo(1);
    assertThat(runAt(ESCALATE.plus(Duration.ofDays(20))).messages()).isZero();
    assertThat(notices(FORCE, "C1", OutboxMessage.SUPERVISOR_ESCALATION))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.unit()).isEqualTo(UNIT);
              assertThat(m.officerRef()).isEqualTo(OFFICER);
              assertThat(m.createdAt()).isEqualTo(ESCALATE);
            });
  }

  @Test
  void aRunLongAfterTheDueDateWritesTheOverdueNoticeAndEscalationButNoLateReminder() {
    recordCrime("C1");
    ReminderRun run = runAt(ESCALATE.plus(Duration.ofDays(2)));
    assertThat(run.dueSoon()).isZero();
    assertThat(run.overdue()).isEqualTo(1);
    assertThat(run.escalations()).isEqualTo(1);
    assertThat(tmc.cadence().runReminders().messages()).isZero();
  }

  @Test
  void anUpdateMeetsTheObligationCancelsItsWaitingReminderAndNothingMoreIsWrittenForIt() {
    recordCrime("C1");
    runAt(REMIND);
    String key = owedUpdate("C1").obligationKey();
    clock.set(Instant.parse("2026-03-26T10:00:00Z"));
    assertThat(in(ev.officerUpdate(id(), "C1", clock.instant(), "We have checked the CCTV.")))
        .extracting(IngestOutcome::status)
        .isEqualTo(IngestStatus.APPLIED);

    CaseObligation met =
        tmc.cadence().forCrime(FORCE, "C1").stream()
            .filter(o -> o.obligationKey().equals(key))
            .findFirst()
            .orElseThrow();
    assertThat(met.status()).isEqualTo(Obligation.Status.MET_ON_TIME);
    assertThat(met.metAt()).isEqualTo(Instant.parse("2026-03-26T10:00:00Z"));
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_DUE_SOON))
        .singleElement()
        .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxMessage.Status.CANCELLED));
    // 26 Mar + 28 = 23 Apr, end of day BST
    assertThat(owedUpdate("C1").dueAt()).isEqualTo(Instant.parse("2026-04-23T22:59:59Z"));

    runAt(ESCALATE);
    assertThat(notices(FORCE, "C1", OutboxMessage.OFFICER_OVERDUE)).isEmpty();
    assertThat(notices(FORCE, "C1", OutboxMessage.SUPERVISOR_ESCALATION)).isEmpty();
  }

  @Test
  void closingTheCrimeEndsWhatIsOwedCancelsWaitingNoticesAndStopsTheRun() {
    recordCrime("C1");
    runAt(OVERDUE);
    assertThat(in(ev.caseClosed(id(), "C1", clock.instant())).status())
        .isEqualTo(IngestStatus.APPLIED);
    assertThat(tmc.cadence().forCrime(FORCE, "C1"))
        .noneMatch(CaseObligation::isOpen)
        .extracting(CaseObligation::status)
        .as("the closure's own entry told the victim, late; nothing is owed after it")
        .containsExactly(
            Obligation.Status.MET_ON_TIME, Obligation.Status.MET_LATE, Obligation.Status.ENDED);
    assertThat(tmc.outbox().forCrime(FORCE, "C1"))
        .filteredOn(m -> !m.kind().equals(OutboxMessage.VICTIM_UPDATE))
        .extracting(OutboxMessage::status)
        .containsOnly(OutboxMessage.Status.CANCELLED);
    assertThat(runAt(ESCALATE.plus(Duration.ofDays(60))).messages()).isZero();
    assertThat(tmc.cadence().overdue(FORCE, 10)).isEmpty();
  }

  @Test
  void reopeningTheCrimeStartsTheCountAgainFromTheReopening() {
    recordCrime("C1");
    clock.set(Instant.parse("2026-03-10T09:00:00Z"));
    in(ev.caseClosed(id(), "C1", clock.instant()));
    assertThat(tmc.cadence().forCrime(FORCE, "C1")).noneMatch(CaseObligation::isOpen);
    clock.set(Instant.parse("2026-04-01T09:00:00Z"));
    in(ev.caseReopened(id(), "C1", clock.instant()));
    // the reopening's own entry is the first update after it: the next is due 29 Apr
    assertThat(owedUpdate("C1").dueDate()).isEqualTo(LocalDate.parse("2026-04-29"));
  }

  @Test
  void keyDecisionsAreMetByTheEntryTellingOfThemOnTimeOrLate() {
    recordCrime("C1");
    clock.set(Instant.parse("2026-03-04T12:00:00Z"));
    in(ev.suspectArrested(id(), "C1", Instant.parse("2026-03-04T10:00:00Z")));
    // charged Thu 5 Mar, but the records system sends it on Fri 13 Mar: 5 working days ended Thu 12
    clock.set(Instant.parse("2026-03-13T09:00:00Z"));
    in(ev.suspectCharged(id(), "C1", Instant.parse("2026-03-05T15:00:00Z")));
    List<CaseObligation> decisions =
        tmc.cadence().forCrime(FORCE, "C1").stream()
            .filter(o -> o.kind() == Obligation.Kind.KEY_DECISION)
            .toList();
    assertThat(decisions)
        .extracting(o -> o.decision() + " " + o.dueDate() + " " + o.status() + " " + o.metAt())
        .containsExactly(
            "SUSPECT_ARRESTED 2026-03-11 MET_ON_TIME 2026-03-04T12:00:00Z",
            "SUSPECT_CHARGED 2026-03-12 MET_LATE 2026-03-13T09:00:00Z");
    assertThat(decisions.get(1).explanation())
        .isEqualTo(
            "due by end of 2026-03-12: suspect charged 2026-03-05, standard rights, 5 working days");
  }

  @Test
  void anEventParkedForItsCrimeKeepsTheIndexRightWhenTheCrimeArrives() {
    clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(in(ev.officerUpdate(id(), "C9", clock.instant(), "We are on our way.")).status())
        .isEqualTo(IngestStatus.PARKED);
    assertThat(tmc.cadence().forCrime(FORCE, "C9")).isEmpty();
    clock.set(Instant.parse("2026-03-03T10:00:00Z"));
    assertThat(
            in(ev.crimeRecorded(
                    id(),
                    "C9",
                    Instant.parse("2026-03-03T08:00:00Z"),
                    "Burglary",
                    v -> Events.victim(v, "V1", "Alex", "Morgan")))
                .status())
        .isEqualTo(IngestStatus.APPLIED);
    assertThat(tmc.cadence().forCrime(FORCE, "C9"))
        .extracting(o -> o.status() + " " + o.dueDate())
        .as("the parked update, published when applied, met the first")
        .containsExactly("MET_ON_TIME 2026-03-31", "PENDING 2026-03-31");
  }

  @Test
  void victimsWhoDeclinedOrWereFoundUnsuitableAreOwedNothing() {
    clock.set(T0);
    in(
        ev.crimeRecorded(
            id(),
            "C2",
            T0,
            "Burglary",
            v -> {
              Events.victim(v, "V1", "Alex", "Morgan");
              Events.victim(v, "V2", "Sam", "Jones").put("optedOut", true);
              Events.victim(v, "V3", "Kim", "Lee");
            }));
    clock.set(Instant.parse("2026-03-05T09:00:00Z"));
    in(ev.riskAssessed(id(), "C2", clock.instant(), "V3", false));
    assertThat(tmc.cadence().forCrime(FORCE, "C2"))
        .filteredOn(CaseObligation::isOpen)
        .extracting(CaseObligation::victimRef)
        .containsExactly("V1");
    assertThat(tmc.cadence().forCrime(FORCE, "C2"))
        .filteredOn(o -> o.victimRef().equals("V3"))
        .extracting(CaseObligation::status)
        .containsExactly(Obligation.Status.ENDED);
    runAt(ESCALATE);
    assertThat(tmc.outbox().forCrime(FORCE, "C2"))
        .filteredOn(m -> !m.kind().equals(OutboxMessage.VICTIM_UPDATE))
        .extracting(OutboxMessage::victimRef)
        .containsOnly("V1");
  }

  @Test
  void enrolmentChangesThroughTheServicesKeepTheIndexRight() {
    CrimeService crimes = tmc.crimeService();
    crimes.record(
        Crime.recorded(FORCE, "C3", "Burglary", T0),
        List.of(Victim.builder(FORCE, "C3", "V1").name("Alex", "Morgan").build()),
        Actor.officer(OFFICER));
    assertThat(owedUpdate("C3").dueAt()).isEqualTo(DUE);
    assertThat(owedUpdate("C3").officerRef()).as("no officer in charge yet").isNull();

    clock.set(Instant.parse("2026-03-10T09:00:00Z"));
    tmc.enrolment().optOut(FORCE, "C3", "V1", Actor.victim("V1"), null);
    assertThat(tmc.cadence().forCrime(FORCE, "C3"))
        .extracting(CaseObligation::status)
        .containsExactly(Obligation.Status.ENDED);

    clock.set(Instant.parse("2026-03-12T09:00:00Z"));
    tmc.enrolment().optIn(FORCE, "C3", "V1", Actor.victim("V1"), null);
    assertThat(owedUpdate("C3").dueAt()).isEqualTo(DUE);

    tmc.enrolment().assessRisk(FORCE, "C3", "V1", Actor.officer(OFFICER), false, List.of(), null);
    assertThat(tmc.cadence().forCrime(FORCE, "C3")).noneMatch(CaseObligation::isOpen);
  }

  @Test
  void withNoOfficerInChargeTheNoticeIsStillWrittenForTheHub() {
    tmc.crimeService()
        .record(
            Crime.recorded(FORCE, "C4", "Burglary", T0),
            List.of(Victim.builder(FORCE, "C4", "V1").name("Alex", "Morgan").build()),
            Actor.officer(OFFICER));
    runAt(ESCALATE);
    assertThat(tmc.outbox().forCrime(FORCE, "C4"))
        .extracting(m -> m.kind() + " " + m.officerRef() + " " + m.unit())
        .containsExactly("OFFICER_OVERDUE null null", "SUPERVISOR_ESCALATION null null");
  }

  @Test
  void holdingUpdatesArePublishedOnlyWhenTheForceAllowsThem() {
    tmc.forces()
        .save(new Force(FORCE, "Demo Police", ForceSettings.defaults().withHoldingUpdates(true)));
    recordCrime("C5");
    suitable("C5");
    in(
        new Events("niche", OTHER)
            .crimeRecorded(
                "o1",
                "C6",
                T0,
                "Burglary",
                v -> Events.victim(v, "V1", "Alex", "Morgan").put("email", "alex@example.org")));

    assertThat(runAt(HOLDING.minusSeconds(1)).holdingUpdates()).isZero();
    assertThat(runAt(HOLDING).holdingUpdates()).as("C5 only").isEqualTo(1);
    assertThat(runAt(HOLDING.plusSeconds(60)).holdingUpdates()).isZero();
    assertThat(tmc.timeline().list(OTHER, "C6"))
        .as("a force that does not allow them gets none")
        .noneMatch(e -> e.kind() == TimelineKind.HOLDING_UPDATE);

    TimelineEntry holding =
        tmc.timeline().list(FORCE, "C5").stream()
            .filter(e -> e.kind() == TimelineKind.HOLDING_UPDATE)
            .findFirst()
            .orElseThrow();
    assertThat(holding.publishedAt()).isEqualTo(HOLDING);
    assertThat(holding.text().en())
        .startsWith("Your case is still being investigated by DC Patel.");
    assertThat(holding.text().cy())
        .startsWith("Mae eich achos yn dal i gael ei ymchwilio gan DC Patel.");
    assertThat(notices(FORCE, "C5", OutboxMessage.VICTIM_UPDATE))
        .as("the victim is alerted that there is something new")
        .anyMatch(m -> m.entryKey().equals(holding.entryKey()));

    CaseObligation met =
        tmc.cadence().forCrime(FORCE, "C5").stream()
            .filter(o -> HOLDING.equals(o.metAt()))
            .findFirst()
            .orElseThrow();
    assertThat(met.status()).isEqualTo(Obligation.Status.MET_ON_TIME);
    assertThat(met.holding()).isTrue();
    // 27 Mar + 28 = 24 Apr
    assertThat(owedUpdate("C5").dueDate()).isEqualTo(LocalDate.parse("2026-04-24"));
    runAt(ESCALATE);
    assertThat(notices(FORCE, "C5", OutboxMessage.OFFICER_OVERDUE)).isEmpty();
    assertThat(notices(OTHER, "C6", OutboxMessage.OFFICER_OVERDUE)).hasSize(1);

    ComplianceRow row =
        tmc.cadence()
            .compliance(FORCE, LocalDate.parse("2026-03-30"), LocalDate.parse("2026-03-30"))
            .row(ComplianceRow.Scope.FORCE, FORCE, "REGULAR_UPDATE")
            .orElseThrow();
    assertThat(row.due()).isEqualTo(2);
    assertThat(row.holding()).as("counted apart from updates the force wrote").isEqualTo(1);
    assertThat(row.metOnTime()).as("met by the officer's assignment").isEqualTo(1);
  }

  @Test
  void bulkLoadedHistoryComesOutMetOrMissedAndDoesNotFloodReminders() {
    Events hist = new Events("history", FORCE);
    String lines =
        String.join(
            "\n",
            hist.crimeRecorded(
                "h1",
                "OLD/1",
                Instant.parse("2025-06-02T09:00:00Z"),
                "Burglary",
                v -> Events.victim(v, "V1", "Alex", "Morgan")),
            hist.officerAssigned(
                "h2", "OLD/1", Instant.parse("2025-06-03T09:00:00Z"), OFFICER, "DC Patel", UNIT),
            hist.suspectArrested("h3", "OLD/1", Instant.parse("2025-06-10T12:00:00Z")),
            hist.officerUpdate("h4", "OLD/1", Instant.parse("2025-06-20T09:00:00Z"), "Update."));
    tmc.ingest()
        .bulkLoad(new BufferedReader(new StringReader(lines)), BulkOptions.of("history.jsonl"));

    assertThat(tmc.cadence().forCrime(FORCE, "OLD/1"))
        .extracting(o -> o.kind() + " " + o.dueDate() + " " + o.status())
        .containsExactly(
            "KEY_DECISION 2025-06-17 MET_ON_TIME",
            "REGULAR_UPDATE 2025-06-30 MET_ON_TIME",
            "REGULAR_UPDATE 2025-07-01 MET_ON_TIME",
            "REGULAR_UPDATE 2025-07-08 MET_ON_TIME",
            // 20 Jun + 28 = 18 Jul: overdue when the history was loaded
            "REGULAR_UPDATE 2025-07-18 MISSED",
            // loaded Mon 2 Mar 2026: the next update counts from the load
            "REGULAR_UPDATE 2026-03-30 PENDING");
    assertThat(tmc.cadence().runReminders().messages()).isZero();
    assertThat(tmc.cadence().overdue(FORCE, 10)).isEmpty();
    assertThat(owedUpdate("OLD/1").explanation())
        .isEqualTo(
            "due by end of 2026-03-30: next update after the crime's history was loaded"
                + " 2026-03-02, 28 days");
  }

  @Test
  void theViewsForAnOfficerAUnitAndTheForceReadOnlyTheirOwn() {
    recordCrime("C1");
    clock.set(T0.plus(Duration.ofDays(3)));
    recordCrime("C2");
    in(ev.officerAssigned(id(), "C2", clock.instant(), "9999", "PC Other", "Traffic"));
    Events other = new Events("niche", OTHER);
    in(
        other.crimeRecorded(
            "o1", "C1", T0, "Burglary", v -> Events.victim(v, "V1", "Alex", "Morgan")));

    assertThat(tmc.cadence().forOfficer(FORCE, OFFICER))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C1");
    assertThat(tmc.cadence().forOfficer(FORCE, "9999"))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C2");
    assertThat(tmc.cadence().forUnit(FORCE, UNIT, 10))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C1");
    assertThat(tmc.cadence().forUnit(FORCE, "Traffic", 10))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C2");
    assertThat(tmc.cadence().dueSoon(FORCE, Duration.ofDays(60), 10))
        .extracting(CaseObligation::crimeReference)
        .containsExactly("C1", "C2");
    assertThat(tmc.cadence().dueSoon(FORCE, Duration.ofDays(60), 1)).hasSize(1);
    assertThat(tmc.cadence().dueSoon(OTHER, Duration.ofDays(60), 10))
        .extracting(CaseObligation::force)
        .containsExactly(OTHER);
    assertThat(tmc.cadence().forOfficer(OTHER, OFFICER)).isEmpty();
    assertThat(tmc.cadence().forCrime("no-such-force", "C1")).isEmpty();

    runAt(ESCALATE.plus(Duration.ofDays(10)));
    assertThat(tmc.cadence().overdue(FORCE, 10))
        .extracting(CaseObligation::crimeReference)
        .as("most overdue first")
        .containsExactly("C1", "C2");
    assertThat(tmc.outbox().forCrime(OTHER, "C1"))
        .extracting(OutboxMessage::kind)
        .containsExactly(OutboxMessage.OFFICER_OVERDUE, OutboxMessage.SUPERVISOR_ESCALATION);
  }

  @Test
  void severalNodesRunningRemindersAtOnceWriteEachNoticeOnce() throws Exception {
    int crimes = 120;
    tmc.inTransaction(
        () -> {
          for (int i = 0; i < crimes; i++) {
            recordCrime("N" + i);
          }
          return null;
        });
    clock.set(ESCALATE);
    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      List<Future<ReminderRun>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        // each node its own SDK on the shared database, claiming small batches so they interleave
        TrackMyCrime node =
            TrackMyCrime.builder()
                .dataSource(db().dataSource())
                .clock(clock)
                .cadence(CadenceConfig.builder().reminderBatchSize(7).build())
                .migrate(false)
                .build();
        runs.add(nodes.submit(() -> node.cadence().runReminders()));
      }
      int overdue = 0;
      int escalations = 0;
      for (Future<ReminderRun> run : runs) {
        overdue += run.get(60, TimeUnit.SECONDS).overdue();
        escalations += run.get().escalations();
      }
      assertThat(overdue).isEqualTo(crimes);
      assertThat(escalations).isEqualTo(crimes);
    } finally {
      nodes.shutdownNow();
    }
    for (int i = 0; i < crimes; i++) {
      assertThat(tmc.outbox().forCrime(FORCE, "N" + i))
          .extracting(OutboxMessage::kind)
          .containsExactly(OutboxMessage.OFFICER_OVERDUE, OutboxMessage.SUPERVISOR_ESCALATION);
    }
  }

  @Test
  void aForceNamingAnUnknownPolicyHasItsEventsRejectedAndTheRunCarriesOnForOthers() {
    tmc.forces()
        .save(
            new Force(OTHER, "Other Police", ForceSettings.defaults().withCadencePolicy("WEEKLY")));
    IngestOutcome out =
        in(
            new Events("niche", OTHER)
                .crimeRecorded(
                    "o1", "C1", T0, "Burglary", v -> Events.victim(v, "V1", "Alex", "Morgan")));
    assertThat(out.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(out.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.rule()).contains("WEEKLY", "must name a known policy"));
    assertThat(tmc.crimes().find(OTHER, "C1")).as("nothing of the event was kept").isEmpty();

    recordCrime("C1");
    assertThat(runAt(OVERDUE).overdue()).isEqualTo(1);
  }

  @Test
  void rebuildingAfterAnUpgradeIndexesEveryCrimeWithoutChasingThePast() {
    recordCrime("C1");
    // a crime stored before the index existed: written to the stores directly, never worked out
    Instant longAgo = T0.minus(Duration.ofDays(60));
    tmc.crimes().save(Crime.recorded(FORCE, "OLD", "Burglary", longAgo));
    tmc.victims()
        .save(
            Victim.builder(FORCE, "OLD", "V1")
                .name("Alex", "Morgan")
                .enrolment(
                    org.trackmycrime.core.model.Enrolment.atRecording(
                        false, longAgo, Actor.officer(OFFICER)))
                .build());
    assertThat(tmc.cadence().forCrime(FORCE, "OLD")).isEmpty();

    assertThat(tmc.cadence().rebuild(FORCE)).isEqualTo(2);
    assertThat(tmc.cadence().forCrime(FORCE, "OLD"))
        .extracting(o -> o.dueDate() + " " + o.status())
        .containsExactly("2026-01-29 MISSED", "2026-03-30 PENDING");
    assertThat(owedUpdate("C1").dueAt()).as("unchanged").isEqualTo(DUE);
    assertThat(tmc.cadence().runReminders().messages()).isZero();
  }

  @Test
  void theEnhancedPresetsFirstContactIsRemindedAsSoonAsItIsOwed() {
    tmc.forces()
        .save(
            new Force(
                FORCE, "Demo Police", ForceSettings.defaults().withCadencePolicy("ENHANCED")));
    tmc.crimeService()
        .record(
            Crime.recorded(FORCE, "C7", "Burglary", T0),
            List.of(Victim.builder(FORCE, "C7", "V1").name("Alex", "Morgan").build()),
            Actor.officer(OFFICER));
    CaseObligation contact = owedUpdate("C7");
    assertThat(contact.dueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(contact.explanation())
        .isEqualTo(
            "due by 2026-03-03 09:00 UK time: first update after the crime was reported"
                + " 2026-03-02 09:00, 24 hours");
    assertThat(tmc.cadence().runReminders().dueSoon())
        .as("the reminder window opened before the obligation began: remind at once")
        .isEqualTo(1);
    assertThat(runAt(T0.plus(Duration.ofHours(24)).plusSeconds(1)).overdue()).isEqualTo(1);
  }
}
