package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.portal.internal.CommonPasswords;

class PasswordPolicyTest {
  private static final String FORCE = "Avon and Somerset";

  @Test
  void aLongUncommonPassphraseIsAccepted() {
    assertThat(PasswordPolicy.problems("correct horse battery staple", FORCE)).isEmpty();
  }

  @Test
  void noCompositionRules() {
    assertThat(PasswordPolicy.problems("qzxvbnmwkrtp", FORCE)).as("all lower case").isEmpty();
  }

  @Test
  void sevenCharactersIsTooShortAndEightIsEnough() {
    assertThat(PasswordPolicy.problems("qzx7v#k", FORCE))
        .containsExactly("must be at least 8 characters (we recommend 15 or more)");
    assertThat(PasswordPolicy.problems("qzx7v#kw", FORCE)).isEmpty();
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
    assertThat(PasswordPolicy.problems(emoji.repeat(8), FORCE)).isEmpty();
    assertThat(PasswordPolicy.problems(emoji.repeat(256), FORCE)).isEmpty();
  }

  @Test
  void morethan256CharactersIsRefused() {
    assertThat(PasswordPolicy.problems("q".repeat(256) + "z", FORCE))
        .containsExactly("must be 256 characters or fewer");
  }

  @Test
  void aMegabytePasswordIsRefusedInstantly() {
    String huge = "x".repeat(1 << 20);
    assertThatThrownBy(() -> PasswordPolicy.check(huge, FORCE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("password: must be 256 characters or fewer");
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    assertThat(PasswordPolicy.problems("password1", FORCE))
        .containsExactly("is one of the most common passwords; choose one that is harder to guess");
    assertThat(PasswordPolicy.problems("PassWord1", FORCE)).hasSize(1);
    assertThat(PasswordPolicy.problems("iloveyou", FORCE)).hasSize(1);
  }

  @Test
  void theListIsLoadedOnceWithItsControlLinesSkipped() {
    assertThat(CommonPasswords.size()).isBetween(90_000, 100_000);
  }

  @Test
  void theForcesNameAndTheWordPoliceAreRefused() {
    assertThat(PasswordPolicy.problems("my avon and somerset pass", FORCE))
        .containsExactly("must not contain the police force's name");
    assertThat(PasswordPolicy.problems("the POLICE are here", FORCE))
        .containsExactly("must not contain the word \"police\"");
  }

  @Test
  void checkReportsEveryBrokenRuleOnThePasswordField() {
    assertThatThrownBy(() -> PasswordPolicy.check("police", FORCE))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsOnly("password")
                    .hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void anEmptyPasswordIsAskedFor() {
    assertThat(PasswordPolicy.problems("", FORCE)).containsExactly("enter a password");
    assertThat(PasswordPolicy.problems(null, FORCE)).containsExactly("enter a password");
  }
}
