package org.trackmycrime.notifications.govuknotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;

class NotifyConfigTest {
  static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";

  static NotifyConfig.Builder valid() {
    return NotifyConfig.builder()
        .apiKey(FakeNotify.API_KEY)
        .smsTemplate("update-available", Language.EN, TEMPLATE);
  }

  @Test
  void defaultsToNotifysProductionApi() {
    NotifyConfig config = valid().build();

    assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.notifications.service.gov.uk"));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.templateId(Channel.SMS, "update-available", Language.EN)).contains(TEMPLATE);
    assertThat(config.templateId(Channel.SMS, "update-available", Language.CY)).isEmpty();
    assertThat(config.templateId(Channel.EMAIL, "update-available", Language.EN)).isEmpty();
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                NotifyConfig.builder()
                    .apiKey("not-a-key")
                    .baseUrl(URI.create("http://api.notifications.service.gov.uk"))
                    .emailTemplate("update-available", Language.EN, "template-1")
                    .emailReplyToId("nope")
                    .smsSenderId("nope")
                    .requestTimeout(Duration.ofMinutes(10))
                    .build());

    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "apiKey",
            "baseUrl",
            "templates[email/update-available/en]",
            "emailReplyToId",
            "smsSenderId",
            "requestTimeout");
  }

  @Test
  void needsAtLeastOneTemplate() {
    assertThatThrownBy(() -> NotifyConfig.builder().apiKey(FakeNotify.API_KEY).build())
        .hasMessageContaining("templates");
  }

  @Test
  void theApiKeyNeverShowsInToStringOrErrors() {
    assertThat(valid().build().toString())
        .doesNotContain(FakeNotify.SECRET)
        .doesNotContain(FakeNotify.API_KEY)
        .contains("****");
    Throwable e =
        catchThrowableOfType(
            ValidationException.class, () -> valid().apiKey(FakeNotify.SECRET + " extra").build());
    assertThat(e.getMessage()).contains("apiKey").doesNotContain(FakeNotify.SECRET);
  }

  @Test
  void theTemplateMapCannotBeChangedAfterwards() {
    NotifyConfig config = valid().build();

    assertThatThrownBy(() -> config.templates().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  @Test
  void readsFlatPropertiesWithOneKeyPerTemplate() {
    NotifyConfig config =
        NotifyConfig.fromProperties(
            Map.of(
                "trackmycrime.notify.api-key",
                FakeNotify.API_KEY,
                "trackmycrime.notify.base-url",
                "http://localhost:8999",
                "trackmycrime.notify.template.email.update-available.en",
                TEMPLATE,
                "trackmycrime.notify.template.sms.VICTIM_UPDATE.cy",
                TEMPLATE,
                "trackmycrime.notify.sms-sender-id",
                TEMPLATE,
                "trackmycrime.notify.request-timeout",
                "PT7S",
                "trackmycrime.notify.look-up-reference-first",
                "false",
                "other.setting",
                "ignored"));

    assertThat(config.templateId(Channel.EMAIL, "update-available", Language.EN))
        .contains(TEMPLATE);
    assertThat(config.templateId(Channel.SMS, "VICTIM_UPDATE", Language.CY))
        .as("the dispatcher's keys are message kind names")
        .contains(TEMPLATE);
    assertThat(config.smsSenderId()).isEqualTo(TEMPLATE);
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.baseUrl()).hasPort(8999);
    assertThat(config.lookUpReferenceFirst()).isFalse();
    assertThat(valid().build().lookUpReferenceFirst()).as("on by default").isTrue();
  }

  @Test
  void propertiesReportTyposAndBadValuesTogether() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                NotifyConfig.fromProperties(
                    Map.of(
                        "trackmycrime.notify.api-key",
                        FakeNotify.API_KEY,
                        "trackmycrime.notify.template.sms.update-available.fr",
                        TEMPLATE,
                        "trackmycrime.notify.connect-timeout",
                        "five")));

    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "trackmycrime.notify.template.sms.update-available.fr",
            "trackmycrime.notify.connect-timeout",
            "templates");
  }
}
