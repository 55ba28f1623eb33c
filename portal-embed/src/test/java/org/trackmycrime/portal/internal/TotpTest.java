package org.trackmycrime.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  // RFC 6238 appendix B: the SHA-1 key "12345678901234567890"
  static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void base32MatchesTheRfc4648Alphabet() {
    assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(RFC_SECRET);
    assertThat(Totp.unbase32(RFC_SECRET))
        .isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
  }

  @Test
  void codesMatchTheRfc6238Vectors() {
    // the RFC gives 8 digits; 6-digit codes are their last six
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))))
        .isEqualTo("081804");
  }

  @Test
  void aCodeIsAcceptedOneStepEitherSideAndOnlyAfterTheLastUsedStep() {
    Instant now = Instant.ofEpochSecond(1111111109);
    long step = Totp.step(now);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, " 081 804 ", now, 0)).hasValue(step);
    assertThat(Totp.verify(RFC_SECRET, null, now, 0)).isEmpty();
  }

  @Test
  void theUriCarriesIssuerSecretAndParameters() {
    assertThat(Totp.uri("Demo Police", "Track my crime", RFC_SECRET).toString())
        .isEqualTo(
            "otpauth://totp/Demo%20Police:Track%20my%20crime?secret="
                + RFC_SECRET
                + "&issuer=Demo%20Police&algorithm=SHA1&digits=6&period=30");
  }
}
