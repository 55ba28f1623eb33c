package org.trackmycrime.notifications.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;

class TwilioConfigTest {
  static final String SID = "AC0123456789abcdef0123456789abcdef";
  static final String TOKEN = "s3cr3t-t0ken-value";

  static TwilioConfig.Builder valid() {
    return TwilioConfig.builder().accountSid(SID).authToken(TOKEN).fromNumber("+447700900001");
  }

  @Test
  void defaultsToTwiliosPublicApiAndShortTimeouts() {
    TwilioConfig config = valid().build();

    assertThat(config.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.statusCallbackUrl()).isNull();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                TwilioConfig.builder()
                    .accountSid("AB123")
                    .apiBaseUrl(URI.create("http://api.example.com"))
                    .connectTimeout(Duration.ZERO)
                    .requestTimeout(Duration.ofMinutes(5))
                    .statusCallbackUrl(URI.create("https://my_host.example/cb#rc=2"))
                    .build());

    assertThat(e.problems())
        .extracting(Problem::field)
        .contains(
            "accountSid",
            "authToken",
            "messagingServiceSid/fromNumber",
            "apiBaseUrl",
            "connectTimeout",
            "requestTimeout",
            "statusCallbackUrl");
    assertThat(e.problems())
        .filteredOn(p -> p.field().equals("statusCallbackUrl"))
        .as("fragment and underscore are both reported")
        .hasSize(2);
  }

  @Test
  void needsExactlyOneOfMessagingServiceAndFromNumber() {
    assertThatThrownBy(
            () -> valid().messagingServiceSid("MG0123456789abcdef0123456789abcdef").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one");
    assertThat(
            valid()
                .fromNumber(null)
                .messagingServiceSid("MG0123456789abcdef0123456789abcdef")
                .build()
                .messagingServiceSid())
        .startsWith("MG");
  }

  @Test
  void refusesASenderThatIsNotE164OrAServiceSidOfTheWrongShape() {
    assertThatThrownBy(() -> valid().fromNumber("07700900001").build())
        .hasMessageContaining("fromNumber");
    assertThatThrownBy(() -> valid().fromNumber(null).messagingServiceSid("MG12").build())
        .hasMessageContaining("messagingServiceSid");
  }

  @Test
  void plainHttpIsOnlyForLoopback() {
    assertThat(valid().apiBaseUrl(URI.create("http://127.0.0.1:4010")).build().apiBaseUrl())
        .hasPort(4010);
    assertThat(valid().apiBaseUrl(URI.create("http://localhost:4010")).build()).isNotNull();
    assertThat(valid().apiBaseUrl(URI.create("https://api.dublin.ie1.twilio.com")).build())
        .isNotNull();
    assertThatThrownBy(() -> valid().apiBaseUrl(URI.create("http://api.twilio.com")).build())
        .hasMessageContaining("https");
    assertThatThrownBy(
            () -> valid().statusCallbackUrl(URI.create("http://alerts.example.com/cb")).build())
        .hasMessageContaining("statusCallbackUrl");
  }

  @Test
  void refusesCredentialsInTheBaseUrl() {
    assertThatThrownBy(
            () -> valid().apiBaseUrl(URI.create("https://user:pw@api.twilio.com")).build())
        .hasMessageContaining("user info");
  }

  @Test
  void theAuthTokenNeverShowsInToStringOrErrors() {
    TwilioConfig config = valid().build();
    assertThat(config.toString()).doesNotContain(TOKEN).contains("****").contains(SID);

    Throwable e =
        catchThrowableOfType(
            ValidationException.class, () -> valid().authToken(" " + TOKEN + " ").build());
    assertThat(e.getMessage()).contains("authToken").doesNotContain(TOKEN);
  }

  @Test
  void toBuilderKeepsEverySetting() {
    TwilioConfig config =
        valid().statusCallbackUrl(URI.create("https://alerts.example.police.uk/cb")).build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  @Test
  void readsFlatPropertiesWithIsoDurations() {
    TwilioConfig config =
        TwilioConfig.fromProperties(
            Map.of(
                "trackmycrime.twilio.account-sid", SID,
                "trackmycrime.twilio.auth-token", TOKEN,
                "trackmycrime.twilio.messaging-service-sid", "MG0123456789abcdef0123456789abcdef",
                "trackmycrime.twilio.api-base-url", "https://api.dublin.ie1.twilio.com",
                "trackmycrime.twilio.connect-timeout", "PT2S",
                "trackmycrime.twilio.request-timeout", "PT10S",
                "trackmycrime.twilio.status-callback-url", "https://alerts.example.police.uk/cb",
                "unrelated.key", "ignored"));

    assertThat(config.messagingServiceSid()).startsWith("MG");
    assertThat(config.apiBaseUrl().getHost()).isEqualTo("api.dublin.ie1.twilio.com");
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.statusCallbackUrl()).hasPath("/cb");
  }

  @Test
  void propertiesReportTyposAndBadValuesTogether() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                TwilioConfig.fromProperties(
                    Map.of(
                        "trackmycrime.twilio.account-sid",
                        SID,
                        "trackmycrime.twilio.auth-tokn",
                        TOKEN,
                        "trackmycrime.twilio.from-number",
                        "+447700900001",
                        "trackmycrime.twilio.connect-timeout",
                        "5 seconds")));

    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "trackmycrime.twilio.auth-tokn", "trackmycrime.twilio.connect-timeout", "authToken");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }
}
