package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void masksNumbersAndAddressesAndDropsControlCharacters() {
    assertThat(SafeText.of("The 'To' number +44 7700 900123 is not valid\r\nfor alex@example.org"))
        .isEqualTo("The 'To' number [number] is not valid  for [address]");
  }

  @Test
  void keepsShortCodesAndCapsTheLength() {
    assertThat(SafeText.of("error 429")).isEqualTo("error 429");
    assertThat(SafeText.of("x".repeat(500))).hasSize(200);
    assertThat(SafeText.of(null)).isEmpty();
  }
}
