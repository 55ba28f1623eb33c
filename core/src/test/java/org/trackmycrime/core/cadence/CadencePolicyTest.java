package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.CadencePolicy.Interval;
import org.trackmycrime.core.model.ForceSettings;

class CadencePolicyTest {
  @Test
  void theDefaultForceSettingsNameTheTrackMyCrimePreset() {
    assertThat(CadencePolicy.named(ForceSettings.defaults().cadencePolicy()))
        .isSameAs(CadencePolicy.TRACKMYCRIME);
    assertThat(CadencePolicy.TRACKMYCRIME.regularSchedule()).containsExactly(Interval.days(28));
    assertThat(CadencePolicy.TRACKMYCRIME.keyDecisionWorkingDays(false)).isEqualTo(5);
    assertThat(CadencePolicy.TRACKMYCRIME.keyDecisionWorkingDays(true)).isEqualTo(1);
  }

  @Test
  void theEnhancedPresetStartsWithContactWithin24Hours() {
    CadencePolicy enhanced = CadencePolicy.named("ENHANCED");
    assertThat(enhanced.regularSchedule())
        .extracting(Interval::toString)
        .containsExactly("24 hours", "10 days", "28 days");
  }

  @ParameterizedTest(name = "ENHANCED interval {0} is {1}")
  @CsvSource({"0, 24 hours", "1, 10 days", "2, 28 days", "3, 28 days", "40, 28 days"})
  void theLastIntervalRepeats(int index, String expected) {
    assertThat(CadencePolicy.ENHANCED.regularInterval(index)).hasToString(expected);
  }

  @Test
  void anUnknownNameIsRefusedNamingTheField() {
    assertThatThrownBy(() -> CadencePolicy.named("WEEKLY"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("cadencePolicy: must name a known policy, one of TRACKMYCRIME, ENHANCED");
  }

  @Test
  void aForceCanOverrideAPresetOrAddItsOwn() {
    CadencePolicy stricter =
        CadencePolicy.TRACKMYCRIME.toBuilder().keyDecisionWorkingDays(3, 1).build();
    CadencePolicy weekly =
        CadencePolicy.builder("weekly").regularSchedule(Interval.days(7)).build();
    List<CadencePolicy> own = List.of(stricter, weekly);

    assertThat(CadencePolicy.named("TRACKMYCRIME", own)).isSameAs(stricter);
    assertThat(CadencePolicy.named("weekly", own).regularSchedule())
        .containsExactly(Interval.days(7));
    assertThat(CadencePolicy.named("weekly", own).keyDecisionWorkingDays(false))
        .as("a builder starts from the TRACKMYCRIME values")
        .isEqualTo(5);
    assertThat(CadencePolicy.named("ENHANCED", own)).isSameAs(CadencePolicy.ENHANCED);
  }

  @Test
  void aPolicyLooserThanTheCodeOrThePromiseIsRefusedWithEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                CadencePolicy.builder(" ")
                    .keyDecisionWorkingDays(6, 2)
                    .regularSchedule(List.of())
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsExactly(
                        "cadencePolicy.name",
                        "cadencePolicy.keyDecisionWorkingDays",
                        "cadencePolicy.keyDecisionWorkingDaysEnhanced",
                        "cadencePolicy.regularSchedule"))
        .hasMessageContaining("keyDecisionWorkingDays: must be between 0 and 5 (Victims' Code")
        .hasMessageContaining("regularSchedule: must have at least one interval");
    assertThatThrownBy(() -> Interval.days(29))
        .hasMessage("interval: must be at most 28 days (the TrackMyCrime promise)");
    assertThatThrownBy(() -> Interval.hours(0)).hasMessage("interval.amount: must be at least 1");
  }

  @Test
  void enhancedRightsNeverWaitLongerThanStandardOnes() {
    assertThatThrownBy(() -> CadencePolicy.builder("odd").keyDecisionWorkingDays(0, 1).build())
        .hasMessage(
            "cadencePolicy.keyDecisionWorkingDaysEnhanced: must not be more than for standard"
                + " rights");
  }
}
