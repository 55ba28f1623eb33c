package org.trackmycrime.records.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;

class WebhookConfigTest {
  private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";

  @Test
  void defaultsAreAFiveMinuteWindowOneMebibyteAndTheTmcHeaders() {
    WebhookConfig c = WebhookConfig.builder(SECRET).build();

    assertThat(c.name()).isEqualTo("webhook");
    assertThat(c.replayWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(c.maxEvents()).isEqualTo(1000);
    assertThat(c.timestampHeader()).isEqualTo("X-TMC-Timestamp");
    assertThat(c.signatureHeader()).isEqualTo("X-TMC-Signature");
    assertThat(c.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.previousSecret()).isNull();
  }

  @Test
  void reportsEveryBrokenRuleAtOnceWithoutQuotingTheSecret() {
    assertThatThrownBy(
            () ->
                WebhookConfig.builder("too-short-secret")
                    .replayWindow(Duration.ofSeconds(1))
                    .maxBodyBytes(10)
                    .maxEvents(0)
                    .signatureHeader("X Signature")
                    .retryAfter(Duration.ZERO)
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("secret: is required and must be at least 32 bytes")
        .hasMessageContaining("replayWindow: must be between 30s and 1h")
        .hasMessageContaining("maxBodyBytes: must be")
        .hasMessageContaining("maxEvents: must be 1 to 10000")
        .hasMessageContaining("signatureHeader: must be a header name")
        .hasMessageContaining("retryAfter: must be between 1s and 1h")
        .hasMessageNotContaining("too-short-secret");
  }

  @Test
  void readsItsKeysFromProperties() {
    WebhookConfig c =
        WebhookConfig.fromProperties(
            Map.of(
                "name", "athena-push",
                "secret", SECRET,
                "replayWindow", "2m",
                "maxBodyBytes", "65536",
                "maxEvents", "50",
                "retryAfter", "30s"));

    assertThat(c.name()).isEqualTo("athena-push");
    assertThat(c.secret()).isEqualTo(SECRET);
    assertThat(c.replayWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.maxBodyBytes()).isEqualTo(65536);
    assertThat(c.maxEvents()).isEqualTo(50);
    assertThat(c.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void propertiesReportAMissingSecretAndUnknownKeys() {
    assertThatThrownBy(() -> WebhookConfig.fromProperties(Map.of("secrit", SECRET)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("secrit: is not a known setting")
        .hasMessageContaining("secret: is required")
        .hasMessageNotContaining(SECRET);
  }
}
