package org.trackmycrime.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void tokensCarryTheRequestedRandomBitsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String t = Secrets.token(16);
      assertThat(Base64.getUrlDecoder().decode(t)).hasSize(16);
      assertThat(seen.add(t)).as("token repeated").isTrue();
    }
  }

  @Test
  void storedHashIsSha256Hex() {
    assertThat(Secrets.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void constantTimeEqualsComparesWholeValues() {
    assertThat(Secrets.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Secrets.constantTimeEquals("abc", "ab")).isFalse();
    assertThat(Secrets.constantTimeEquals(null, "ab")).isFalse();
  }
}
