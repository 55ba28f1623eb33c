package org.trackmycrime.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.internal.Emails;

/**
 * The phone and email normalisers on any text: they return a value that the SDK's own checks accept
 * and that normalises to itself, or nothing; they never throw.
 */
class ContactDetailsFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void phone(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Optional<String> e164 = ContactDetails.phoneToE164(text);
    e164.ifPresent(
        n -> {
          assertThat(new Checks().e164("mobile", n).ok()).as(n).isTrue();
          assertThat(ContactDetails.phoneToE164(n)).contains(n);
        });
    ContactDetails.isUkMobile(text);
  }

  @FuzzTest(maxDuration = "60s")
  void email(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    boolean valid = Emails.isValid(text);
    Optional<String> normal = ContactDetails.normaliseEmail(text);
    normal.ifPresent(
        n -> {
          assertThat(Emails.isValid(n)).as(n).isTrue();
          assertThat(new Checks().email("email", n).ok()).isTrue();
          assertThat(ContactDetails.normaliseEmail(n)).contains(n);
        });
    if (valid) {
      assertThat(normal).isPresent();
    }
  }
}
