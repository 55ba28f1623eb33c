package org.trackmycrime.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.NotificationException;

/**
 * The template renderer on any force template and any values: it renders, or refuses with the SDK's
 * own errors ({@link ValidationException} for a bad template, {@link NotificationException} for a
 * value that does not fit), and what it renders keeps values on one line and inert in HTML. Input:
 * a byte choosing kind, language and the part overridden, then NUL-separated the template text
 * (empty: no override) and one value per placeholder of the kind, in name order.
 */
class MessageTemplatesFuzzTest {
  private static final TemplatePart[] OVERRIDABLE = {
    TemplatePart.SUBJECT, TemplatePart.EMAIL_TEXT, TemplatePart.SMS
  };

  @FuzzTest(maxDuration = "60s")
  void render(byte[] input) {
    int choice = input.length > 0 ? input[0] & 0xff : 0;
    MessageKind kind = MessageKind.values()[choice % MessageKind.values().length];
    Language language = (choice & 0x40) == 0 ? Language.EN : Language.CY;
    TemplatePart part = OVERRIDABLE[(choice >> 4) % OVERRIDABLE.length];
    String rest =
        input.length > 0 ? new String(input, 1, input.length - 1, StandardCharsets.UTF_8) : "";
    String[] fields = rest.split("\0", -1);
    List<String> names = kind.placeholders().stream().sorted().toList();
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(names.get(i), i + 1 < fields.length ? fields[i + 1] : "v" + i);
    }
    MessageTemplates templates = MessageTemplates.defaults();
    try {
      if (!fields[0].isEmpty()) {
        templates = templates.toBuilder().override(kind, language, part, fields[0]).build();
      }
      RenderedMessage out = templates.render(kind, language, values);
      assertThat(out.subject()).doesNotContain("\r", "\n");
      assertThat(out.html().toLowerCase(Locale.ROOT)).doesNotContain("<script");
      if (out.sms() != null) {
        assertThat(Gsm7.isGsm7(out.sms())).isTrue();
      }
    } catch (ValidationException | NotificationException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
