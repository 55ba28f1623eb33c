package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.template.MessageTemplates;
import org.trackmycrime.notifications.template.TemplatePart;

class DispatchConfigTest {
  @Test
  void defaultsMatchTheDocumentation() {
    DispatchConfig c =
        DispatchConfig.builder()
            .defaultMessaging(ForceMessaging.builder("https://victims.example.org").build())
            .build();

    assertThat(c.coalesceWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.quietFrom()).isEqualTo(LocalTime.of(21, 0));
    assertThat(c.quietUntil()).isEqualTo(LocalTime.of(8, 0));
    assertThat(c.alertChannels()).isEqualTo(AlertChannels.ALL);
    assertThat(c.maxAttempts()).isEqualTo(8);
    assertThat(c.messagingFor("any-force")).isPresent();
    ForceMessaging m = c.messagingFor("any-force").orElseThrow();
    assertThat(m.senderName()).isEqualTo("Victim updates");
    assertThat(m.smsSenderId()).isEqualTo("VictimInfo");
    assertThat(m.staffPortalUrl()).isEqualTo(m.portalUrl());
  }

  @Test
  void everyBadSettingIsReportedAtOnce() {
    DispatchConfig.Builder b =
        DispatchConfig.builder()
            .batchSize(0)
            .workers(0)
            .maxAttempts(0)
            .lease(Duration.ofSeconds(1))
            .backoff(Duration.ofMinutes(10), Duration.ofMinutes(1))
            .quietHours(LocalTime.of(21, 0), null)
            .coalesceWindow(Duration.ofDays(2));

    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .contains(
                        "batchSize",
                        "workers",
                        "maxAttempts",
                        "lease",
                        "maxBackoff",
                        "quietHours",
                        "coalesceWindow"));
  }

  @Test
  void theSenderMustBeNeutralAndThePortalAFullHttpsAddress() {
    ForceMessaging.Builder b =
        ForceMessaging.builder("http://victims.example.org/?next=x")
            .staffPortalUrl("not a url")
            .senderName("Avon Police")
            .smsSenderId("HeddluDPP")
            .supervisorEmail("CID", "not-an-email");

    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.field() + ": " + p.rule())
                    .anySatisfy(s -> assertThat(s).startsWith("portalUrl: must be a full https"))
                    .anySatisfy(s -> assertThat(s).startsWith("portalUrl: must not have a query"))
                    .anySatisfy(s -> assertThat(s).startsWith("staffPortalUrl: is not a valid"))
                    .anySatisfy(s -> assertThat(s).startsWith("senderName: must be neutral"))
                    .anySatisfy(s -> assertThat(s).startsWith("smsSenderId: must be neutral"))
                    .anySatisfy(s -> assertThat(s).startsWith("supervisorEmails[CID]")));
  }

  @Test
  void plainHttpIsAcceptedOnlyOnThisMachine() {
    assertThat(ForceMessaging.builder("http://localhost:8080").build().portalUrl())
        .hasToString("http://localhost:8080");
    assertThat(ForceMessaging.builder("http://127.0.0.1:8080").build().portalUrl())
        .hasToString("http://127.0.0.1:8080");
    assertThatThrownBy(() -> ForceMessaging.builder("http://localhost.example.org").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("portalUrl");
    assertThatThrownBy(() -> ForceMessaging.builder("ftp://localhost").build())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aPortalAddressTooLongForOneTextIsFoundAtConfigurationNotAtNight() {
    String portal = "https://" + "long".repeat(30) + ".example.org";

    assertThatThrownBy(
            () ->
                DispatchConfig.builder()
                    .force("demo-force", ForceMessaging.builder(portal).build())
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .contains("forces[demo-force].templates.VICTIM_UPDATE/en/SMS"));
  }

  @Test
  void aForcesOwnTemplatesAreCheckedWithItsOwnAddress() {
    MessageTemplates mine =
        MessageTemplates.defaults().toBuilder()
            .override(
                MessageKind.VICTIM_UPDATE,
                Language.CY,
                TemplatePart.SMS,
                "x".repeat(140) + " {{portalUrl}}")
            .build();

    assertThatThrownBy(
            () ->
                DispatchConfig.builder()
                    .force(
                        "demo-force",
                        ForceMessaging.builder("https://victims.example.org")
                            .templates(mine)
                            .build())
                    .build())
        .hasMessageContaining("VICTIM_UPDATE/cy/SMS");
  }
}
