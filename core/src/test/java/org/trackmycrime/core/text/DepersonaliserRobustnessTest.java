package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackmycrime.core.ValidationException;

class DepersonaliserRobustnessTest {
  /**
   * A guard against hangs (a backtracking regular expression takes minutes or hours on these
   * inputs), not a speed target: generous enough for a loaded CI machine. Speed is measured by the
   * benchmarks.
   */
  private static final Duration HANG = Duration.ofSeconds(60);

  private static final Depersonaliser DEPERSONALISER =
      Depersonaliser.create(Clock.fixed(Instant.parse("2026-04-10T10:00:00Z"), ZoneOffset.UTC));
  private static final List<PersonNames> PEOPLE =
      List.of(
          PersonNames.suspect("Jordan Blake", "J. Blake", "Blake, Jordan"),
          PersonNames.witness("Siobhan O'Neill", "Zoë Smith-Jones", "Ludwig van Beethoven"));

  @Test
  void nullAndEmptyTextGiveAnEmptyResult() {
    assertThat(DEPERSONALISER.depersonalise(null, PEOPLE)).isEqualTo(Depersonalised.empty());
    assertThat(DEPERSONALISER.depersonalise("", PEOPLE)).isEqualTo(Depersonalised.empty());
    assertThat(DEPERSONALISER.depersonalise(null).changed()).isFalse();
  }

  @Test
  void textWithNothingPersonalComesBackUnchanged() {
    String text = "  We have reviewed the CCTV.\n\nWe will update you within 28 days.  ";
    Depersonalised result = DEPERSONALISER.depersonalise(text, PEOPLE);
    assertThat(result.text()).isEqualTo(text);
    assertThat(result.changed()).isFalse();
  }

  @Test
  void depersonalisingTwiceChangesNothingMore() {
    String text =
        "Jordan Blake (DOB 12/03/1990, 07700 900123, jordan@example.com) was seen by Siobhan"
            + " O'Neill near BS7 8AA in AB12 CDE. J.B. gave NI QQ 12 34 56 C.";
    String once = DEPERSONALISER.depersonalise(text, PEOPLE).text();
    Depersonalised twice = DEPERSONALISER.depersonalise(once, PEOPLE);
    assertThat(twice.text()).isEqualTo(once);
    assertThat(twice.changed()).isFalse();
  }

  @Test
  void randomTextNeverThrowsAndAlwaysGivesConsistentSpans() {
    Random random = new Random(20260410L);
    String[] pieces = {
      "Jordan",
      "Blake",
      "J.",
      "B.",
      "J",
      "'s",
      "O'Neill",
      "Smith-Jones",
      "van",
      "Mr",
      ",",
      ".",
      " ",
      " ",
      " ",
      "\n",
      "07700",
      "900123",
      "+44",
      "(0)",
      "(",
      ")",
      "-",
      "@",
      "example.com",
      "BS7",
      "8AA",
      "AB12",
      "CDE",
      "QQ",
      "12",
      "34",
      "56",
      "C",
      "DOB",
      "born",
      "16",
      "April",
      "1985",
      "2026",
      "/",
      "é",
      "\u0301",
      "\u200b",
      "\ud83d\ude00",
      "\ud800",
      "’",
      "–",
      "£",
      "%",
      "\t",
      "a",
      "the",
      "0",
      "1",
      "9",
      "x"
    };
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(60);
      for (int k = 0; k < length; k++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      Depersonalised result = DEPERSONALISER.depersonalise(text, PEOPLE);
      assertThat(result.text())
          .as("never withheld: %s", text)
          .isNotEqualTo(Depersonaliser.WITHHELD);
      assertSpansMatchTheirWords(result);
    }
  }

  @Test
  void unusualNamesNeverBreakIt() {
    List<PersonNames> odd =
        List.of(
            PersonNames.suspect("", " ", ".", "-", "'", "O'", "J", "J.", "...", "\ud800", "A-B"),
            PersonNames.witness("名前 テスト", "Ἀλέξανδρος", "İlkay Gündoğan", "ß"),
            PersonNames.suspect("x".repeat(5000)));
    Depersonalised result =
        DEPERSONALISER.depersonalise("Mr O' J. A-B met 名前 and İlkay Gündoğan. ß.", odd);
    assertThat(result.text())
        .doesNotContain("İlkay")
        .doesNotContain("Gündoğan")
        .doesNotContain("名前");
    assertSpansMatchTheirWords(result);
  }

  @Test
  void anUnexpectedFailureWithholdsTheWholeTextInsteadOfShowingItUnchecked() {
    Clock broken =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            throw new IllegalStateException("clock unavailable");
          }
        };
    Depersonalised result =
        Depersonaliser.create(broken).depersonalise("Jordan Blake, 07700 900123", PEOPLE);
    assertThat(result.text()).isEqualTo(Depersonaliser.WITHHELD);
    assertThat(result.replacements()).isEmpty();
  }

  @Test
  void aPersonWithoutARoleIsRefused() {
    assertThatThrownBy(() -> new PersonNames(null, List.of("Jordan Blake")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("role");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 ",
        "00",
        "0-",
        "+4",
        "(0",
        "0)(",
        "a.",
        "A.",
        "J. ",
        "J.B.",
        "@a",
        "a@",
        ".@",
        "x@y.",
        "1/1/",
        "1-1-",
        "16 April ",
        "DOB ",
        "born ",
        "AB12 ",
        "AB12",
        "A1 ",
        "QQ 12 ",
        "Blake ",
        "Blake, ",
        "Mr ",
        "van ",
        "'s",
        "O'",
        "-",
        "\u0301",
        "\u200b",
        "é",
        "Ωμέγα ",
        "BS7 8AA "
      })
  void adversarialTextOfTheMaximumLengthFinishesQuickly(String unit) {
    String text = unit.repeat(4000 / unit.length() + 1).substring(0, 4000);
    assertTimeoutPreemptively(
        HANG,
        () -> {
          for (int i = 0; i < 3; i++) {
            assertSpansMatchTheirWords(DEPERSONALISER.depersonalise(text, PEOPLE));
          }
        });
  }

  @Test
  void aMixedAdversarialTextOfTheMaximumLengthFinishesQuickly() {
    Random random = new Random(7);
    String[] units = {"0", " ", "-", "(", ")", "+", ".", "@", "a", "B", "/", "J", "'", ","};
    StringBuilder b = new StringBuilder();
    while (b.length() < 4000) {
      b.append(units[random.nextInt(units.length)]);
    }
    assertTimeoutPreemptively(HANG, () -> DEPERSONALISER.depersonalise(b.toString(), PEOPLE));
  }

  @Test
  void muchLongerTextStillWorksInLinearTime() {
    String paragraph =
        "On 16/04/2026 Jordan Blake (07700 900123) was seen by O'Neill at BS7 8AA in AB12 CDE. ";
    String text = paragraph.repeat(2000); // about 170,000 characters
    Depersonalised result =
        assertTimeoutPreemptively(HANG, () -> DEPERSONALISER.depersonalise(text, PEOPLE));
    assertThat(result.replacements()).hasSize(2000 * 5);
  }

  @Test
  void oneInstanceServesManyThreads() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      texts.add("Case " + i + ": Jordan Blake called 07700 900" + String.format("%03d", i) + ".");
    }
    List<String> sequential =
        texts.stream().map(t -> DEPERSONALISER.depersonalise(t, PEOPLE).text()).toList();
    List<String> parallel =
        IntStream.range(0, texts.size())
            .parallel()
            .mapToObj(i -> DEPERSONALISER.depersonalise(texts.get(i), PEOPLE).text())
            .toList();
    assertThat(parallel).isEqualTo(sequential);
    assertThat(sequential).allMatch(t -> t.endsWith(": the suspect called [phone number]."));
  }

  /** Every span lies in the text, in order, and holds its category's words. */
  static void assertSpansMatchTheirWords(Depersonalised result) {
    int previousEnd = 0;
    for (Replacement r : result.replacements()) {
      assertThat(r.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(r.end()).isLessThanOrEqualTo(result.text().length());
      String words = result.textOf(r).toLowerCase(Locale.ROOT);
      String expected = r.category().replacementText().toLowerCase(Locale.ROOT);
      String noun =
          r.category().isName() ? expected.substring(expected.indexOf(' ') + 1) : expected;
      assertThat(words)
          .as("span %s", r)
          .matches(
              "("
                  + java.util.regex.Pattern.quote(expected)
                  + "|"
                  + java.util.regex.Pattern.quote(noun)
                  + ")(['’`ʼ‘]s)?");
      previousEnd = r.end();
    }
  }
}
