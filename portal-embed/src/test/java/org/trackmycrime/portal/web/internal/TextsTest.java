package org.trackmycrime.portal.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Language;

class TextsTest {
  private final Texts en = Texts.of(Language.EN);
  private final Texts cy = Texts.of(Language.CY);

  @Test
  void welshHasEveryEnglishKeyAndNoOthers() {
    Set<String> missing = new TreeSet<>(en.keys());
    missing.removeAll(cy.keys());
    Set<String> extra = new TreeSet<>(cy.keys());
    extra.removeAll(en.keys());
    assertThat(missing).as("keys without Welsh").isEmpty();
    assertThat(extra).as("Welsh keys without English").isEmpty();
  }

  @Test
  void welshTextsAreNotCopiesOfTheEnglish() {
    Set<String> same = new TreeSet<>();
    for (String key : en.keys()) {
      if (en.get(key).equals(cy.get(key)) && en.get(key).matches(".*[a-z]{4,}.*")) {
        same.add(key);
      }
    }
    // names and formats that are the same in both languages
    same.removeAll(Set.of("crimes.linkText"));
    assertThat(same).isEmpty();
  }

  @Test
  void textsWithArgumentsAreValidMessageFormatsAndOthersHaveNoDoubledQuotes() {
    for (Texts t : new Texts[] {en, cy}) {
      for (String key : t.keys()) {
        String text = t.get(key);
        if (text.contains("{0")) {
          new MessageFormat(text); // throws on a broken pattern
          assertThat(t.format(key, 1, 2)).as(key).doesNotContain("''");
        } else {
          assertThat(text).as(key).doesNotContain("''");
        }
      }
    }
  }

  @Test
  void aMissingKeyIsABug() {
    assertThatThrownBy(() -> en.get("no.such.key")).hasMessageContaining("no.such.key");
  }

  @Test
  void formatsNumbersInTheLanguage() {
    assertThat(en.format("signIn.error.throttled", 5)).contains("Wait 5 minutes");
    assertThat(cy.format("signIn.error.throttled", 5)).contains("Arhoswch 5 munud");
  }
}
