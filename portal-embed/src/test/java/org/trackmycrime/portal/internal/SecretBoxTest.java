package org.trackmycrime.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  static byte[] key(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  @Test
  void aSealedSecretOpensOnlyWithItsKey() {
    SecretBox box = new SecretBox(key(1));
    String sealed = box.seal("JBSWY3DPEHPK3PXP");
    assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
    assertThat(box.seal("JBSWY3DPEHPK3PXP")).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretBox(null).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutAKeySecretsAreMarkedPlain() {
    SecretBox plain = new SecretBox(null);
    assertThat(plain.seal("ABC")).isEqualTo("plain:ABC");
    assertThat(plain.open("plain:ABC")).isEqualTo("ABC");
    assertThat(new SecretBox(key(1)).open("plain:ABC"))
        .as("readable after a key is added")
        .isEqualTo("ABC");
  }
}
