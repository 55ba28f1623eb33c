package org.trackmycrime.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  private static final String SECRET = "s3cret-token-that-must-never-show-up-anywhere-0123";

  @Test
  void defaultsGiveADemoServerOnAnH2FileUnderData() {
    ServerConfig c = ServerConfig.fromMap(Map.of());
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.dbUrl()).startsWith("jdbc:h2:./data/");
    assertThat(c.publicBaseUrl()).hasToString("http://localhost:8080");
    assertThat(c.force()).isEqualTo("demo-force");
    assertThat(c.alertCoalesce()).isEqualTo(Duration.ofSeconds(600));
    assertThat(c.quietFrom()).isEqualTo(LocalTime.of(21, 0));
    assertThat(c.quietUntil()).isEqualTo(LocalTime.of(8, 0));
    assertThat(c.demo()).isTrue();
    assertThat(c.usesDevMailbox()).as("no real channel configured in demo mode").isTrue();
  }

  @Test
  void everyBadVariableIsNamedAtOnce() {
    var e =
        catchThrowableOfType(
            ServerConfig.InvalidConfigException.class,
            () ->
                ServerConfig.fromMap(
                    Map.ofEntries(
                        Map.entry("TMC_HTTP_PORT", "eighty"),
                        Map.entry("TMC_DB_URL", "mysql://x"),
                        Map.entry("TMC_PUBLIC_BASE_URL", "not a url"),
                        Map.entry("TMC_SMTP_HOST", "smtp.example.org"),
                        Map.entry("TMC_SMTP_PORT", "99999"),
                        Map.entry("TMC_TWILIO_ACCOUNT_SID", "XY12"),
                        Map.entry("TMC_TWILIO_AUTH_TOKEN", SECRET),
                        Map.entry("TMC_TWILIO_FROM", "07700"),
                        Map.entry("TMC_NOTIFY_BASE_URL", "ftp://notify"),
                        Map.entry("TMC_WEBHOOK_SECRET", "short-" + SECRET.substring(0, 8)),
                        Map.entry("TMC_FORCE", "Demo Force"),
                        Map.entry("TMC_ALERT_COALESCE_SECONDS", "-1"),
                        Map.entry("TMC_SMS_QUIET_HOURS", "9pm-8am"),
                        Map.entry("TMC_DEMO", "yes"),
                        Map.entry("TMC_HTTP_PROT", "1"))));
    assertThat(e.problems())
        .as("one problem per bad variable, each starting with its name")
        .anySatisfy(p -> assertThat(p).startsWith("TMC_HTTP_PORT:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_DB_URL:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_PUBLIC_BASE_URL:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_SMTP_FROM:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_SMTP_PORT:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_TWILIO_ACCOUNT_SID:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_TWILIO_FROM:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_NOTIFY_BASE_URL:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_WEBHOOK_SECRET:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_FORCE:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_ALERT_COALESCE_SECONDS:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_SMS_QUIET_HOURS:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_DEMO:"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_HTTP_PROT: unknown variable"));
    assertThat(e.getMessage())
        .as("secrets never appear in the message")
        .doesNotContain(SECRET)
        .doesNotContain(SECRET.substring(0, 8));
  }

  @Test
  void secretsAreNotInToString() {
    ServerConfig c =
        ServerConfig.fromMap(
            Map.of(
                "TMC_WEBHOOK_SECRET",
                SECRET,
                "TMC_TWILIO_ACCOUNT_SID",
                "AC0123456789abcdef0123456789abcdef",
                "TMC_TWILIO_AUTH_TOKEN",
                SECRET + "-twilio",
                "TMC_TWILIO_FROM",
                "+447700900001",
                "TMC_DB_PASSWORD",
                SECRET + "-db"));
    assertThat(c.toString()).doesNotContain(SECRET).contains("***");
    assertThat(c.usesDevMailbox()).as("Twilio configured: no dev mailbox").isFalse();
  }

  @Test
  void theDispatchLeaseAndMaximumBackoffDefaultToFiveMinutesAndAnHour() {
    ServerConfig defaults = ServerConfig.fromMap(Map.of());
    assertThat(defaults.dispatchLease()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.dispatchMaxBackoff()).isEqualTo(Duration.ofHours(1));
    ServerConfig c =
        ServerConfig.fromMap(
            Map.of("TMC_DISPATCH_LEASE_SECONDS", "30", "TMC_DISPATCH_MAX_BACKOFF_SECONDS", "5"));
    assertThat(c.dispatchLease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.dispatchMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
    ServerConfig.InvalidConfigException e =
        catchThrowableOfType(
            ServerConfig.InvalidConfigException.class,
            () ->
                ServerConfig.fromMap(
                    Map.of(
                        "TMC_DISPATCH_LEASE_SECONDS", "5",
                        "TMC_DISPATCH_MAX_BACKOFF_SECONDS", "0")));
    assertThat(e.problems())
        .containsExactlyInAnyOrder(
            "TMC_DISPATCH_LEASE_SECONDS: must be a whole number from 10 to 86400",
            "TMC_DISPATCH_MAX_BACKOFF_SECONDS: must be a whole number from 1 to 86400");
  }

  @Test
  void quietHoursCanBeTurnedOffAndAlertsSentAtOnce() {
    ServerConfig c =
        ServerConfig.fromMap(
            Map.of("TMC_SMS_QUIET_HOURS", "none", "TMC_ALERT_COALESCE_SECONDS", "0"));
    assertThat(c.quietFrom()).isNull();
    assertThat(c.alertCoalesce()).isZero();
  }

  @Test
  void outsideDemoModeThePublicAddressAndThePortalSecretAreRequired() {
    var e =
        catchThrowableOfType(
            ServerConfig.InvalidConfigException.class,
            () -> ServerConfig.fromMap(Map.of("TMC_DEMO", "false")));
    assertThat(e.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("TMC_PUBLIC_BASE_URL: is required"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_PORTAL_SECRET: is required"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_SMTP_HOST: an alert channel is required"));

    var http =
        catchThrowableOfType(
            ServerConfig.InvalidConfigException.class,
            () ->
                ServerConfig.fromMap(
                    Map.of(
                        "TMC_DEMO", "false",
                        "TMC_PUBLIC_BASE_URL", "http://victims.example",
                        "TMC_PORTAL_SECRET", "short-secret-never-shown")));
    assertThat(http.problems())
        .anySatisfy(
            p -> assertThat(p).isEqualTo("TMC_PUBLIC_BASE_URL: must be https outside demo mode"))
        .anySatisfy(p -> assertThat(p).startsWith("TMC_PORTAL_SECRET: must be at least 32 bytes"))
        .noneSatisfy(p -> assertThat(p).contains("short-secret-never-shown"));
  }

  @Test
  void aPropertiesFileGivenWithConfigIsReadInsteadOfTheEnvironment(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "TMC_HTTP_PORT=9090\nTMC_FORCE=avon-and-somerset\n");
    ServerConfig c =
        ServerConfig.fromArgs(
            new String[] {"--config", file.toString()}, Map.of("TMC_HTTP_PORT", "1"));
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(c.force()).isEqualTo("avon-and-somerset");
  }

  @Test
  void htmlIsEscaped() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }
}
