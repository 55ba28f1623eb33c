package org.trackmycrime.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactDetailsTest {
  @ParameterizedTest
  @CsvSource({
    "07700 900123, +447700900123",
    "+447700900123, +447700900123",
    "+44 (0)7700 900123, +447700900123",
    "0044 7700 900123, +447700900123",
    "020 7946 0958, +442079460958",
    "+1 202 555 0143, +12025550143"
  })
  void ukAndInternationalNumbersBecomeE164(String input, String expected) {
    assertThat(ContactDetails.phoneToE164(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "12345", "07700 90012", "077009001234", "07700x900123", "+44 07700 900123"})
  void unusableNumbersAreRefused(String input) {
    assertThat(ContactDetails.phoneToE164(input)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "' Alex.Morgan@Example.ORG ', Alex.Morgan@example.org",
    "a+tag@sub.example.co.uk, a+tag@sub.example.co.uk"
  })
  void emailsAreTrimmedWithALowerCaseDomain(String input, String expected) {
    assertThat(ContactDetails.normaliseEmail(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"plain", "a@b", "@example.org", "a@@example.org", "a b@example.org", "a@-x.org"})
  void invalidEmailsAreRefused(String input) {
    assertThat(ContactDetails.normaliseEmail(input)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"+447700900123, true", "+442079460958, false", "+12025550143, false"})
  void onlyUkMobilesCountAsMobiles(String e164, boolean mobile) {
    assertThat(ContactDetails.isUkMobile(e164)).isEqualTo(mobile);
  }
}
