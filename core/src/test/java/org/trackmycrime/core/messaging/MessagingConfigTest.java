package org.trackmycrime.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Language;

class MessagingConfigTest {
  @Test
  void defaultsCoverBothLanguages() {
    MessagingConfig c = MessagingConfig.defaults();
    assertThat(c.urgentPhrases("any-force", Language.EN)).contains("emergency", "in danger");
    assertThat(c.urgentPhrases("any-force", Language.CY)).contains("argyfwng", "mewn perygl");
    assertThat(c.maxMessagesPerVictimPerDay()).isEqualTo(20);
  }

  @Test
  void reportsEveryBrokenRuleWithItsField() {
    assertThatThrownBy(
            () ->
                MessagingConfig.builder()
                    .urgentPhrases(Language.EN, Arrays.asList("ok", null))
                    .forceUrgentPhrases("Bad Slug", Language.CY, List.of("  "))
                    .maxMessagesPerVictimPerDay(0)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .contains(
                        "messaging.urgentPhrases.EN",
                        "messaging.forceUrgentPhrases",
                        "messaging.forceUrgentPhrases.Bad Slug.CY",
                        "messaging.maxMessagesPerVictimPerDay"));
  }

  @Test
  void phrasesNeedALetterOrDigit() {
    assertThatThrownBy(
            () -> MessagingConfig.builder().urgentPhrases(Language.EN, List.of("!!!")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("letter or digit");
  }

  @Test
  void propertyDetailsNeedSomethingToAdd() {
    assertThatThrownBy(() -> new PropertyDetails("P1", " ", null, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsExactly("propertyDetails"));
    assertThat(new PropertyDetails("P1", " SN-1 ", null, null).serialNumber()).isEqualTo("SN-1");
    assertThatThrownBy(() -> new PropertyDetails("P1", null, null, -1L))
        .hasMessageContaining("propertyDetails.valuePence");
  }

  @Test
  void closeReasonsHaveWelsh() {
    for (CloseReason r : CloseReason.values()) {
      assertThat(r.victimText(Language.CY)).isNotEqualTo(r.victimText(Language.EN));
    }
  }
}
