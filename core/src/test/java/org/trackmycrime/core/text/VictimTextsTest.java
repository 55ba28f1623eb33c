package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.BailChange;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.ReleaseType;

class VictimTextsTest {
  private static final LocalDate THURSDAY = LocalDate.of(2026, 4, 16);

  static Stream<Arguments> everyTranslatedText() {
    return Stream.<Supplier<LocalizedText>>of(
            () -> VictimTexts.crimeRecorded("Burglary"),
            () -> VictimTexts.crimeRecorded("Fraud by false representation"),
            () -> VictimTexts.crimeRecorded(null),
            () -> VictimTexts.officerAssigned("Sam Taylor", "DC", "CID"),
            VictimTexts::suspectIdentified,
            VictimTexts::witnessIdentified,
            VictimTexts::suspectArrested,
            VictimTexts::suspectInterviewed,
            () -> VictimTexts.suspectReleased(ReleaseType.BAIL, "Not to contact the victim."),
            () -> VictimTexts.suspectReleased(ReleaseType.UNDER_INVESTIGATION, null),
            () -> VictimTexts.suspectReleased(ReleaseType.NO_FURTHER_ACTION, null),
            () -> VictimTexts.bailChanged(BailChange.VARIED, "Not to enter Bristol."),
            () -> VictimTexts.bailChanged(BailChange.CANCELLED, null),
            () -> VictimTexts.suspectCharged(List.of("Burglary"), THURSDAY, "Bristol Crown Court"),
            () -> VictimTexts.suspectCharged(List.of(), null, null),
            () -> VictimTexts.notInvestigated("No lines of enquiry."),
            () -> VictimTexts.propertyRecorded("A black bicycle", PropertyStatus.STOLEN),
            () -> VictimTexts.outcome("Unable to prosecute suspect", true, null),
            () -> VictimTexts.outcome("Referred to panel", false, "More to follow."),
            () -> VictimTexts.caseClosed("Investigation complete."),
            () -> VictimTexts.caseReopened(null))
        .map(s -> Arguments.of(s.get()));
  }

  @ParameterizedTest
  @MethodSource("everyTranslatedText")
  void everyTextHasEnglishAndADifferentWelsh(LocalizedText text) {
    assertThat(text.en()).isNotBlank();
    assertThat(text.cy()).isNotBlank().isNotEqualTo(text.en());
    assertThat(text.en()).doesNotContain("null").doesNotContain("  ");
    assertThat(text.cy()).doesNotContain("null").doesNotContain("  ");
  }

  @Test
  void aRecordedCrimeNamesItsTypeInPlainWords() {
    LocalizedText burglary = VictimTexts.crimeRecorded("Burglary");
    assertThat(burglary.en()).startsWith("Your report of burglary has been recorded.");
    assertThat(burglary.cy())
        .startsWith("Mae eich adroddiad am fwrgleriaeth wedi cael ei gofnodi.");
    assertThat(VictimTexts.crimeRecorded("vehicle-crime").en())
        .startsWith("Your report of vehicle crime has been recorded.");
    assertThat(VictimTexts.crimeRecorded("VIOLENCE AND SEXUAL OFFENCES").en())
        .startsWith("Your report of a violent or sexual offence has been recorded.");
  }

  @Test
  void aForcesOwnCategoryIsShownAsGiven() {
    LocalizedText text = VictimTexts.crimeRecorded(" Fraud by false representation ");
    assertThat(text.en()).contains("Type of crime: Fraud by false representation.");
    assertThat(text.cy()).contains("Math o drosedd: Fraud by false representation.");
    assertThat(VictimTexts.crimeRecorded("  ").en()).startsWith("Your report has been recorded.");
  }

  @Test
  void theOfficerIsNamedWithRankAndUnitWhenKnown() {
    assertThat(
            VictimTexts.officerAssigned("Sam Taylor", "Detective Constable", "Burglary Team").en())
        .startsWith(
            "The officer in charge of your case is now Detective Constable Sam Taylor (Burglary"
                + " Team).");
    assertThat(VictimTexts.officerAssigned("Sam Taylor", null, null).cy())
        .startsWith("Y swyddog sy'n gyfrifol am eich achos bellach yw Sam Taylor.");
    assertThat(VictimTexts.officerAssigned("PC 1234 Sam Taylor", "PC", " ").en())
        .as("the rank is not repeated")
        .startsWith("The officer in charge of your case is now PC 1234 Sam Taylor.");
  }

  @Test
  void anInterviewUnderCautionIsExplained() {
    LocalizedText text = VictimTexts.suspectInterviewed();
    assertThat(text.en())
        .contains("under caution")
        .contains("formal")
        .contains("evidence in court");
    assertThat(text.cy()).contains("dan rybudd");
  }

  @Test
  void releasedUnderInvestigationIsExplained() {
    LocalizedText text = VictimTexts.suspectReleased(ReleaseType.UNDER_INVESTIGATION, null);
    assertThat(text.en())
        .contains("released under investigation")
        .contains("without bail")
        .contains("continue their enquiries");
    assertThat(text.cy()).contains("dan ymchwiliad").contains("heb fechnïaeth");
  }

  @Test
  void noFurtherActionIsExplained() {
    LocalizedText text = VictimTexts.suspectReleased(ReleaseType.NO_FURTHER_ACTION, " ");
    assertThat(text.en())
        .contains("no further action")
        .contains("decided not to take any further action")
        .contains("Victims' Right to Review")
        .doesNotContain("Conditions:");
    assertThat(text.cy()).contains("heb gamau pellach");
  }

  @Test
  void bailConditionsAreShownInBothLanguagesWithWhatToDoIfBroken() {
    LocalizedText text =
        VictimTexts.suspectReleased(ReleaseType.BAIL, "Not to contact the victim directly.");
    assertThat(text.en())
        .contains("released on bail")
        .contains("Bail conditions:\nNot to contact the victim directly.")
        .contains("999");
    assertThat(text.cy())
        .contains("ar fechnïaeth")
        .contains("Amodau mechnïaeth:\nNot to contact the victim directly.")
        .contains("999");
    assertThat(VictimTexts.suspectReleased(ReleaseType.BAIL, null).en())
        .doesNotContain("Bail conditions:")
        .doesNotContain("999");
  }

  @Test
  void aBailChangeSaysWhatChanged() {
    assertThat(VictimTexts.bailChanged(BailChange.VARIED, "Not to enter Bristol.").en())
        .contains("bail conditions have been changed")
        .contains("New bail conditions:\nNot to enter Bristol.");
    assertThat(VictimTexts.bailChanged(BailChange.CANCELLED, null).en())
        .contains("bail has been cancelled")
        .contains("no longer apply");
  }

  @Test
  void aChargeListsTheChargesAndTheFirstHearing() {
    LocalizedText text =
        VictimTexts.suspectCharged(
            List.of("Burglary of a dwelling", " ", "Criminal damage"),
            THURSDAY,
            "Bristol Magistrates' Court");
    assertThat(text.en())
        .contains("Charges:\nBurglary of a dwelling\nCriminal damage")
        .contains(
            "The first court hearing will be on Thursday 16 April 2026 at Bristol Magistrates'"
                + " Court.");
    assertThat(text.cy())
        .contains("Cyhuddiadau:\nBurglary of a dwelling\nCriminal damage")
        .contains("Dydd Iau 16 Ebrill 2026")
        .contains("Bristol Magistrates' Court");
  }

  @Test
  void aChargeWithoutAHearingSaysWeWillTellYou() {
    LocalizedText text = VictimTexts.suspectCharged(null, null, null);
    assertThat(text.en())
        .contains("We will tell you when and where the first court hearing will be.")
        .doesNotContain("Charge");
    assertThat(VictimTexts.suspectCharged(List.of("Theft"), null, "Cardiff Crown Court").en())
        .contains("Charge:\nTheft")
        .contains("at Cardiff Crown Court. We will tell you the date.");
    assertThat(VictimTexts.suspectCharged(List.of("Theft"), THURSDAY, null).cy())
        .contains("Dyddiad y gwrandawiad cyntaf yn y llys: Dydd Iau 16 Ebrill 2026.");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-04-13, Monday 13 April 2026, Dydd Llun 13 Ebrill 2026",
    "2026-04-16, Thursday 16 April 2026, Dydd Iau 16 Ebrill 2026",
    "2026-01-03, Saturday 3 January 2026, Dydd Sadwrn 3 Ionawr 2026",
    "2026-12-27, Sunday 27 December 2026, Dydd Sul 27 Rhagfyr 2026",
    "2026-06-30, Tuesday 30 June 2026, Dydd Mawrth 30 Mehefin 2026"
  })
  void datesAreWrittenOutInEachLanguage(LocalDate date, String en, String cy) {
    assertThat(VictimTexts.formatDate(date, Language.EN)).isEqualTo(en);
    assertThat(VictimTexts.formatDate(date, Language.CY)).isEqualTo(cy);
  }

  @Test
  void aDecisionNotToInvestigateGivesTheReason() {
    LocalizedText text = VictimTexts.notInvestigated("There is no CCTV and no witness.");
    assertThat(text.en())
        .contains("decided not to investigate")
        .contains("The reason:\nThere is no CCTV and no witness.");
    assertThat(text.cy()).contains("Y rheswm:\nThere is no CCTV and no witness.");
  }

  @ParameterizedTest
  @EnumSource(PropertyStatus.class)
  void propertyShowsTheItemWhateverHappenedToIt(PropertyStatus status) {
    LocalizedText text = VictimTexts.propertyRecorded(" Black Trek bicycle ", status);
    assertThat(text.en()).contains(":\nBlack Trek bicycle");
    assertThat(text.cy()).contains(":\nBlack Trek bicycle").isNotEqualTo(text.en());
  }

  @Test
  void recoveredPropertyExplainsItMayBeKeptAsEvidence() {
    assertThat(VictimTexts.propertyRecorded("A laptop", PropertyStatus.RECOVERED).en())
        .contains("found this item")
        .contains("kept as evidence");
  }

  @Test
  void anOfficersUpdateIsTheSameInBothLanguages() {
    LocalizedText text = VictimTexts.officerUpdate(" We have reviewed the CCTV. ");
    assertThat(text.en()).isEqualTo("We have reviewed the CCTV.");
    assertThat(text.cy()).isEqualTo(text.en());
  }

  @Test
  void aKnownOutcomeIsNamedAndExplained() {
    LocalizedText text =
        VictimTexts.outcome("investigation complete; no suspect identified", true, null);
    assertThat(text.en())
        .startsWith("Outcome: Investigation complete; no suspect identified\n\n")
        .contains("reopened if new information comes to light")
        .contains("This is the final outcome.");
    assertThat(text.cy())
        .startsWith("Canlyniad: Ymchwiliad wedi'i gwblhau; dim un a ddrwgdybir wedi'i nodi\n\n")
        .contains("Dyma'r canlyniad terfynol.");
  }

  @Test
  void anUnknownOutcomeIsShownAsGivenWithAnyNote() {
    LocalizedText text =
        VictimTexts.outcome(" Referred to the scrutiny panel ", false, "More soon.");
    assertThat(text.en())
        .startsWith("Outcome: Referred to the scrutiny panel\n\n")
        .contains("not final")
        .endsWith("Note from the police:\nMore soon.");
    assertThat(text.cy())
        .startsWith("Canlyniad: Referred to the scrutiny panel\n\n")
        .endsWith("Nodyn gan yr heddlu:\nMore soon.");
  }

  @Test
  void closingAndReopeningSayWhatHappensToUpdates() {
    assertThat(VictimTexts.caseClosed(null).en()).contains("no longer receive regular updates");
    assertThat(VictimTexts.caseClosed("All enquiries complete.").en())
        .contains("The reason:\nAll enquiries complete.");
    assertThat(VictimTexts.caseClosed(null).cy()).contains("diweddariadau rheolaidd");
    assertThat(VictimTexts.caseReopened(null).en()).contains("regular updates will restart");
    assertThat(VictimTexts.caseReopened("New evidence.").cy())
        .contains("ailddechrau")
        .contains("Y rheswm:\nNew evidence.");
  }

  @Test
  void missingRequiredArgumentsAreNamed() {
    assertThatThrownBy(() -> VictimTexts.officerAssigned(" ", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("displayName");
    assertThatThrownBy(() -> VictimTexts.suspectReleased(null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> VictimTexts.bailChanged(null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("change");
    assertThatThrownBy(() -> VictimTexts.propertyRecorded(null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("description")
        .hasMessageContaining("status");
    assertThatThrownBy(() -> VictimTexts.officerUpdate(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> VictimTexts.outcome(null, true, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("label");
  }

  @Test
  void textsForTheSuspectNeverNeedAName() {
    for (LocalizedText text :
        List.of(
            VictimTexts.suspectIdentified(),
            VictimTexts.suspectArrested(),
            VictimTexts.suspectInterviewed(),
            VictimTexts.witnessIdentified())) {
      assertThat(text.en()).containsAnyOf("a suspect", "A suspect", "a witness");
    }
  }
}
