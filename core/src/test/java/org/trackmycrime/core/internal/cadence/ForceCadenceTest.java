package org.trackmycrime.core.internal.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.model.TimelineKind;

/** When the reminder run acts, worked in the force's working days and zone. */
class ForceCadenceTest {
  static final ForceCadence ENGLAND =
      ForceCadence.of(
          new Force("demo-force", "Demo Police", ForceSettings.defaults().withHoldingUpdates(true)),
          CadenceConfig.defaults());
  static final ForceCadence SCOTLAND =
      ForceCadence.of(
          new Force(
              "scot-force",
              "Scottish Police",
              ForceSettings.defaults().withNation(Nation.SCOTLAND)),
          CadenceConfig.defaults());

  static StoredObligation owed(
      Obligation.Kind kind, String startsAt, String dueAt, String dueDate) {
    return new StoredObligation(
        "demo-force",
        "C1",
        "V1",
        "key",
        kind,
        kind == Obligation.Kind.KEY_DECISION ? TimelineKind.SUSPECT_CHARGED : null,
        Instant.parse(startsAt),
        Instant.parse(dueAt),
        LocalDate.parse(dueDate),
        Obligation.Status.PENDING,
        null,
        false,
        "explained",
        "4321",
        null,
        StoredObligation.Flags.NONE,
        Instant.parse(startsAt));
  }

  // due Tue 7 Apr 2026, the day after Easter Monday
  static final StoredObligation AFTER_EASTER =
      owed(
          Obligation.Kind.REGULAR_UPDATE,
          "2026-03-10T10:00:00Z",
          "2026-04-07T22:59:59Z",
          "2026-04-07");

  @Test
  void theReminderSkipsBankHolidaysOfTheForcesNation() {
    // Mon 6 Easter Monday, Fri 3 Good Friday: Thu 2 (1), Wed 1 (2), Tue 31 Mar (3), 00:00 BST
    assertThat(ENGLAND.remindAt(AFTER_EASTER)).isEqualTo(Instant.parse("2026-03-30T23:00:00Z"));
    // Scotland works Easter Monday: Mon 6 (1), Thu 2 (2), Wed 1 (3)
    assertThat(SCOTLAND.remindAt(AFTER_EASTER)).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
  }

  @Test
  void escalationIsAtTheStartOfTheDayAfterTheFifthWorkingDayAfterTheDueDate() {
    // Wed 8 (1) ... Tue 14 Apr (5): from the start of Wed 15 Apr, BST
    assertThat(ENGLAND.escalateAt(AFTER_EASTER)).isEqualTo(Instant.parse("2026-04-14T23:00:00Z"));
  }

  @Test
  void aHoldingUpdateIsOnlyForARegularUpdateThatBeganBeforeItsWindow() {
    assertThat(ENGLAND.holdingAt(AFTER_EASTER)).isEqualTo(Instant.parse("2026-04-01T23:00:00Z"));
    assertThat(SCOTLAND.holdingAt(AFTER_EASTER)).as("the force does not allow them").isNull();
    StoredObligation firstContact =
        owed(
            Obligation.Kind.REGULAR_UPDATE,
            "2026-04-06T10:00:00Z",
            "2026-04-07T10:00:00Z",
            "2026-04-07");
    assertThat(ENGLAND.holdingAt(firstContact)).as("24-hour first contact").isNull();
    assertThat(ENGLAND.remindAt(firstContact))
        .as("a reminder window opening before the obligation opens with it")
        .isEqualTo(Instant.parse("2026-04-06T10:00:00Z"));
    StoredObligation decision =
        owed(
            Obligation.Kind.KEY_DECISION,
            "2026-03-30T10:00:00Z",
            "2026-04-07T22:59:59Z",
            "2026-04-07");
    assertThat(ENGLAND.holdingAt(decision)).as("never for a key decision").isNull();
  }

  @Test
  void theNextActionIsTheEarliestNotYetTakenAndNoneWhenNotChased() {
    assertThat(ENGLAND.nextAction(AFTER_EASTER, true))
        .isEqualTo(Instant.parse("2026-03-30T23:00:00Z"));
    StoredObligation reminded =
        AFTER_EASTER.with(null, new StoredObligation.Flags(true, true, false, false));
    assertThat(ENGLAND.nextAction(reminded, true))
        .as("the second after the due time")
        .isEqualTo(Instant.parse("2026-04-07T23:00:00Z"));
    StoredObligation all =
        AFTER_EASTER.with(null, new StoredObligation.Flags(true, true, true, true));
    assertThat(ENGLAND.nextAction(all, true)).isNull();
    assertThat(ENGLAND.nextAction(AFTER_EASTER, false)).isNull();
  }
}
