package org.trackmycrime.core.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.BailChange;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.ReleaseType;

/**
 * The words a victim reads on their timeline, one method per kind of entry, in English and Welsh.
 * Plain words; terms such as "released under investigation" are explained. No method takes a
 * suspect's or witness's name, and free text passed in (conditions, reasons, descriptions, an
 * officer's update) must already have been through {@link Depersonaliser}.
 *
 * <p>Paragraphs are separated by a blank line ({@code "\n\n"}); free text passed in follows its
 * heading on the next line ({@code "Bail conditions:\n…"}). Optional arguments may be null or
 * blank; a missing required argument throws {@link org.trackmycrime.core.ValidationException}
 * naming it.
 */
public final class VictimTexts {
  private static final String[] DAYS_EN = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final String[] DAYS_CY = {
    "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn", "Dydd Sul"
  };
  private static final String[] MONTHS_EN = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] MONTHS_CY = {
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr"
  };

  private static final String BREACH_EN =
      "If you think a bail condition has been broken, call 999 if you are in danger, or 101"
          + " otherwise.";
  private static final String BREACH_CY =
      "Os ydych chi'n credu bod amod mechnïaeth wedi'i dorri, ffoniwch 999 os ydych chi mewn"
          + " perygl, neu 101 fel arall.";

  /** data.police.uk crime types (label or slug) → "your report of …" in English and Welsh. */
  private static final Map<String, LocalizedText> CRIME_TYPES =
      Map.ofEntries(
          Map.entry(
              "anti social behaviour", of("anti-social behaviour", "ymddygiad gwrthgymdeithasol")),
          Map.entry("bicycle theft", of("a bicycle theft", "ddwyn beic")),
          Map.entry("burglary", of("burglary", "fwrgleriaeth")),
          Map.entry(
              "criminal damage and arson",
              of("criminal damage or arson", "ddifrod troseddol neu losgi bwriadol")),
          Map.entry(
              "criminal damage arson",
              of("criminal damage or arson", "ddifrod troseddol neu losgi bwriadol")),
          Map.entry("drugs", of("a drugs offence", "drosedd cyffuriau")),
          Map.entry("other theft", of("theft", "ddwyn")),
          Map.entry("possession of weapons", of("a weapons offence", "drosedd arfau")),
          Map.entry("public order", of("a public order offence", "drosedd trefn gyhoeddus")),
          Map.entry("robbery", of("robbery", "ladrad")),
          Map.entry("shoplifting", of("shoplifting", "ddwyn o siop")),
          Map.entry("theft from the person", of("theft from the person", "ddwyn oddi ar berson")),
          Map.entry("vehicle crime", of("vehicle crime", "drosedd yn ymwneud â cherbyd")),
          Map.entry(
              "violence and sexual offences",
              of("a violent or sexual offence", "drosedd dreisgar neu rywiol")),
          Map.entry("violent crime", of("a violent crime", "drosedd dreisgar")),
          Map.entry("other crime", of("a crime", "drosedd")));

  private VictimTexts() {}

  /**
   * A report was recorded as a crime. The crime reference is not repeated: the page shows it.
   *
   * @param offenceCategory a data.police.uk crime type ("Burglary", "vehicle-crime") or the force's
   *     own category, shown as given; may be null
   */
  public static LocalizedText crimeRecorded(String offenceCategory) {
    String category = present(offenceCategory);
    LocalizedText known = category == null ? null : CRIME_TYPES.get(categoryKey(category));
    String en;
    String cy;
    if (known != null) {
      en = "Your report of " + known.en() + " has been recorded.";
      cy = "Mae eich adroddiad am " + known.cy() + " wedi cael ei gofnodi.";
    } else if (category != null) {
      en = "Your report has been recorded. Type of crime: " + category + ".";
      cy = "Mae eich adroddiad wedi cael ei gofnodi. Math o drosedd: " + category + ".";
    } else {
      en = "Your report has been recorded.";
      cy = "Mae eich adroddiad wedi cael ei gofnodi.";
    }
    return text(
        paragraphs(en, "We will keep you updated here about what happens next."),
        paragraphs(
            cy, "Byddwn yn rhoi'r wybodaeth ddiweddaraf i chi yma am beth sy'n digwydd nesaf."));
  }

  /**
   * An officer now leads the investigation.
   *
   * @param displayName how the officer is known to the victim ("PC 1234 Sam Taylor"); required
   * @param rank for example "Detective Constable"; left out when null or already in the name
   * @param unit for example "Burglary Team"; may be null
   */
  public static LocalizedText officerAssigned(String displayName, String rank, String unit) {
    new Checks().text("displayName", displayName, 200).throwIfAny();
    String name = displayName.strip();
    String r = present(rank);
    String who =
        r == null || name.toLowerCase(Locale.ROOT).startsWith(r.toLowerCase(Locale.ROOT) + " ")
            ? name
            : r + " " + name;
    String u = present(unit);
    String whoWithUnit = u == null ? who : who + " (" + u + ")";
    return text(
        "The officer in charge of your case is now "
            + whoWithUnit
            + ". They will keep you updated here.",
        "Y swyddog sy'n gyfrifol am eich achos bellach yw "
            + whoWithUnit
            + ". Byddan nhw'n rhoi'r wybodaeth ddiweddaraf i chi yma.");
  }

  /** The police have identified a suspect. */
  public static LocalizedText suspectIdentified() {
    return text(
        "The police have identified a suspect: a person they believe may have been involved in"
            + " the crime. This does not mean that the person has been arrested or charged. We"
            + " will tell you about any important decisions.",
        "Mae'r heddlu wedi nodi un a ddrwgdybir: rhywun y maen nhw'n credu y gallai fod yn"
            + " gysylltiedig â'r drosedd. Nid yw hyn yn golygu bod y person wedi cael ei arestio"
            + " na'i gyhuddo. Byddwn yn rhoi gwybod i chi am unrhyw benderfyniadau pwysig.");
  }

  /** The police have identified a witness. */
  public static LocalizedText witnessIdentified() {
    return text(
        "The police have identified a witness: someone who may be able to give information about"
            + " what happened.",
        "Mae'r heddlu wedi nodi tyst: rhywun a allai roi gwybodaeth am yr hyn a ddigwyddodd.");
  }

  /** A suspect was arrested. */
  public static LocalizedText suspectArrested() {
    return text(
        "A suspect has been arrested. This means the police have detained them so that they can"
            + " be questioned about the crime. It does not yet mean that they will be charged. We"
            + " will tell you what happens next.",
        "Mae un a ddrwgdybir wedi cael ei arestio. Mae hyn yn golygu bod yr heddlu wedi'i gadw"
            + " yn y ddalfa er mwyn ei holi am y drosedd. Nid yw'n golygu eto y bydd yn cael ei"
            + " gyhuddo. Byddwn yn rhoi gwybod i chi beth fydd yn digwydd nesaf.");
  }

  /** A suspect was interviewed under caution. */
  public static LocalizedText suspectInterviewed() {
    return text(
        "The police have interviewed a suspect under caution. This is a formal, recorded"
            + " interview: the suspect is told their rights, and that what they say may be used"
            + " as evidence in court. It does not mean that they will be charged.",
        "Mae'r heddlu wedi cyfweld ag un a ddrwgdybir dan rybudd. Cyfweliad ffurfiol sy'n cael ei"
            + " recordio yw hwn: mae'r un a ddrwgdybir yn cael gwybod beth yw ei hawliau, a bod"
            + " modd defnyddio'r hyn y mae'n ei ddweud fel tystiolaeth yn y llys. Nid yw'n golygu"
            + " y bydd yn cael ei gyhuddo.");
  }

  /**
   * A suspect was released from custody.
   *
   * @param type how they were released; required
   * @param conditions bail conditions that concern the victim, already depersonalised; may be null
   */
  public static LocalizedText suspectReleased(ReleaseType type, String conditions) {
    new Checks().notNull("type", type).throwIfAny();
    String c = present(conditions);
    return switch (type) {
      case BAIL ->
          text(
              paragraphs(
                  "The suspect has been released on bail. This means they have been let go while"
                      + " the investigation or court case continues, and they must come back to"
                      + " the police station or go to court on a set date. They may have to keep"
                      + " to conditions, such as not contacting you.",
                  block("Bail conditions:", c),
                  c == null ? null : BREACH_EN),
              paragraphs(
                  "Mae'r un a ddrwgdybir wedi cael ei ryddhau ar fechnïaeth. Mae hyn yn golygu ei"
                      + " fod wedi cael ei ollwng yn rhydd tra bod yr ymchwiliad neu'r achos llys"
                      + " yn parhau, a rhaid iddo ddod yn ôl i orsaf yr heddlu neu fynd i'r llys ar"
                      + " ddyddiad penodol. Efallai y bydd rhaid iddo gadw at amodau, fel peidio â"
                      + " chysylltu â chi.",
                  block("Amodau mechnïaeth:", c),
                  c == null ? null : BREACH_CY));
      case UNDER_INVESTIGATION ->
          text(
              paragraphs(
                  "The suspect has been released under investigation. This means they have been"
                      + " released without bail while the police continue their enquiries. There"
                      + " are no bail conditions, but the investigation is still going on and they"
                      + " could still be charged.",
                  block("Conditions:", c)),
              paragraphs(
                  "Mae'r un a ddrwgdybir wedi cael ei ryddhau dan ymchwiliad. Mae hyn yn golygu ei"
                      + " fod wedi cael ei ryddhau heb fechnïaeth tra bod yr heddlu'n parhau â'u"
                      + " hymholiadau. Nid oes amodau mechnïaeth, ond mae'r ymchwiliad yn dal i"
                      + " fynd yn ei flaen a gallai gael ei gyhuddo o hyd.",
                  block("Amodau:", c)));
      case NO_FURTHER_ACTION ->
          text(
              paragraphs(
                  "The suspect has been released with no further action. This means the police"
                      + " have decided not to take any further action against them for this crime,"
                      + " for example because there is not enough evidence. If new evidence comes"
                      + " to light, the decision can be looked at again.",
                  "If you disagree with the decision, you may be able to ask for it to be reviewed"
                      + " under the Victims' Right to Review scheme. Your officer can tell you"
                      + " how.",
                  block("Conditions:", c)),
              paragraphs(
                  "Mae'r un a ddrwgdybir wedi cael ei ryddhau heb gamau pellach. Mae hyn yn golygu"
                      + " bod yr heddlu wedi penderfynu peidio â chymryd unrhyw gamau pellach yn ei"
                      + " erbyn am y drosedd hon, er enghraifft am nad oes digon o dystiolaeth. Os"
                      + " daw tystiolaeth newydd i'r amlwg, gellir edrych ar y penderfyniad eto.",
                  "Os ydych chi'n anghytuno â'r penderfyniad, efallai y gallwch ofyn iddo gael ei"
                      + " adolygu o dan y cynllun Hawl Dioddefwyr i Adolygiad (Victims' Right to"
                      + " Review). Gall eich swyddog ddweud wrthych sut.",
                  block("Amodau:", c)));
    };
  }

  /**
   * A suspect's bail was changed or cancelled.
   *
   * @param change what changed; required
   * @param conditions the bail conditions now in force, already depersonalised; may be null
   */
  public static LocalizedText bailChanged(BailChange change, String conditions) {
    new Checks().notNull("change", change).throwIfAny();
    String c = present(conditions);
    return switch (change) {
      case VARIED ->
          text(
              paragraphs(
                  "The suspect's bail conditions have been changed.",
                  block("New bail conditions:", c),
                  c == null ? null : BREACH_EN),
              paragraphs(
                  "Mae amodau mechnïaeth yr un a ddrwgdybir wedi newid.",
                  block("Amodau mechnïaeth newydd:", c),
                  c == null ? null : BREACH_CY));
      case CANCELLED ->
          text(
              paragraphs(
                  "The suspect's bail has been cancelled. This means they are no longer on bail"
                      + " and their bail conditions no longer apply. Your officer will tell you"
                      + " what happens next.",
                  block("Conditions:", c)),
              paragraphs(
                  "Mae mechnïaeth yr un a ddrwgdybir wedi'i chanslo. Mae hyn yn golygu nad yw ar"
                      + " fechnïaeth mwyach ac nad yw ei amodau mechnïaeth yn berthnasol bellach."
                      + " Bydd eich swyddog yn dweud wrthych beth fydd yn digwydd nesaf.",
                  block("Amodau:", c)));
    };
  }

  /**
   * A suspect was charged.
   *
   * @param charges the charge wording, already depersonalised; may be null or empty
   * @param hearingDate the first hearing; may be null
   * @param court where the first hearing is; may be null
   */
  public static LocalizedText suspectCharged(
      List<String> charges, LocalDate hearingDate, String court) {
    List<String> list = new ArrayList<>();
    if (charges != null) {
      charges.stream().map(VictimTexts::present).filter(Objects::nonNull).forEach(list::add);
    }
    String chargeLines = list.isEmpty() ? null : String.join("\n", list);
    String where = present(court);
    String hearingEn;
    String hearingCy;
    if (hearingDate != null && where != null) {
      hearingEn =
          "The first court hearing will be on "
              + formatDate(hearingDate, Language.EN)
              + " at "
              + where
              + ".";
      hearingCy =
          "Dyddiad y gwrandawiad cyntaf yn y llys: "
              + formatDate(hearingDate, Language.CY)
              + ". Llys: "
              + where
              + ".";
    } else if (hearingDate != null) {
      hearingEn =
          "The first court hearing will be on " + formatDate(hearingDate, Language.EN) + ".";
      hearingCy =
          "Dyddiad y gwrandawiad cyntaf yn y llys: " + formatDate(hearingDate, Language.CY) + ".";
    } else if (where != null) {
      hearingEn = "The first court hearing will be at " + where + ". We will tell you the date.";
      hearingCy =
          "Llys y gwrandawiad cyntaf: " + where + ". Byddwn yn dweud wrthych beth yw'r dyddiad.";
    } else {
      hearingEn = "We will tell you when and where the first court hearing will be.";
      hearingCy = "Byddwn yn dweud wrthych pryd a ble bydd y gwrandawiad cyntaf yn y llys.";
    }
    return text(
        paragraphs(
            "A suspect has been charged. This means they are formally accused of a crime and the"
                + " case will now go to court, where the court will decide whether they are"
                + " guilty.",
            block(list.size() == 1 ? "Charge:" : "Charges:", chargeLines),
            hearingEn,
            "If you are needed as a witness, the Witness Care Unit will contact you and support"
                + " you."),
        paragraphs(
            "Mae un a ddrwgdybir wedi cael ei gyhuddo. Mae hyn yn golygu ei fod wedi'i gyhuddo'n"
                + " ffurfiol o drosedd a bydd yr achos nawr yn mynd i'r llys, lle bydd y llys yn"
                + " penderfynu a yw'n euog.",
            block(list.size() == 1 ? "Cyhuddiad:" : "Cyhuddiadau:", chargeLines),
            hearingCy,
            "Os bydd angen i chi fod yn dyst, bydd yr Uned Gofal Tystion yn cysylltu â chi ac yn"
                + " eich cefnogi."));
  }

  /**
   * The police decided not to investigate the crime further.
   *
   * @param reason why, already depersonalised; may be null
   */
  public static LocalizedText notInvestigated(String reason) {
    String r = present(reason);
    return text(
        paragraphs(
            "The police have decided not to investigate this crime any further for now.",
            block("The reason:", r),
            "If you have new information, please tell us: the decision can be looked at again."),
        paragraphs(
            "Mae'r heddlu wedi penderfynu peidio ag ymchwilio ymhellach i'r drosedd hon am y tro.",
            block("Y rheswm:", r),
            "Os oes gennych wybodaeth newydd, rhowch wybod i ni: gellir edrych ar y penderfyniad"
                + " eto."));
  }

  /**
   * An item of the victim's property was recorded or changed status.
   *
   * @param description the item, already depersonalised; required
   * @param status what happened to it; required
   */
  public static LocalizedText propertyRecorded(String description, PropertyStatus status) {
    new Checks().text("description", description, 4000).notNull("status", status).throwIfAny();
    String d = description.strip();
    return switch (status) {
      case STOLEN ->
          text(
              block("We have recorded that this item was stolen:", d),
              block("Rydym wedi cofnodi bod yr eitem hon wedi cael ei dwyn:", d));
      case DAMAGED ->
          text(
              block("We have recorded that this item was damaged:", d),
              block("Rydym wedi cofnodi bod yr eitem hon wedi cael ei difrodi:", d));
      case RECOVERED ->
          text(
              paragraphs(
                  block("The police have found this item:", d),
                  "It may need to be kept as evidence for a while. Your officer will tell you when"
                      + " and how you can get it back."),
              paragraphs(
                  block("Mae'r heddlu wedi dod o hyd i'r eitem hon:", d),
                  "Efallai y bydd angen ei chadw fel tystiolaeth am gyfnod. Bydd eich swyddog yn"
                      + " dweud wrthych pryd a sut y gallwch ei chael yn ôl."));
      case RETURNED ->
          text(
              block("This item has been returned:", d),
              block("Mae'r eitem hon wedi cael ei dychwelyd:", d));
    };
  }

  /**
   * An officer's own update, already depersonalised, shown as written in both languages.
   *
   * @param text required
   */
  public static LocalizedText officerUpdate(String text) {
    new Checks().text("text", text, LocalizedText.MAX_LENGTH).throwIfAny();
    return LocalizedText.same(text.strip());
  }

  /**
   * The outcome of the investigation or the case.
   *
   * @param label a data.police.uk outcome category, explained by {@link OutcomeExplanations}, or
   *     the force's own wording, shown as given; required
   * @param finalised whether this is the final outcome
   * @param text more from the police, already depersonalised; may be null
   */
  public static LocalizedText outcome(String label, boolean finalised, String text) {
    new Checks().text("label", label, 200).throwIfAny();
    Optional<LocalizedText> name = OutcomeExplanations.label(label);
    Optional<LocalizedText> explanation = OutcomeExplanations.explain(label);
    String given = label.strip();
    String note = present(text);
    return text(
        paragraphs(
            "Outcome: " + name.map(LocalizedText::en).orElse(given),
            explanation.map(LocalizedText::en).orElse(null),
            finalised
                ? "This is the final outcome."
                : "This outcome is not final and may change. We will tell you if it does.",
            block("Note from the police:", note)),
        paragraphs(
            "Canlyniad: " + name.map(LocalizedText::cy).orElse(given),
            explanation.map(LocalizedText::cy).orElse(null),
            finalised
                ? "Dyma'r canlyniad terfynol."
                : "Nid yw'r canlyniad hwn yn derfynol a gallai newid. Byddwn yn rhoi gwybod i chi"
                    + " os bydd yn newid.",
            block("Nodyn gan yr heddlu:", note)));
  }

  /**
   * The case was closed: regular updates stop.
   *
   * @param reason why, already depersonalised; may be null
   */
  public static LocalizedText caseClosed(String reason) {
    String r = present(reason);
    return text(
        paragraphs(
            "Your case has been closed. This means you will no longer receive regular updates"
                + " about it.",
            block("The reason:", r),
            "If you have new information or questions, you can still contact us. The case can be"
                + " reopened if new information comes to light."),
        paragraphs(
            "Mae eich achos wedi cael ei gau. Mae hyn yn golygu na fyddwch yn cael diweddariadau"
                + " rheolaidd amdano mwyach.",
            block("Y rheswm:", r),
            "Os oes gennych wybodaeth newydd neu gwestiynau, gallwch gysylltu â ni o hyd. Gellir"
                + " ailagor yr achos os daw gwybodaeth newydd i'r amlwg."));
  }

  /**
   * The case was reopened: regular updates restart.
   *
   * @param reason why, already depersonalised; may be null
   */
  public static LocalizedText caseReopened(String reason) {
    String r = present(reason);
    return text(
        paragraphs(
            "Your case has been reopened. This means the police are looking at it again, and"
                + " regular updates will restart.",
            block("The reason:", r)),
        paragraphs(
            "Mae eich achos wedi cael ei ailagor. Mae hyn yn golygu bod yr heddlu'n edrych arno"
                + " eto, a bydd y diweddariadau rheolaidd yn ailddechrau.",
            block("Y rheswm:", r)));
  }

  /**
   * A date as the victim reads it: "Thursday 16 April 2026", or in Welsh "Dydd Iau 16 Ebrill 2026".
   */
  public static String formatDate(LocalDate date, Language language) {
    Objects.requireNonNull(date, "date");
    boolean welsh = language == Language.CY;
    int day = date.getDayOfWeek().getValue() - 1;
    int month = date.getMonthValue() - 1;
    return (welsh ? DAYS_CY[day] : DAYS_EN[day])
        + " "
        + date.getDayOfMonth()
        + " "
        + (welsh ? MONTHS_CY[month] : MONTHS_EN[month])
        + " "
        + date.getYear();
  }

  private static LocalizedText of(String en, String cy) {
    return new LocalizedText(en, cy);
  }

  private static LocalizedText text(String en, String cy) {
    return new LocalizedText(en, cy);
  }

  private static String categoryKey(String category) {
    return category
        .toLowerCase(Locale.ROOT)
        .replace('-', ' ')
        .replace('_', ' ')
        .replace("&", "and")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The stripped text, or null when null or blank. */
  private static String present(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String block(String heading, String body) {
    return body == null ? null : heading + "\n" + body;
  }

  private static String paragraphs(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      if (part != null) {
        if (b.length() > 0) {
          b.append("\n\n");
        }
        b.append(part);
      }
    }
    return b.toString();
  }
}
