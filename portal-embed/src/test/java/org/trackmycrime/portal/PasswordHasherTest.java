package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = PasswordHasher.defaults();

  @Test
  void hashesWithArgon2idAtOwaspMinimumParameters() {
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hasher.verify("correct horse battery staple", hash).matches()).isTrue();
    assertThat(hasher.verify("correct horse battery stapler", hash).matches()).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
    assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
  }

  @Test
  void aHashWithOldParametersIsRehashedOnlyWhenThePasswordMatches() {
    String old = new PasswordHasher(new PasswordHasher.Params(8_192, 1, 1)).hash("a long phrase");
    PasswordHasher.Verification ok = hasher.verify("a long phrase", old);
    assertThat(ok.matches()).isTrue();
    assertThat(ok.rehash()).hasValueSatisfying(h -> assertThat(h).contains("m=19456,t=2,p=1"));
    assertThat(hasher.verify("a long phrase", ok.rehash().orElseThrow()).rehash()).isEmpty();
    assertThat(hasher.verify("wrong phrase!", old).rehash()).isEmpty();
  }

  @Test
  void aHugePasswordOrAGarbledHashNeverMatches() {
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hasher.verify("x".repeat(1 << 20), hash).matches()).isFalse();
    assertThat(hasher.verify("anything at all", "not a hash").matches()).isFalse();
    assertThat(hasher.verify("anything at all", "$argon2id$garbage").matches()).isFalse();
  }
}
