package org.trackmycrime.notifications.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.NotificationException;

/**
 * The wording of every {@link MessageKind} in English and Welsh: the SDK's defaults, or a force's
 * own. Templates are plain text with {@code {{placeholder}}} values and nothing else (no logic, no
 * includes), so a force can reword them without being able to leak more than the values given.
 *
 * <pre>{@code
 * MessageTemplates mine = MessageTemplates.defaults().toBuilder()
 *     .override(MessageKind.VICTIM_UPDATE, Language.EN, TemplatePart.SMS,
 *         "News on your report. Sign in: {{portalUrl}}")
 *     .build();                                   // checks every override, all problems at once
 * RenderedMessage m = mine.render(MessageKind.VICTIM_UPDATE, Language.EN,
 *     Map.of("portalUrl", "https://victims.example.org"));
 * }</pre>
 *
 * <p>Values are inserted as they are into subjects, texts and SMS, and HTML-escaped into HTML; a
 * value of a placeholder named {@code link} or ending in {@code Url} becomes a link in HTML.
 * Immutable and thread-safe.
 */
public final class MessageTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
  private static final int MAX_TEMPLATE = 4000;
  private static final MessageTemplates DEFAULTS = new MessageTemplates(DefaultTemplates.all());

  /** Which template: a kind, a language and a part. */
  public record Key(MessageKind kind, Language language, TemplatePart part) {
    public Key {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(part, "part");
    }

    @Override
    public String toString() {
      return kind + "/" + language.code() + "/" + part;
    }
  }

  private final Map<Key, String> sources;

  private MessageTemplates(Map<Key, String> sources) {
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** The SDK's wording for every kind, in English and Welsh. */
  public static MessageTemplates defaults() {
    return DEFAULTS;
  }

  /** A builder starting from these templates, to override some of them. */
  public Builder toBuilder() {
    return new Builder(sources);
  }

  /** The template text of one part, or null when the part has none (an SMS for staff). */
  public String source(MessageKind kind, Language language, TemplatePart part) {
    return sources.get(new Key(kind, language, part));
  }

  /**
   * Renders every part of a kind in a language.
   *
   * @param values a value for every placeholder the templates use
   * @throws NotificationException when a value is missing or a text does not fit one GSM-7 segment
   */
  public RenderedMessage render(MessageKind kind, Language language, Map<String, String> values) {
    String subject = fill(key(kind, language, TemplatePart.SUBJECT), values, false).strip();
    if (subject.contains("\n") || subject.contains("\r")) {
      subject = subject.replaceAll("[\\r\\n]+", " ");
    }
    String text = fill(key(kind, language, TemplatePart.EMAIL_TEXT), values, false);
    Key htmlKey = new Key(kind, language, TemplatePart.EMAIL_HTML);
    String html =
        sources.containsKey(htmlKey)
            ? fill(htmlKey, values, true)
            : Html.page(
                language,
                subject,
                paragraphs(key(kind, language, TemplatePart.EMAIL_TEXT), values));
    String sms = null;
    Key smsKey = new Key(kind, language, TemplatePart.SMS);
    if (sources.containsKey(smsKey)) {
      sms = fill(smsKey, values, false);
      if (!Gsm7.isGsm7(sms)) {
        throw new NotificationException(
            "Text message " + smsKey + " has characters outside GSM-7: " + Gsm7.offending(sms));
      }
      if (Gsm7.septets(sms) > Gsm7.SINGLE_SEGMENT) {
        throw new NotificationException(
            "Text message "
                + smsKey
                + " is "
                + Gsm7.septets(sms)
                + " characters, more than one segment ("
                + Gsm7.SINGLE_SEGMENT
                + ")");
      }
    }
    return new RenderedMessage(subject, text, html, sms);
  }

  /**
   * The problems a force's templates would have with its own values: for each kind and language,
   * the text message rendered with the sample values must be GSM-7 and fit one segment. Used by the
   * dispatcher's configuration, which knows each force's portal address.
   */
  public List<Problem> checkTexts(String field, Map<String, String> sampleValues) {
    List<Problem> problems = new ArrayList<>();
    for (Key key : sources.keySet()) {
      if (key.part() != TemplatePart.SMS) {
        continue;
      }
      try {
        render(key.kind(), key.language(), sampleValues);
      } catch (TrackMyCrimeException e) {
        problems.add(new Problem(field + "." + key, e.getMessage()));
      }
    }
    return problems;
  }

  private Key key(MessageKind kind, Language language, TemplatePart part) {
    Key key = new Key(kind, language, part);
    if (!sources.containsKey(key)) {
      throw new NotificationException("No template " + key);
    }
    return key;
  }

  private String fill(Key key, Map<String, String> values, boolean html) {
    String template = sources.get(key);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      String literal = template.substring(last, m.start());
      out.append(literal);
      out.append(value(key, m.group(1), values, html));
      last = m.end();
    }
    out.append(template.substring(last));
    return out.toString();
  }

  /** The text template as HTML paragraphs: literal text escaped, links made clickable. */
  private List<String> paragraphs(Key key, Map<String, String> values) {
    List<String> out = new ArrayList<>();
    for (String paragraph : sources.get(key).split("\\n\\s*\\n")) {
      Matcher m = PLACEHOLDER.matcher(paragraph);
      StringBuilder p = new StringBuilder();
      int last = 0;
      while (m.find()) {
        p.append(Html.escapeLines(paragraph.substring(last, m.start())));
        String name = m.group(1);
        String value = value(key, name, values, false);
        p.append(isLink(name) ? Html.link(value) : Html.escape(value));
        last = m.end();
      }
      p.append(Html.escapeLines(paragraph.substring(last)));
      out.add(p.toString().strip());
    }
    return out;
  }

  private static String value(Key key, String name, Map<String, String> values, boolean html) {
    String value = values.get(name);
    if (value == null) {
      throw new NotificationException("No value for {{" + name + "}} in template " + key);
    }
    // a value never spans lines: no header injection through a subject, no forged paragraphs
    String oneLine = value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    return html ? Html.escape(oneLine) : oneLine;
  }

  static boolean isLink(String placeholder) {
    return placeholder.equals("link") || placeholder.endsWith("Url");
  }

  static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Builds a {@link MessageTemplates}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private final Map<Key, String> sources;
    private final Set<Key> overridden =
        new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));

    private Builder(Map<Key, String> sources) {
      this.sources = new LinkedHashMap<>(sources);
    }

    /**
     * Replaces one template. Placeholders must be ones the kind offers ({@link
     * MessageKind#placeholders()}); the email text and the SMS must use the kind's essential one
     * ({@link MessageKind#essentialPlaceholder()}); texts must be GSM-7; staff kinds have no SMS.
     */
    public Builder override(MessageKind kind, Language language, TemplatePart part, String text) {
      Key key = new Key(kind, language, part);
      sources.put(key, text);
      overridden.add(key);
      return this;
    }

    /**
     * @throws ValidationException naming every template and the rule it breaks
     */
    public MessageTemplates build() {
      List<Problem> problems = new ArrayList<>();
      for (Key key : overridden) {
        check(key, sources.get(key), problems);
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      return new MessageTemplates(sources);
    }

    private static void check(Key key, String text, List<Problem> problems) {
      String field = "templates." + key;
      if (text == null || text.isBlank()) {
        problems.add(new Problem(field, "must not be blank"));
        return;
      }
      if (text.length() > MAX_TEMPLATE) {
        problems.add(new Problem(field, "must be at most " + MAX_TEMPLATE + " characters"));
      }
      MessageKind kind = key.kind();
      if (key.part() == TemplatePart.SMS && !kind.toVictim()) {
        problems.add(new Problem(field, "staff messages go by email only"));
      }
      String rest = PLACEHOLDER.matcher(text).replaceAll("");
      if (rest.contains("{{") || rest.contains("}}")) {
        problems.add(new Problem(field, "has a placeholder that is not {{name}} in letters"));
      }
      for (String name : placeholders(text)) {
        if (!kind.placeholders().contains(name)) {
          problems.add(
              new Problem(
                  field, "unknown placeholder {{" + name + "}}; allowed: " + kind.placeholders()));
        }
      }
      boolean body = key.part() != TemplatePart.SUBJECT;
      if (body && !placeholders(text).contains(kind.essentialPlaceholder())) {
        problems.add(new Problem(field, "must contain {{" + kind.essentialPlaceholder() + "}}"));
      }
      if (key.part() == TemplatePart.SUBJECT && (text.contains("\n") || text.contains("\r"))) {
        problems.add(new Problem(field, "must be one line"));
      }
      if (key.part() == TemplatePart.SMS && !Gsm7.isGsm7(text)) {
        problems.add(
            new Problem(field, "must use GSM-7 characters only, not " + Gsm7.offending(text)));
      }
    }
  }
}
