package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DepersonaliserDetailsTest {
  /** 10 April 2026: dates of birth are years 1900 to 2016. */
  private static final Depersonaliser DEPERSONALISER =
      Depersonaliser.create(Clock.fixed(Instant.parse("2026-04-10T10:00:00Z"), ZoneOffset.UTC));

  private static String clean(String text) {
    return DEPERSONALISER.depersonalise(text).text();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "+44 7700 900123",
        "+447700900123",
        "0044 7700 900123",
        "0117 496 0000",
        "01174960000",
        "(0117) 4960000",
        "(0117) 496 0000",
        "020 7946 0958",
        "020-7946-0958",
        "+44 (0)20 7946 0958",
        "+44(0)2079460958",
        "(+44) 20 7946 0958",
        "0117.496.0000",
        "0 7 7 0 0 9 0 0 1 2 3",
        "+1 202 555 0143",
        "+353 1 234 5678",
        "7700900123",
        "447700900123"
      })
  void phoneNumbersInEveryCommonFormatAreReplaced(String number) {
    assertThat(clean("Call me on " + number + " after six."))
        .isEqualTo("Call me on [phone number] after six.");
  }

  @Test
  void aPhoneNumberAtTheEndOfASentenceKeepsTheFullStop() {
    assertThat(clean("His number is 07700 900123. He did not answer."))
        .isEqualTo("His number is [phone number]. He did not answer.");
    assertThat(clean("Tel:07700900123")).isEqualTo("Tel:[phone number]");
    assertThat(clean("A witness (07812 345678) called."))
        .isEqualTo("A witness ([phone number]) called.");
    assertThat(clean("A witness (tel. 07812 345678) called."))
        .isEqualTo("A witness (tel. [phone number]) called.");
    assertThat(clean("tel07700900123")).isEqualTo("tel[phone number]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Call 101, or 999 in an emergency.",
        "Your crime reference is 43/123456/26.",
        "The damage cost £1,250 to repair; 3 windows and 2 doors.",
        "Sort code 12-34-56.",
        "The hearing is on 16/04/2026 at 10.30.",
        "Reports from 2019 2020 2021 were checked.",
        "The IMEI is 354678091234567.",
        "Crime 9ed386393b0f7a13652394e2d95bf8e8df16cf9795888e8f541c344e75131727."
      })
  void otherNumbersAreKept(String text) {
    assertThat(clean(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jordan.blake@example.com",
        "J.Blake+tips@mail.example.co.uk",
        "o'neill@example.org",
        "blake_99@sub-domain.example.com"
      })
  void emailAddressesAreReplaced(String email) {
    assertThat(clean("Write to " + email + ". Thanks"))
        .isEqualTo("Write to [email address]. Thanks");
  }

  @Test
  void anAtSignAloneIsNotAnEmailAddress() {
    String text = "Meet @ 10 at the station; follow @AvonSomersetPolice; me@home.";
    assertThat(clean(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "He lives at 1 High Street, Bristol BS7 8AA.|He lives at 1 High Street, Bristol [postcode].",
        "Address: SW1A 1AA|Address: [postcode]",
        "postcode bs78aa|postcode [postcode]",
        "postcode: bs7 8aa|postcode: [postcode]",
        "M1 1AE was the postcode.|[postcode] was the postcode.",
        "EC1A 1BB, CF10 1EP and GIR 0AA|[postcode], [postcode] and [postcode]",
        "He lives in BS7 now.|He lives in [postcode] now.",
        "Her postcode is M25.|Her postcode is [postcode].",
        "Postcode: e17|Postcode: [postcode]"
      })
  void postcodesAreReplaced(String text, String expected) {
    assertThat(clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He drove north on the A1 and joined the M25 at junction 21.",
        "Levels of CO2 were high; he sprayed WD40 on the lock.",
        "The iPhone SE2 is rated IP68, with 4GB and a PS4 1TB.",
        "Room B12 3rd floor.",
        "Take the B4 bus or the E1 route.",
        "Flat 2, 10 Downing Street."
      })
  void textThatOnlyLooksLikeAPostcodeIsKept(String text) {
    assertThat(clean(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AB12 CDE", "AB12CDE", "ab12 cde", "A123 BCD", "A1 BCD", "ABC 123D", "ABC123D"})
  void vehicleRegistrationsAreReplaced(String registration) {
    assertThat(clean("A car, " + registration + ", was seen."))
        .isEqualTo("A car, [vehicle registration], was seen.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "THE SUSPECT WAS SEEN ON THE A1 AND M4 NEAR JCT 12.",
        "A silver BMW 320D was taken.",
        "He lives at APT 3B.",
        "A Covid19 test was done; the MP3 player was taken.",
        "It was stolen in 2024 and found on the A38 SOUTHBOUND."
      })
  void textThatOnlyLooksLikeARegistrationIsKept(String text) {
    assertThat(clean(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"QQ 12 34 56 C", "QQ123456C", "qq123456c", "QQ-12-34-56-C", "AB 12 34 56"})
  void nationalInsuranceNumbersAreReplaced(String number) {
    assertThat(clean("NI number " + number + " was given."))
        .isEqualTo("NI number [National Insurance number] was given.");
  }

  @Test
  void twoLowerCaseLettersAndSixDigitsAreNotANationalInsuranceNumber() {
    assertThat(clean("Seen on 12 34 56 times")).isEqualTo("Seen on 12 34 56 times");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DOB 12/03/1990|DOB [date of birth]",
        "D.O.B.: 1 Jan 2001|D.O.B.: [date of birth]",
        "date of birth 16th April 2019|date of birth [date of birth]",
        "He was born on 3 March 2020.|He was born on [date of birth].",
        "born 1985|born [date of birth]",
        "born in 1985|born in [date of birth]",
        "DOB 04/1985|DOB [date of birth]",
        "DOB April 1985|DOB [date of birth]",
        "Her birthday is 16 April.|Her birthday is [date of birth].",
        "DOB 16/04/26|DOB [date of birth]",
        "DOB: 16 April 26|DOB: [date of birth]",
        "Seen with a man (3 March 1978).|Seen with a man ([date of birth]).",
        "Record 1978-03-03 found.|Record [date of birth] found.",
        "Record March 3, 1978 found.|Record [date of birth] found.",
        "Record 03/03/78 found.|Record [date of birth] found.",
        "Record 3.3.1978 found.|Record [date of birth] found.",
        "Record 16-Apr-1985 found.|Record [date of birth] found.",
        "Record Tuesday 16 April 1985 found.|Record [date of birth] found.",
        "dyddiad geni 16 Ebrill 1985|dyddiad geni [date of birth]",
        "Ganwyd ar 2 Mai 1990.|Ganwyd ar [date of birth].",
        "Record 31 December 2016 found.|Record [date of birth] found.",
        "Record 1 January 1900 found.|Record [date of birth] found."
      })
  void datesOfBirthAreReplaced(String text, String expected) {
    assertThat(clean(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The hearing is on 16/04/2026 at Bristol Crown Court.",
        "The hearing is on Thursday 16 April 2026.",
        "It happened on 1 May 2020 and again on 2017-06-01.",
        "The offence happened in 2019.",
        "We will call you on 16 April.",
        "On 16 April 12 people were spoken to.",
        "The building dates from 31 December 1899.",
        "He is 34 years old and was born in Bristol in 1980."
      })
  void otherDatesAreKept(String text) {
    assertThat(clean(text)).isEqualTo(text);
  }

  @Test
  void whatCountsAsABirthYearMovesWithTheClock() {
    String text = "It happened on 1 May 2020.";
    Depersonaliser in2031 =
        Depersonaliser.create(Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC));
    assertThat(DEPERSONALISER.depersonalise(text).text()).isEqualTo(text);
    assertThat(in2031.depersonalise(text).text()).isEqualTo("It happened on [date of birth].");
  }

  @Test
  void everyKindIsReportedWithItsSpan() {
    Depersonalised result =
        DEPERSONALISER.depersonalise(
            "Ring 07700 900123 or mail a@example.org; BS7 8AA; AB12 CDE; QQ 12 34 56 C; DOB"
                + " 1/2/1990.");
    assertThat(result.text())
        .isEqualTo(
            "Ring [phone number] or mail [email address]; [postcode]; [vehicle registration];"
                + " [National Insurance number]; DOB [date of birth].");
    assertThat(result.replacements())
        .extracting(Replacement::category)
        .containsExactly(
            ReplacementCategory.PHONE,
            ReplacementCategory.EMAIL,
            ReplacementCategory.POSTCODE,
            ReplacementCategory.VEHICLE_REGISTRATION,
            ReplacementCategory.NI_NUMBER,
            ReplacementCategory.DATE_OF_BIRTH);
    for (Replacement r : result.replacements()) {
      assertThat(result.textOf(r)).isEqualTo(r.category().replacementText());
    }
  }

  @Test
  void theReadmeExampleHolds() {
    Depersonalised out =
        DEPERSONALISER.depersonalise(
            "Jordan Blake (DOB 12/03/1990, 07700 900123) was seen by O'Neill near BS7 8AA.",
            java.util.List.of(
                PersonNames.suspect("Jordan Blake", "J. Blake"),
                PersonNames.witness("Siobhan O'Neill")));
    assertThat(out.text())
        .isEqualTo(
            "The suspect (DOB [date of birth], [phone number]) was seen by a witness near"
                + " [postcode].");
    assertThat(out.toString())
        .isEqualTo(
            "Depersonalised[length=88, replacements=[SUSPECT_NAME@0-11, DATE_OF_BIRTH@17-32,"
                + " PHONE@34-48, WITNESS_NAME@62-71, POSTCODE@77-87]]");
  }

  @Test
  void anEmailAddressThatContainsANameIsOneReplacement() {
    Depersonalised result =
        DEPERSONALISER.depersonalise(
            "Email jordan.blake@example.com today.",
            java.util.List.of(PersonNames.suspect("Jordan Blake")));
    assertThat(result.text()).isEqualTo("Email [email address] today.");
    assertThat(result.replacements())
        .singleElement()
        .extracting(Replacement::category)
        .isEqualTo(ReplacementCategory.EMAIL);
  }
}
