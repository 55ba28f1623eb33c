package org.trackmycrime.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gsm7Test {
  @Test
  void plainEnglishAndWelshWithoutCircumflexesAreGsm7() {
    assertThat(Gsm7.isGsm7("There is an update on your report. Sign in: https://x.org/a?b=c"))
        .isTrue();
    assertThat(Gsm7.isGsm7("Mae diweddariad ar eich adroddiad. Mewngofnodwch i'w ddarllen"))
        .isTrue();
  }

  @Test
  void welshCircumflexesAndCurlyQuotesAreNot() {
    assertThat(Gsm7.isGsm7("Peidiwch â'i rannu")).isFalse();
    assertThat(Gsm7.isGsm7("dŵr")).isFalse();
    assertThat(Gsm7.isGsm7("it’s")).isFalse();
    assertThat(Gsm7.offending("ŵ ŷ â ’")).isEqualTo("U+0175 U+0177 U+00E2 U+2019");
  }

  @Test
  void extensionCharactersTakeTwoSeptets() {
    assertThat(Gsm7.septets("abc")).isEqualTo(3);
    assertThat(Gsm7.septets("€[]{}")).isEqualTo(10);
    assertThat(Gsm7.fitsOneSegment("a".repeat(160))).isTrue();
    assertThat(Gsm7.fitsOneSegment("a".repeat(159) + "€")).isFalse();
  }

  @Test
  void countingANonGsm7TextIsAnError() {
    assertThatThrownBy(() -> Gsm7.septets("ŵ")).isInstanceOf(IllegalArgumentException.class);
  }
}
