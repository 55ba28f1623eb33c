package org.trackmycrime.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;

class ValidationTest {
  @Test
  void everyBrokenRuleOfAVictimIsReportedAtOnceNamingTheField() {
    assertThatThrownBy(
            () ->
                Victim.builder("Demo Force", "43/1/26", "")
                    .name(null, "Morgan")
                    .email("not-an-address")
                    .mobile("07700 900123")
                    .updateFrequencyDays(29)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsExactly(
                        "force",
                        "victimRef",
                        "givenName",
                        "email",
                        "mobile",
                        "updateFrequencyDays"))
        .hasMessageContaining("mobile: must be an E.164 phone number")
        .hasMessageContaining("updateFrequencyDays: must be between 1 and 28");
  }

  @Test
  void crimeNeedsAReferenceAndAReportedTime() {
    assertThatThrownBy(() -> Crime.recorded("demo-force", " ", "Burglary", null))
        .hasMessageContaining("crimeReference: is required")
        .hasMessageContaining("reportedAt: is required");
  }

  @Test
  void controlCharactersAreRefusedInText() {
    assertThatThrownBy(() -> new Officer("demo-force", "4321", "PC\u0000Patel", null, null, null))
        .hasMessageContaining("officer.displayName: must not contain control characters");
  }

  @Test
  void victimToStringCarriesNoNameOrContactDetail() {
    Victim v =
        Victim.builder("demo-force", "43/1/26", "V1")
            .name("Alex", "Morgan")
            .email("alex@example.org")
            .mobile("+447700900123")
            .enrolment(Enrolment.atRecording(false, Instant.EPOCH, Actor.system()))
            .build();
    assertThat(v.toString())
        .contains("V1")
        .doesNotContain("Alex", "Morgan", "alex@example.org", "+447700900123");
  }
}
