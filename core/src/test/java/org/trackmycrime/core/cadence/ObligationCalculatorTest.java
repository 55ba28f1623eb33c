package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.model.TimelineKind;

/**
 * Each scenario lists every obligation as "KIND [decision] due DATE STATUS". Times are UTC; the
 * comments give them in UK time and show how each due date was worked.
 */
class ObligationCalculatorTest {
  private static final ObligationCalculator ENGLAND =
      new ObligationCalculator(
          CadencePolicy.TRACKMYCRIME, WorkingCalendar.of(Nation.ENGLAND_AND_WALES));
  private static final ObligationCalculator ENGLAND_ENHANCED_POLICY =
      new ObligationCalculator(
          CadencePolicy.ENHANCED, WorkingCalendar.of(Nation.ENGLAND_AND_WALES));
  private static final ObligationCalculator SCOTLAND =
      new ObligationCalculator(CadencePolicy.TRACKMYCRIME, WorkingCalendar.of(Nation.SCOTLAND));

  private static Instant t(String utc) {
    return Instant.parse(utc);
  }

  // Fri 1 May 2026, the Friday before the early May bank holiday (Mon 4 May).
  // Reported 10:00 BST (09:00 UTC); suspect arrested 16:00 BST (15:00 UTC).
  private static final CaseHistory MAY_DAY_ARREST =
      CaseHistory.reported(t("2026-05-01T09:00:00Z"))
          .withKeyDecision(
              KeyDecision.untold(
                  TimelineKind.SUSPECT_ARRESTED, t("2026-05-01T15:00:00Z"), "suspect arrested"));

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "reported on the Friday before a bank holiday, standard rights, nothing told yet",
            ENGLAND,
            MAY_DAY_ARREST,
            VictimTerms.standard(),
            t("2026-05-06T12:00:00Z"),
            List.of(
                // 1 May + 28 days = 29 May.
                "REGULAR_UPDATE due 2026-05-29 PENDING",
                // day 0 Fri 1; Sat/Sun; Mon 4 bank holiday; Tue 5 (1), Wed 6, Thu 7, Fri 8 (4),
                // Mon 11 (5).
                "KEY_DECISION SUSPECT_ARRESTED due 2026-05-11 PENDING")),
        Arguments.of(
            "same crime, enhanced-rights victim: the arrest is already overdue on Wednesday",
            ENGLAND,
            MAY_DAY_ARREST,
            VictimTerms.enhanced(),
            t("2026-05-06T12:00:00Z"),
            List.of(
                "REGULAR_UPDATE due 2026-05-29 PENDING",
                // day 0 Fri 1; Mon 4 bank holiday; Tue 5 is the 1 working day, so overdue on Wed 6.
                "KEY_DECISION SUSPECT_ARRESTED due 2026-05-05 OVERDUE")),
        Arguments.of(
            "telling of the arrest meets it and counts as the regular update",
            ENGLAND,
            CaseHistory.reported(t("2026-05-01T09:00:00Z"))
                .withKeyDecision(
                    new KeyDecision(
                        TimelineKind.SUSPECT_ARRESTED,
                        t("2026-05-01T15:00:00Z"),
                        "suspect arrested",
                        t("2026-05-05T16:00:00Z"))),
            VictimTerms.enhanced(),
            t("2026-05-20T12:00:00Z"),
            List.of(
                // told Tue 5 May 17:00 BST: on time for the regular update due 29 May ...
                "REGULAR_UPDATE due 2026-05-29 MET_ON_TIME",
                "KEY_DECISION SUSPECT_ARRESTED due 2026-05-05 MET_ON_TIME",
                // ... and the next counts from it: 5 May + 28 = 2 June.
                "REGULAR_UPDATE due 2026-06-02 PENDING")),
        Arguments.of(
            "an agreed 7-day frequency tightens the 28-day interval",
            ENGLAND,
            CaseHistory.reported(t("2026-03-02T10:00:00Z"))
                .withUpdate(t("2026-03-06T12:00:00Z"))
                .withUpdate(t("2026-03-20T12:00:00Z")),
            VictimTerms.standard().agreedEvery(7),
            t("2026-03-25T12:00:00Z"),
            List.of(
                // Mon 2 March + 7 = 9 March; update Fri 6: on time.
                "REGULAR_UPDATE due 2026-03-09 MET_ON_TIME",
                // 6 March + 7 = 13 March; next update only on 20 March: late.
                "REGULAR_UPDATE due 2026-03-13 MET_LATE",
                // 20 March + 7 = 27 March.
                "REGULAR_UPDATE due 2026-03-27 PENDING")),
        Arguments.of(
            "a missed update stays overdue until one arrives",
            ENGLAND,
            CaseHistory.reported(t("2026-03-02T10:00:00Z")),
            VictimTerms.standard(),
            t("2026-05-01T12:00:00Z"),
            // 2 March + 28 = 30 March; nothing since, so still the one owed on 1 May.
            List.of("REGULAR_UPDATE due 2026-03-30 OVERDUE")),
        Arguments.of(
            "after a late update the next counts from that update",
            ENGLAND,
            CaseHistory.reported(t("2026-03-02T10:00:00Z")).withUpdate(t("2026-04-15T09:00:00Z")),
            VictimTerms.standard(),
            t("2026-05-01T12:00:00Z"),
            List.of(
                "REGULAR_UPDATE due 2026-03-30 MET_LATE",
                // 15 April + 28 = 13 May.
                "REGULAR_UPDATE due 2026-05-13 PENDING")),
        Arguments.of(
            "closing stops regular updates and reopening restarts them from the reopening",
            ENGLAND,
            CaseHistory.reported(t("2026-01-05T10:00:00Z"))
                .withUpdate(t("2026-01-20T10:00:00Z"))
                .withStatusChange(StatusChange.closed(t("2026-02-01T10:00:00Z")))
                // published while closed: not part of any regular obligation
                .withUpdate(t("2026-02-01T11:00:00Z"))
                .withStatusChange(StatusChange.reopened(t("2026-06-01T10:00:00Z"))),
            VictimTerms.standard(),
            t("2026-07-15T12:00:00Z"),
            List.of(
                // 5 Jan + 28 = 2 Feb; update 20 Jan: on time.
                "REGULAR_UPDATE due 2026-02-02 MET_ON_TIME",
                // 20 Jan + 28 = 17 Feb, but the crime closed on 1 Feb: nothing owed.
                "REGULAR_UPDATE due 2026-02-17 ENDED",
                // reopened 1 June + 28 = 29 June; no update since: overdue on 15 July.
                "REGULAR_UPDATE due 2026-06-29 OVERDUE")),
        Arguments.of(
            "closing a crime with an overdue update leaves it missed",
            ENGLAND,
            CaseHistory.reported(t("2026-01-05T10:00:00Z"))
                .withStatusChange(StatusChange.closed(t("2026-03-01T10:00:00Z"))),
            VictimTerms.standard(),
            t("2026-04-01T12:00:00Z"),
            // 5 Jan + 28 = 2 Feb, still unmet at the closure on 1 March.
            List.of("REGULAR_UPDATE due 2026-02-02 MISSED")),
        Arguments.of(
            "ENHANCED preset: 24 hours, then 10 days, then 28 days",
            ENGLAND_ENHANCED_POLICY,
            CaseHistory.reported(t("2026-03-28T12:00:00Z"))
                .withUpdate(t("2026-03-29T10:00:00Z"))
                .withUpdate(t("2026-04-10T10:00:00Z"))
                .withUpdate(t("2026-05-01T09:00:00Z")),
            VictimTerms.standard(),
            t("2026-05-02T12:00:00Z"),
            List.of(
                // Sat 28 March 12:00 GMT + 24 h = Sun 29 12:00 UTC (13:00 BST); update 11:00 BST.
                "REGULAR_UPDATE due 2026-03-29 MET_ON_TIME",
                // 29 March + 10 = 8 April; next update 10 April: late.
                "REGULAR_UPDATE due 2026-04-08 MET_LATE",
                // 10 April + 28 = 8 May; update 1 May: on time.
                "REGULAR_UPDATE due 2026-05-08 MET_ON_TIME",
                // 1 May + 28 = 29 May, and every 28 days after.
                "REGULAR_UPDATE due 2026-05-29 PENDING")),
        Arguments.of(
            "ENHANCED preset with an agreed 7 days: the 24 hours stay, the 10 days become 7",
            ENGLAND_ENHANCED_POLICY,
            CaseHistory.reported(t("2026-03-28T12:00:00Z")).withUpdate(t("2026-03-29T10:00:00Z")),
            VictimTerms.standard().agreedEvery(7),
            t("2026-03-30T12:00:00Z"),
            List.of(
                "REGULAR_UPDATE due 2026-03-29 MET_ON_TIME",
                // 29 March + 7 = 5 April.
                "REGULAR_UPDATE due 2026-04-05 PENDING")),
        Arguments.of(
            "a key decision at 23:30 on a Friday across the October clock change",
            ENGLAND,
            CaseHistory.reported(t("2026-10-20T09:00:00Z"))
                .withKeyDecision(
                    new KeyDecision(
                        TimelineKind.SUSPECT_RELEASED,
                        // Fri 23 Oct 23:30 BST; clocks go back Sun 25 Oct
                        t("2026-10-23T22:30:00Z"),
                        "suspect released under investigation",
                        // Mon 26 Oct 23:30 GMT
                        t("2026-10-26T23:30:00Z"))),
            VictimTerms.enhanced(),
            t("2026-10-28T12:00:00Z"),
            List.of(
                // 20 Oct + 28 = 17 Nov; the decision's entry on 26 Oct met it.
                "REGULAR_UPDATE due 2026-11-17 MET_ON_TIME",
                // day 0 is Friday 23 (local); Mon 26 is 1 working day; told 23:30 GMT that day.
                "KEY_DECISION SUSPECT_RELEASED due 2026-10-26 MET_ON_TIME",
                "REGULAR_UPDATE due 2026-11-23 PENDING")),
        Arguments.of(
            "told ten minutes past midnight is a working day late",
            ENGLAND,
            CaseHistory.reported(t("2026-10-20T09:00:00Z"))
                .withKeyDecision(
                    new KeyDecision(
                        TimelineKind.SUSPECT_RELEASED,
                        t("2026-10-23T22:30:00Z"),
                        "suspect released under investigation",
                        // Tue 27 Oct 00:10 GMT
                        t("2026-10-27T00:10:00Z"))),
            VictimTerms.enhanced(),
            t("2026-10-28T12:00:00Z"),
            List.of(
                "REGULAR_UPDATE due 2026-11-17 MET_ON_TIME",
                "KEY_DECISION SUSPECT_RELEASED due 2026-10-26 MET_LATE",
                // 27 Oct + 28 = 24 Nov.
                "REGULAR_UPDATE due 2026-11-24 PENDING")),
        Arguments.of(
            "a decision not to investigate is still owed after the crime is closed",
            SCOTLAND,
            CaseHistory.reported(t("2026-12-21T10:00:00Z"))
                .withKeyDecision(
                    KeyDecision.untold(
                        TimelineKind.NOT_INVESTIGATED,
                        // Thu 24 Dec 2026, 15:00 GMT
                        t("2026-12-24T15:00:00Z"),
                        "decision not to investigate"))
                .withStatusChange(StatusChange.closed(t("2026-12-24T15:00:00Z"))),
            VictimTerms.standard(),
            t("2026-12-29T12:00:00Z"),
            List.of(
                // closed before 18 Jan (21 Dec + 28): nothing owed.
                "REGULAR_UPDATE due 2027-01-18 ENDED",
                // day 0 Thu 24; Fri 25 Christmas; Sat/Sun; Mon 28 Boxing Day substitute;
                // Tue 29 (1), Wed 30 (2), Thu 31 (3); Fri 1 Jan New Year; Sat/Sun; Mon 4 Jan
                // 2nd January substitute; Tue 5 (4), Wed 6 (5).
                "KEY_DECISION NOT_INVESTIGATED due 2027-01-06 PENDING")),
        Arguments.of(
            "as of an earlier instant, later facts are ignored",
            ENGLAND,
            CaseHistory.reported(t("2026-03-02T10:00:00Z"))
                .withUpdate(t("2026-03-20T10:00:00Z"))
                .withStatusChange(StatusChange.closed(t("2026-04-01T10:00:00Z"))),
            VictimTerms.standard(),
            t("2026-03-10T12:00:00Z"),
            List.of("REGULAR_UPDATE due 2026-03-30 PENDING")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void obligations(
      String scenario,
      ObligationCalculator calculator,
      CaseHistory history,
      VictimTerms victim,
      Instant asOf,
      List<String> expected) {
    CadenceReport report = calculator.calculate(history, victim, asOf);
    assertThat(report.obligations())
        .extracting(ObligationCalculatorTest::row)
        .as(scenario)
        .containsExactlyElementsOf(expected);
  }

  private static String row(Obligation o) {
    return o.kind()
        + (o.decision() == null ? "" : " " + o.decision())
        + " due "
        + o.dueDate()
        + " "
        + o.status();
  }

  @Test
  void releasedOnBailOnGoodFridayExplainsItsDeadlineForEachVictim() {
    CaseHistory history =
        CaseHistory.reported(t("2026-03-30T09:00:00Z"))
            .withKeyDecision(
                KeyDecision.untold(
                    TimelineKind.SUSPECT_RELEASED,
                    t("2026-04-03T17:00:00Z"), // 18:00 BST on Good Friday
                    "suspect released on bail"));
    Instant asOf = t("2026-04-03T18:00:00Z");

    Obligation enhanced = keyDecision(ENGLAND.calculate(history, VictimTerms.enhanced(), asOf));
    assertThat(enhanced.dueAt()).isEqualTo(t("2026-04-07T22:59:59Z"));
    assertThat(enhanced.explanation())
        .isEqualTo(
            "due by end of 2026-04-07: suspect released on bail 2026-04-03, enhanced rights,"
                + " 1 working day; 2026-04-06 is a bank holiday in England and Wales (Easter"
                + " Monday)");

    Obligation standard = keyDecision(ENGLAND.calculate(history, VictimTerms.standard(), asOf));
    assertThat(standard.dueAt()).isEqualTo(t("2026-04-13T22:59:59Z"));
    assertThat(standard.explanation())
        .startsWith("due by end of 2026-04-13: suspect released on bail 2026-04-03, standard");

    Obligation scottish = keyDecision(SCOTLAND.calculate(history, VictimTerms.enhanced(), asOf));
    assertThat(scottish.dueAt()).isEqualTo(t("2026-04-06T22:59:59Z"));
    assertThat(scottish.explanation())
        .isEqualTo(
            "due by end of 2026-04-06: suspect released on bail 2026-04-03, enhanced rights,"
                + " 1 working day");
  }

  @Test
  void regularUpdatesExplainWhatTheyCountFrom() {
    CaseHistory history =
        CaseHistory.reported(t("2026-03-02T10:00:00Z")).withUpdate(t("2026-03-06T12:00:00Z"));
    List<Obligation> obligations =
        ENGLAND
            .calculate(history, VictimTerms.standard().agreedEvery(7), t("2026-03-07T00:00:00Z"))
            .obligations();
    assertThat(obligations)
        .extracting(Obligation::explanation)
        .containsExactly(
            "due by end of 2026-03-09: first update after the crime was reported 2026-03-02,"
                + " 7 days (agreed with the victim)",
            "due by end of 2026-03-13: next update after the last update 2026-03-06,"
                + " 7 days (agreed with the victim)");

    CaseHistory reopened =
        CaseHistory.reported(t("2026-01-05T10:00:00Z"))
            .withStatusChange(StatusChange.closed(t("2026-01-10T10:00:00Z")))
            .withStatusChange(StatusChange.reopened(t("2026-06-01T10:00:00Z")));
    assertThat(
            ENGLAND
                .calculate(reopened, VictimTerms.standard(), t("2026-06-02T00:00:00Z"))
                .nextDue()
                .map(Obligation::explanation))
        .hasValue(
            "due by end of 2026-06-29: first update after the crime was reopened 2026-06-01,"
                + " 28 days");
  }

  @Test
  void theEnhancedPresetsFirstContactIsDueTwentyFourHoursAfterTheReport() {
    CadenceReport report =
        ENGLAND_ENHANCED_POLICY.calculate(
            CaseHistory.reported(t("2026-03-28T12:00:00Z")),
            VictimTerms.standard(),
            t("2026-03-28T12:00:00Z"));
    Obligation first = report.nextDue().orElseThrow();
    // Sat 28 March 12:00 GMT + 24 elapsed hours = 12:00 UTC Sunday = 13:00 BST (clocks forward).
    assertThat(first.dueAt()).isEqualTo(t("2026-03-29T12:00:00Z"));
    assertThat(first.explanation())
        .isEqualTo(
            "due by 2026-03-29 13:00 UK time: first update after the crime was reported"
                + " 2026-03-28 12:00, 24 hours");
  }

  @Test
  void whatIsOwedIsListedSoonestFirst() {
    CadenceReport report =
        ENGLAND.calculate(MAY_DAY_ARREST, VictimTerms.standard(), t("2026-05-06T12:00:00Z"));
    assertThat(report.owed())
        .extracting(Obligation::dueDate)
        .map(Object::toString)
        .containsExactly("2026-05-11", "2026-05-29");
    assertThat(report.nextDue())
        .get()
        .extracting(Obligation::kind)
        .isEqualTo(Obligation.Kind.KEY_DECISION);
    assertThat(report.overdue()).isEmpty();
  }

  @Test
  void nothingRegularIsOwedWhileTheCrimeIsClosed() {
    CaseHistory closed =
        CaseHistory.reported(t("2026-01-05T10:00:00Z"))
            .withStatusChange(StatusChange.closed(t("2026-01-10T10:00:00Z")));
    assertThat(ENGLAND.calculate(closed, VictimTerms.standard(), t("2026-03-01T00:00:00Z")).owed())
        .isEmpty();
  }

  @Test
  void beforeTheReportNothingIsOwed() {
    assertThat(
            ENGLAND
                .calculate(
                    CaseHistory.reported(t("2026-01-05T10:00:00Z")),
                    VictimTerms.standard(),
                    t("2026-01-01T00:00:00Z"))
                .obligations())
        .isEmpty();
  }

  @Test
  void aForcesSettingsChooseThePolicyTheNationAndTheZone() {
    ObligationCalculator calculator =
        ObligationCalculator.forForce(
            ForceSettings.defaults().withNation(Nation.SCOTLAND).withCadencePolicy("ENHANCED"));
    assertThat(calculator.policy()).isSameAs(CadencePolicy.ENHANCED);
    assertThat(calculator.calendar()).isEqualTo(WorkingCalendar.of(Nation.SCOTLAND));
    assertThatThrownBy(
            () -> ObligationCalculator.forForce(ForceSettings.defaults().withCadencePolicy("x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("cadencePolicy: must name a known policy");
  }

  @Test
  void onlyKeyDecisionsOfTheCodeAreAccepted() {
    assertThatThrownBy(
            () -> KeyDecision.untold(TimelineKind.OFFICER_UPDATE, t("2026-01-05T10:00:00Z"), " "))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "keyDecision.kind: must be a key decision of the Victims' Code (OFFICER_UPDATE is"
                + " not); keyDecision.description: is required and must not be blank");
  }

  @Test
  void aClosureBeforeTheReportIsRefused() {
    assertThatThrownBy(
            () ->
                CaseHistory.reported(t("2026-01-05T10:00:00Z"))
                    .withStatusChange(StatusChange.closed(t("2026-01-04T10:00:00Z"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("statusChanges[0].at: must not be before reportedAt");
  }

  private static Obligation keyDecision(CadenceReport report) {
    return report.obligations().stream()
        .filter(o -> o.kind() == Obligation.Kind.KEY_DECISION)
        .findFirst()
        .orElseThrow();
  }
}
