package org.trackmycrime.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.NotificationException;

class MessageTemplatesTest {
  /** A long but realistic portal address: longer than most forces will use. */
  static final String PORTAL = "https://victim-updates.devon-and-cornwall.example.org.uk/track";

  static final String LINK = PORTAL + "/a/" + "Qx7_Ab9-Zk3mN0pLw4Rt2v";

  /**
   * Values for every placeholder of every kind, plus canaries for everything a victim alert must
   * never show: if a victim template reached for any of them, the test would see it.
   */
  static Map<String, String> values() {
    return Map.ofEntries(
        Map.entry("portalUrl", PORTAL),
        Map.entry("staffPortalUrl", "https://staff.example.org/tmc"),
        Map.entry("link", LINK),
        Map.entry("code", "48213977"),
        Map.entry("minutes", "15"),
        Map.entry("crimeRef", "43/987654/26"),
        Map.entry("victimRef", "VREF-CANARY"),
        Map.entry("failedChannel", "email"),
        Map.entry("remainingChannels", "text message"),
        Map.entry("offence", "Burglary canary"),
        Map.entry("victimName", "Siobhan Canary"),
        Map.entry("officerName", "PC Canary"),
        Map.entry("place", "Canary Wharf"));
  }

  static Stream<Arguments> everyKindAndLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      for (Language language : Language.values()) {
        all.add(Arguments.of(kind, language));
      }
    }
    return all.stream();
  }

  static Stream<Arguments> victimKindsAndLanguages() {
    return everyKindAndLanguage().filter(a -> ((MessageKind) a.get()[0]).toVictim());
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindAndLanguage")
  void everyKindRendersInBothLanguages(MessageKind kind, Language language) {
    RenderedMessage m = MessageTemplates.defaults().render(kind, language, values());

    assertThat(m.subject()).as("subject").isNotBlank().doesNotContain("\n").doesNotContain("{{");
    assertThat(m.text()).as("text").isNotBlank().doesNotContain("{{");
    assertThat(m.html())
        .as("html")
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"" + language.code() + "\">")
        .doesNotContain("{{");
    if (kind.toVictim()) {
      assertThat(m.sms()).as("victims get texts too").isNotBlank().doesNotContain("{{");
    } else {
      assertThat(m.sms()).as("staff messages go by email only").isNull();
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("victimKindsAndLanguages")
  void victimAlertsSayOnlyThatThereIsSomethingAndWhere(MessageKind kind, Language language) {
    RenderedMessage m = MessageTemplates.defaults().render(kind, language, values());

    for (String part : List.of(m.subject(), m.text(), m.html(), m.sms())) {
      String lower = part.toLowerCase(Locale.ROOT);
      assertThat(part)
          .as("no crime reference, victim, offence, names, officer or place in %s", part)
          .doesNotContain("43/987654/26")
          .doesNotContain("VREF-CANARY")
          .doesNotContain("Canary");
      assertThat(lower)
          .as("a lock screen or shared inbox must not give away police contact: %s", part)
          .doesNotContain("police")
          .doesNotContain("heddlu")
          .doesNotContain("crime")
          .doesNotContain("trosedd")
          .doesNotContain("offence");
    }
    String essential = values().get(kind.essentialPlaceholder());
    assertThat(m.text()).as("the email says where (or the code)").contains(essential);
    assertThat(m.html()).contains(essential);
    assertThat(m.sms()).as("the text says where (or the code)").contains(essential);
    if (kind.essentialPlaceholder().equals("portalUrl")) {
      assertThat(m.sms()).contains(PORTAL);
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("victimKindsAndLanguages")
  void victimTextsFitOneGsm7Segment(MessageKind kind, Language language) {
    String sms = MessageTemplates.defaults().render(kind, language, values()).sms();

    assertThat(Gsm7.isGsm7(sms))
        .as("only GSM-7 characters (else a segment holds 70): %s", Gsm7.offending(sms))
        .isTrue();
    assertThat(Gsm7.septets(sms))
        .as("one segment with a %d-character portal address: %s", PORTAL.length(), sms)
        .isLessThanOrEqualTo(160);
  }

  @Test
  void everyDefaultTextFitsWithAPortalAddressOfUpTo62Characters() {
    // the README promises this: a portal address of 62 characters (and activation tokens of 22)
    int longest = 0;
    for (int length = 20; length <= 120; length++) {
      String portal = "https://" + "p".repeat(length - "https://.org".length()) + ".org";
      String link = portal + "/a/" + "t".repeat(22);
      Map<String, String> values =
          Map.of("portalUrl", portal, "link", link, "code", "12345678", "minutes", "15");
      if (MessageTemplates.defaults().checkTexts("t", values).isEmpty()) {
        longest = length;
      } else {
        break;
      }
    }
    assertThat(longest).isEqualTo(62);
  }

  @Test
  void staffMessagesNameTheCrimeAndVictimByReferenceOnly() {
    RenderedMessage m =
        MessageTemplates.defaults().render(MessageKind.OFFICER_OVERDUE, Language.EN, values());

    assertThat(m.text())
        .contains("43/987654/26")
        .contains("VREF-CANARY")
        .contains("https://staff.example.org/tmc")
        .doesNotContain("Canary ");
  }

  @Test
  void valuesAreEscapedInHtmlAndLinksAreClickable() {
    Map<String, String> values = new java.util.HashMap<>(values());
    values.put("victimRef", "<script>alert('x')</script>&");

    RenderedMessage m =
        MessageTemplates.defaults().render(MessageKind.OFFICER_MESSAGE, Language.EN, values);

    assertThat(m.html())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;")
        .contains("<a href=\"https://staff.example.org/tmc\">https://staff.example.org/tmc</a>");
    assertThat(m.text()).as("plain text is not escaped").contains("<script>");
  }

  @Test
  void aValueCannotAddLinesToASubject() {
    Map<String, String> values = new java.util.HashMap<>(values());
    values.put("failedChannel", "email\r\nBcc: someone@example.org");

    RenderedMessage m =
        MessageTemplates.defaults().render(MessageKind.HUB_VICTIM_UNREACHABLE, Language.EN, values);

    assertThat(m.subject()).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void aMissingValueIsAnError() {
    assertThatThrownBy(
            () ->
                MessageTemplates.defaults()
                    .render(
                        MessageKind.VICTIM_INVITATION, Language.EN, Map.of("portalUrl", PORTAL)))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("{{link}}");
  }

  @Test
  void aForceCanRewordATemplate() {
    MessageTemplates mine =
        MessageTemplates.defaults().toBuilder()
            .override(
                MessageKind.VICTIM_UPDATE,
                Language.EN,
                TemplatePart.SMS,
                "News on your report: {{portalUrl}}")
            .build();

    assertThat(mine.render(MessageKind.VICTIM_UPDATE, Language.EN, values()).sms())
        .isEqualTo("News on your report: " + PORTAL);
    assertThat(mine.render(MessageKind.VICTIM_UPDATE, Language.CY, values()).sms())
        .as("the other language keeps the default")
        .startsWith("Mae diweddariad");
  }

  @Test
  void badOverridesAreAllReportedAtOnce() {
    MessageTemplates.Builder b =
        MessageTemplates.defaults().toBuilder()
            .override(
                MessageKind.VICTIM_UPDATE,
                Language.EN,
                TemplatePart.SMS,
                "Update on crime {{crimeRef}}")
            .override(
                MessageKind.VICTIM_UPDATE,
                Language.CY,
                TemplatePart.SMS,
                "Mae diweddariad: {{portalUrl}} ŵ")
            .override(
                MessageKind.OFFICER_OVERDUE, Language.EN, TemplatePart.SMS, "{{staffPortalUrl}}")
            .override(MessageKind.VICTIM_REPLY, Language.EN, TemplatePart.EMAIL_TEXT, "  ")
            .override(
                MessageKind.VICTIM_REPLY, Language.CY, TemplatePart.EMAIL_TEXT, "{{ portalUrl }}");

    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.field() + ": " + p.rule())
                    .anySatisfy(
                        s ->
                            assertThat(s)
                                .contains("VICTIM_UPDATE/en/SMS")
                                .contains("unknown placeholder {{crimeRef}}"))
                    .anySatisfy(s -> assertThat(s).contains("VICTIM_UPDATE/en/SMS: must contain"))
                    .anySatisfy(
                        s -> assertThat(s).contains("VICTIM_UPDATE/cy/SMS").contains("U+0175"))
                    .anySatisfy(
                        s ->
                            assertThat(s).contains("OFFICER_OVERDUE/en/SMS").contains("email only"))
                    .anySatisfy(
                        s ->
                            assertThat(s).contains("VICTIM_REPLY/en/EMAIL_TEXT: must not be blank"))
                    .anySatisfy(
                        s ->
                            assertThat(s)
                                .contains("VICTIM_REPLY/cy/EMAIL_TEXT")
                                .contains("not {{name}}")));
  }

  @Test
  void aTextThatOutgrowsOneSegmentIsRefused() {
    String longLink = "https://example.org/" + "a".repeat(150);

    assertThatThrownBy(
            () ->
                MessageTemplates.defaults()
                    .render(
                        MessageKind.VICTIM_INVITATION,
                        Language.EN,
                        Map.of("portalUrl", PORTAL, "link", longLink)))
        .isInstanceOf(NotificationException.class)
        .hasMessageContaining("more than one segment");
  }
}
