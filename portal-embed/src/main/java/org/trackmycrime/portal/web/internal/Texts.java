package org.trackmycrime.portal.web.internal;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.trackmycrime.core.model.Language;

/**
 * Every string a portal page shows, in English and Welsh, from the bundles {@code
 * org/trackmycrime/portal/web/messages.properties} (English) and {@code messages_cy.properties}
 * (Welsh). A missing key is a bug: it throws, and a test checks both bundles have the same keys.
 */
public final class Texts {
  private static final String BUNDLE = "org.trackmycrime.portal.web.messages";
  private static final Map<Language, Texts> CACHE = new EnumMap<>(Language.class);

  private final Language language;
  private final ResourceBundle bundle;

  private Texts(Language language) {
    this.language = language;
    Locale locale = language == Language.CY ? Locale.forLanguageTag("cy") : Locale.ROOT;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            Texts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The texts in one language (loaded once). */
  public static synchronized Texts of(Language language) {
    return CACHE.computeIfAbsent(language, Texts::new);
  }

  public Language language() {
    return language;
  }

  /** The text for a key. */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no portal text for key " + key, e);
    }
  }

  /** The text for a key with {@code {0}}-style arguments filled in (MessageFormat rules). */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), language.locale()).format(args);
  }

  /** The keys this language's bundle holds (its own, not a parent's). */
  public Set<String> keys() {
    return bundle.keySet();
  }
}
