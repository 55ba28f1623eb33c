package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DepersonaliserNamesTest {
  private static final Depersonaliser DEPERSONALISER =
      Depersonaliser.create(Clock.fixed(Instant.parse("2026-04-10T10:00:00Z"), ZoneOffset.UTC));
  private static final List<PersonNames> BLAKE =
      List.of(PersonNames.suspect("Jordan Blake", "J. Blake"));

  private static String clean(String text, PersonNames... people) {
    return DEPERSONALISER.depersonalise(text, Arrays.asList(people)).text();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Jordan Blake was arrested.|The suspect was arrested.",
        "I spoke to Blake today.|I spoke to the suspect today.",
        "Jordan was seen leaving.|The suspect was seen leaving.",
        "J Blake was seen leaving.|The suspect was seen leaving.",
        "J. Blake was seen leaving.|The suspect was seen leaving.",
        "J.B. was seen leaving.|The suspect was seen leaving.",
        "J. B. was seen leaving.|The suspect was seen leaving.",
        "JB was seen leaving.|The suspect was seen leaving.",
        "Blake, Jordan was seen leaving.|The suspect was seen leaving.",
        "Blake, J. was seen leaving.|The suspect was seen leaving.",
        "Mr Blake was seen leaving.|The suspect was seen leaving.",
        "Mr. J. Blake was seen leaving.|The suspect was seen leaving.",
        "We spoke to Blake's mother.|We spoke to the suspect's mother.",
        "We spoke to Blake’s mother.|We spoke to the suspect’s mother.",
        "JORDAN BLAKE WAS SEEN.|The suspect WAS SEEN.",
        "later, jordan blake was seen.|later, the suspect was seen.",
        "We visited the Blake family.|We visited the suspect family.",
        "The Blakes were not at home.|The suspect were not at home.",
        "He posts as JordanBlake and jblake online.|He posts as the suspect and the suspect online.",
        "Officers spoke to Blake. Blake said nothing.|Officers spoke to the suspect. The suspect said"
            + " nothing."
      })
  void everyFormOfASuspectsNameBecomesTheSuspect(String text, String expected) {
    assertThat(DEPERSONALISER.depersonalise(text, BLAKE).text()).isEqualTo(expected);
  }

  @Test
  void aWitnessBecomesAWitness() {
    assertThat(clean("Sam Taylor saw it happen.", PersonNames.witness("Sam Taylor")))
        .isEqualTo("A witness saw it happen.");
    assertThat(clean("We took a statement from Taylor.", PersonNames.witness("Sam Taylor")))
        .isEqualTo("We took a statement from a witness.");
    assertThat(clean("We spoke to a Taylor.", PersonNames.witness("Sam Taylor")))
        .as("no doubled article")
        .isEqualTo("We spoke to a witness.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Blakeney is a village in Norfolk.",
        "Jordanstown and Blakenall Heath are places.",
        "The suspect was seen near the canal.",
        "A black car drove past at speed."
      })
  void wordsThatOnlyContainANameAreKept(String text) {
    assertThat(DEPERSONALISER.depersonalise(text, BLAKE).text())
        .as("whole words only")
        .isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Siobhan O'Neill gave a statement.|A witness gave a statement.",
        "O’Neill gave a statement.|A witness gave a statement.",
        "o'neill gave a statement.|A witness gave a statement.",
        "ONeill gave a statement.|A witness gave a statement.",
        "We spoke to O'Neill's brother.|We spoke to a witness's brother.",
        "Zoë Smith-Jones gave a statement.|A witness gave a statement.",
        "Zoe Smith Jones gave a statement.|A witness gave a statement.",
        "ZOË SMITH–JONES gave a statement.|A witness gave a statement.",
        "Jones gave a statement.|A witness gave a statement.",
        "SmithJones gave a statement.|A witness gave a statement.",
        "We spoke to Zoë.|We spoke to a witness."
      })
  void apostrophesHyphensAndAccentsDoNotHideAName(String text, String expected) {
    assertThat(
            clean(
                text,
                PersonNames.witness("Siobhan O'Neill"),
                PersonNames.witness("Zoë Smith-Jones")))
        .isEqualTo(expected);
  }

  @Test
  void accentsAreIgnoredBothWays() {
    assertThat(clean("José Álvarez was arrested.", PersonNames.suspect("Jose Alvarez")))
        .isEqualTo("The suspect was arrested.");
    assertThat(clean("JOSE ALVAREZ was arrested.", PersonNames.suspect("José Álvarez")))
        .isEqualTo("The suspect was arrested.");
    assertThat(clean("Łukasz Wiśniewski was arrested.", PersonNames.suspect("Lukasz Wisniewski")))
        .isEqualTo("The suspect was arrested.");
  }

  @Test
  void particlesGoWithTheNameButStayInOrdinaryText() {
    PersonNames beethoven = PersonNames.suspect("Ludwig van Beethoven");
    assertThat(clean("He drove a van. Later van Beethoven was arrested.", beethoven))
        .isEqualTo("He drove a van. Later the suspect was arrested.");
    assertThat(clean("Dafydd ap Gwilym was interviewed.", PersonNames.suspect("Dafydd ap Gwilym")))
        .isEqualTo("The suspect was interviewed.");
  }

  @Test
  void aGivenNameThatLooksLikeAParticleIsStillAName() {
    assertThat(clean("Al said he was at home.", PersonNames.suspect("Al Smith")))
        .isEqualTo("The suspect said he was at home.");
  }

  @Test
  void aTitleIsTakenWithTheNameAndAFamilyNameThatIsATitleIsStillAName() {
    assertThat(clean("Mrs Lord was at home.", PersonNames.witness("Ann Lord")))
        .isEqualTo("A witness was at home.");
    assertThat(clean("Mr Jordan came to the station.", PersonNames.suspect("Mr Jordan Blake")))
        .isEqualTo("The suspect came to the station.");
  }

  @Test
  void commonAbbreviationsAreNotTakenForInitials() {
    String text = "At 10 a.m., i.e. before work, we checked the U.K. database, e.g. the PNC.";
    assertThat(
            clean(
                text,
                PersonNames.suspect("Alice Morgan"),
                PersonNames.suspect("Ian Evans"),
                PersonNames.suspect("Ursula King"),
                PersonNames.suspect("Emma Green")))
        .isEqualTo(text);
  }

  @Test
  void aPronounIsNotTakenForAnInitial() {
    assertThat(clean("I told Blake to leave.", PersonNames.suspect("Ian Blake")))
        .isEqualTo("I told the suspect to leave.");
  }

  @Test
  void aFullStopAfterAnInitialStaysWhenTheSentenceEnds() {
    assertThat(clean("We spoke to Blake, J. Then we left.", BLAKE.get(0)))
        .isEqualTo("We spoke to the suspect. Then we left.");
  }

  @Test
  void aNameSharedByASuspectAndAWitnessGoesEitherWay() {
    Depersonalised result =
        DEPERSONALISER.depersonalise(
            "Blake was there.",
            List.of(PersonNames.suspect("Jordan Blake"), PersonNames.witness("Chris Blake")));
    assertThat(result.text()).as("the first listed wins a tie").isEqualTo("The suspect was there.");
    assertThat(
            DEPERSONALISER
                .depersonalise(
                    "Chris Blake was there.",
                    List.of(
                        PersonNames.suspect("Jordan Blake"), PersonNames.witness("Chris Blake")))
                .text())
        .as("the longer match decides")
        .isEqualTo("A witness was there.");
  }

  @Test
  void placeholderNamesFromRecordsSystemsAreNotTreatedAsNames() {
    String text = "An unknown male was seen. The person is not known to us.";
    assertThat(clean(text, PersonNames.suspect("Unknown Male", "Not Known", "N/A")))
        .isEqualTo(text);
  }

  @Test
  void withoutNamesNamesAreLeftAlone() {
    assertThat(DEPERSONALISER.depersonalise("Jordan Blake was arrested.").text())
        .isEqualTo("Jordan Blake was arrested.");
    assertThat(DEPERSONALISER.depersonalise("Jordan Blake was arrested.", null).text())
        .isEqualTo("Jordan Blake was arrested.");
    assertThat(
            DEPERSONALISER
                .depersonalise(
                    "Jordan Blake was arrested.",
                    Arrays.asList(null, PersonNames.suspect((String[]) null)))
                .text())
        .isEqualTo("Jordan Blake was arrested.");
  }

  @Test
  void replacementsPointAtTheReplacementWordsInTheOutput() {
    Depersonalised result =
        DEPERSONALISER.depersonalise(
            "Jordan Blake called Sam Taylor. Blake's car.",
            List.of(PersonNames.suspect("Jordan Blake"), PersonNames.witness("Sam Taylor")));
    assertThat(result.text()).isEqualTo("The suspect called a witness. The suspect's car.");
    assertThat(result.replacements())
        .extracting(Replacement::category)
        .containsExactly(
            ReplacementCategory.SUSPECT_NAME,
            ReplacementCategory.WITNESS_NAME,
            ReplacementCategory.SUSPECT_NAME);
    assertThat(result.replacements())
        .extracting(result::textOf)
        .containsExactly("The suspect", "a witness", "The suspect's");
  }

  @Test
  void namesNeverAppearInToString() {
    PersonNames people = PersonNames.suspect("Jordan Blake", "J. Blake");
    Depersonalised result =
        DEPERSONALISER.depersonalise("Jordan Blake was arrested.", List.of(people));
    assertThat(people.toString()).doesNotContain("Jordan").doesNotContain("Blake").contains("2");
    assertThat(result.toString())
        .doesNotContain("Jordan")
        .doesNotContain("Blake")
        .doesNotContain("arrested")
        .contains("SUSPECT_NAME");
  }

  @Test
  void personNamesDropsBlankAndRepeatedNames() {
    assertThat(
            new PersonNames(
                    PersonNames.Role.WITNESS, Arrays.asList(" Sam Taylor ", null, "", "Sam Taylor"))
                .names())
        .containsExactly("Sam Taylor");
  }
}
