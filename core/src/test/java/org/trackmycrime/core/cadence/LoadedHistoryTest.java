package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.model.TimelineKind;

/**
 * A crime loaded from the records system's past ({@link CaseHistory#trackedFrom()}): what fell due
 * before the load comes out met or missed, and only what falls due after it is owed. Rows read
 * "KIND [decision] due DATE STATUS"; times are UTC.
 */
class LoadedHistoryTest {
  private static final ObligationCalculator ENGLAND =
      new ObligationCalculator(
          CadencePolicy.TRACKMYCRIME, WorkingCalendar.of(Nation.ENGLAND_AND_WALES));

  private static final Instant LOADED = Instant.parse("2026-03-02T09:00:00Z");

  // Reported Mon 2 Jun 2025; arrest told at once on 10 Jun; an officer's update on 20 Jun; a
  // charge on 1 Jul never told; a release on Fri 27 Feb 2026 not told yet when the history is
  // loaded on Mon 2 Mar 2026.
  private static final CaseHistory PAST =
      CaseHistory.reported(Instant.parse("2025-06-02T09:00:00Z"))
          .withKeyDecision(
              new KeyDecision(
                  TimelineKind.SUSPECT_ARRESTED,
                  Instant.parse("2025-06-10T12:00:00Z"),
                  "suspect arrested",
                  Instant.parse("2025-06-10T12:00:00Z")))
          .withUpdate(Instant.parse("2025-06-20T09:00:00Z"))
          .withKeyDecision(
              KeyDecision.untold(
                  TimelineKind.SUSPECT_CHARGED,
                  Instant.parse("2025-07-01T12:00:00Z"),
                  "suspect charged"))
          .withKeyDecision(
              KeyDecision.untold(
                  TimelineKind.SUSPECT_RELEASED,
                  Instant.parse("2026-02-27T12:00:00Z"),
                  "suspect released"));

  private static List<String> rows(CaseHistory history, Instant asOf) {
    return ENGLAND.calculate(history, VictimTerms.standard(), asOf).obligations().stream()
        .map(
            o ->
                o.kind()
                    + (o.decision() == null ? "" : " " + o.decision())
                    + " due "
                    + o.dueDate()
                    + " "
                    + o.status())
        .toList();
  }

  @Test
  void whatFellDueBeforeTheLoadIsMetOrMissedAndUpdatesCountAfreshFromTheLoad() {
    assertThat(rows(PAST.withTrackedFrom(LOADED), LOADED.plusSeconds(3600)))
        .containsExactly(
            "REGULAR_UPDATE due 2025-06-30 MET_ON_TIME",
            "REGULAR_UPDATE due 2025-07-08 MET_ON_TIME",
            "KEY_DECISION SUSPECT_ARRESTED due 2025-06-17 MET_ON_TIME",
            // 20 Jun + 28 = 18 Jul: overdue when loaded, so missed, never chased
            "REGULAR_UPDATE due 2025-07-18 MISSED",
            "KEY_DECISION SUSPECT_CHARGED due 2025-07-08 MISSED",
            // day 0 Fri 27 Feb; Mon 2 Mar (1) ... Fri 6 Mar (5): not due yet, so owed
            "KEY_DECISION SUSPECT_RELEASED due 2026-03-06 PENDING",
            // 2 Mar + 28 = 30 Mar
            "REGULAR_UPDATE due 2026-03-30 PENDING");
  }

  @Test
  void theFreshCountExplainsItself() {
    Obligation next =
        ENGLAND
            .calculate(PAST.withTrackedFrom(LOADED), VictimTerms.standard(), LOADED)
            .owed()
            .stream()
            .filter(o -> o.kind() == Obligation.Kind.REGULAR_UPDATE)
            .findFirst()
            .orElseThrow();
    assertThat(next.startsAt()).isEqualTo(LOADED);
    assertThat(next.explanation())
        .isEqualTo(
            "due by end of 2026-03-30: next update after the crime's history was loaded"
                + " 2026-03-02, 28 days");
  }

  @Test
  void anUpdateAfterTheLoadMeetsTheFreshCountNotTheMissedOne() {
    CaseHistory later =
        PAST.withTrackedFrom(LOADED).withUpdate(Instant.parse("2026-03-10T09:00:00Z"));
    assertThat(rows(later, Instant.parse("2026-03-11T09:00:00Z")))
        .contains(
            "REGULAR_UPDATE due 2025-07-18 MISSED",
            "REGULAR_UPDATE due 2026-03-30 MET_ON_TIME",
            "REGULAR_UPDATE due 2026-04-07 PENDING");
  }

  @Test
  void beforeTheLoadOrWithALoadAtTheReportNothingChanges() {
    Instant asOf = Instant.parse("2025-08-01T09:00:00Z");
    assertThat(rows(PAST.withTrackedFrom(LOADED), asOf))
        .as("as of a moment before the load, the load is ignored")
        .isEqualTo(rows(PAST, asOf))
        .contains("REGULAR_UPDATE due 2025-07-18 OVERDUE");
    assertThat(rows(PAST.withTrackedFrom(PAST.reportedAt()), LOADED))
        .as("followed from the report")
        .isEqualTo(rows(PAST, LOADED));
  }

  @Test
  void aCrimeClosedBeforeTheLoadOwesNothingAfterIt() {
    CaseHistory closed =
        CaseHistory.reported(Instant.parse("2025-06-02T09:00:00Z"))
            .withStatusChange(StatusChange.closed(Instant.parse("2025-09-01T09:00:00Z")))
            .withTrackedFrom(LOADED);
    assertThat(rows(closed, LOADED.plusSeconds(60)))
        .containsExactly("REGULAR_UPDATE due 2025-06-30 MISSED");
  }
}
