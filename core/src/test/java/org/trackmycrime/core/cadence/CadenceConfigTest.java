package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;

class CadenceConfigTest {
  @Test
  void defaultsRemindThreeWorkingDaysAheadAndEscalateAfterFive() {
    CadenceConfig config = CadenceConfig.defaults();
    assertThat(config.reminderLeadWorkingDays()).isEqualTo(3);
    assertThat(config.escalateAfterWorkingDays()).isEqualTo(5);
    assertThat(config.holdingUpdateLeadWorkingDays()).isEqualTo(1);
    assertThat(config.reminderBatchSize()).isEqualTo(500);
    assertThat(config.policies()).isEmpty();
    assertThat(config.localClosures("any-force")).isEmpty();
    assertThat(config.policy("ENHANCED")).isEqualTo(CadencePolicy.ENHANCED);
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    CadencePolicy weekly =
        CadencePolicy.builder("weekly").regularSchedule(CadencePolicy.Interval.days(7)).build();
    assertThatThrownBy(
            () ->
                CadenceConfig.builder()
                    .reminderLeadWorkingDays(-1)
                    .escalateAfterWorkingDays(0)
                    .holdingUpdateLeadWorkingDays(11)
                    .reminderBatchSize(0)
                    .policy(weekly)
                    .policy(weekly)
                    .localClosure("Not A Slug", LocalDate.parse("2026-04-08"), " ")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem("cadence.reminderLeadWorkingDays", "must be between 0 and 20"),
                        new Problem("cadence.escalateAfterWorkingDays", "must be between 1 and 60"),
                        new Problem(
                            "cadence.holdingUpdateLeadWorkingDays", "must be between 0 and 10"),
                        new Problem("cadence.reminderBatchSize", "must be between 1 and 10000"),
                        new Problem("cadence.policies", "names weekly more than once"),
                        new Problem(
                            "cadence.localClosures[Not A Slug]",
                            "must be a lower-case slug of 1-64 characters (letters, digits and"
                                + " single hyphens)"),
                        new Problem(
                            "cadence.localClosures[Not A Slug].2026-04-08",
                            "is required and must not be blank")));
  }

  @Test
  void aForcesOwnPolicyAndClosuresAreFoundAndTheBuilderRoundTrips() {
    CadencePolicy own =
        CadencePolicy.builder("TRACKMYCRIME")
            .regularSchedule(CadencePolicy.Interval.days(14))
            .build();
    CadenceConfig config =
        CadenceConfig.builder()
            .reminderLeadWorkingDays(2)
            .policy(own)
            .localClosure("demo-force", LocalDate.parse("2026-04-09"), "training day")
            .localClosure("demo-force", LocalDate.parse("2026-04-08"), "systems migration")
            .build();
    assertThat(config.policy("TRACKMYCRIME")).as("replaces the preset").isEqualTo(own);
    assertThat(config.localClosures("demo-force").keySet())
        .containsExactly(LocalDate.parse("2026-04-08"), LocalDate.parse("2026-04-09"));
    assertThat(config.toBuilder().build()).isEqualTo(config);
    assertThatThrownBy(() -> config.policy("NO-SUCH"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cadencePolicy: must name a known policy");
  }
}
