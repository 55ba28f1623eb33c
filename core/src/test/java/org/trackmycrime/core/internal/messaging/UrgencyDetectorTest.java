package org.trackmycrime.core.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackmycrime.core.messaging.MessagingConfig;
import org.trackmycrime.core.messaging.UrgencyCheck;
import org.trackmycrime.core.model.Language;

class UrgencyDetectorTest {
  private final UrgencyDetector defaults = new UrgencyDetector(MessagingConfig.defaults());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He is here again and banging on the door",
        "HE IS HERE",
        "he  is\n here",
        "I think I am in danger tonight",
        "It is happening now!",
        "I want to report a new crime",
        "He said he would kill me.",
        "My son was hurt",
        "Please help me",
        "he’s here",
        "Emergency: come quickly"
      })
  void englishPhrasesMatchWhateverTheCaseAndSpacing(String text) {
    assertThat(defaults.check("demo-force", text).urgent()).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mae'n argyfwng",
        "Rydw i mewn perygl",
        "MAE E YMA nawr",
        "Mae o  yma",
        "Mae'n digwydd nawr, yn digwydd nawr",
        "Dw i eisiau rhoi gwybod am drosedd newydd",
        "Mae e'n fy mygwth i",
        "Mae e wedi bygwth fy lladd",
        "Helpwch fi os gwelwch yn dda",
        "Mae'n fater brys"
      })
  void welshPhrasesMatchIncludingMutations(String text) {
    assertThat(defaults.check("demo-force", text).urgent()).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I have the skill to fix the door myself",
        "The killer whale documentary was on",
        "Is there any news on my case?",
        "The shutter was damaged",
        "Can I get my bike back? It has a Thursday lock",
        "Diolch am y diweddariad",
        "Mae'r beic yn las",
        "my hurtful neighbour",
        "hereford is where I live",
        "brysiog"
      })
  void noFalsePositiveOnPartsOfWords(String text) {
    UrgencyCheck check = defaults.check("demo-force", text);
    assertThat(check.urgent()).as(text + " matched " + check.matchedPhrases()).isFalse();
    assertThat(check.matchedPhrases()).isEmpty();
  }

  @Test
  void reportsEachPhraseOnceInTheOrderItAppears() {
    UrgencyCheck check =
        defaults.check("demo-force", "He threatened to kill me; he is here. Kill, kill.");
    assertThat(check.matchedPhrases()).containsExactly("threatened", "kill", "he is here");
  }

  @Test
  void blankTextIsNotUrgent() {
    assertThat(defaults.check("demo-force", "   ").urgent()).isFalse();
    assertThat(defaults.check("demo-force", null).urgent()).isFalse();
  }

  @Test
  void aForceCanReplaceOneLanguagesPhrases() {
    UrgencyDetector detector =
        new UrgencyDetector(
            MessagingConfig.builder()
                .forceUrgentPhrases("north-force", Language.EN, List.of("stalking", "bail breach"))
                .build());
    assertThat(detector.check("north-force", "He is stalking me").matchedPhrases())
        .containsExactly("stalking");
    assertThat(detector.check("north-force", "a BAIL   breach").urgent()).isTrue();
    assertThat(detector.check("north-force", "kill").urgent())
        .as("the force's English list replaced the default")
        .isFalse();
    assertThat(detector.check("north-force", "argyfwng").urgent())
        .as("Welsh keeps the default")
        .isTrue();
    assertThat(detector.check("south-force", "kill").urgent())
        .as("other forces keep the default")
        .isTrue();
    assertThat(detector.check("south-force", "stalking").urgent()).isFalse();
  }

  @Test
  void phrasesWithPunctuationAreMatchedLiterally() {
    UrgencyDetector detector =
        new UrgencyDetector(
            MessagingConfig.builder().urgentPhrases(Language.EN, List.of("a.b", "(now)")).build());
    assertThat(detector.check("f", "axb").urgent()).as("a dot is not a wildcard").isFalse();
    assertThat(detector.check("f", "a.b").urgent()).isTrue();
    assertThat(detector.check("f", "right (now) please").urgent()).isTrue();
  }
}
