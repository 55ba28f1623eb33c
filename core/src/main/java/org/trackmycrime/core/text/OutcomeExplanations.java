package org.trackmycrime.core.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trackmycrime.core.model.LocalizedText;

/**
 * What each data.police.uk outcome category means for the victim, in plain English and Welsh. A
 * records system sends the category label as {@code OUTCOME_RECORDED.outcome} ("Unable to prosecute
 * suspect"); the portal shows the label with this explanation.
 *
 * <p>Matching ignores case, surrounding white space and repeated spaces. Wording that is not a
 * known category (a force's own) gives an empty result, and callers show it as given.
 */
public final class OutcomeExplanations {
  private record Entry(LocalizedText label, LocalizedText explanation) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
  private static final Set<String> LABELS = new LinkedHashSet<>();

  static {
    add(
        "Investigation complete; no suspect identified",
        "Ymchwiliad wedi'i gwblhau; dim un a ddrwgdybir wedi'i nodi",
        "The police have finished investigating your crime but have not been able to find out who"
            + " did it. The case can be reopened if new information comes to light, so please tell"
            + " us if you learn anything new.",
        "Mae'r heddlu wedi gorffen ymchwilio i'ch trosedd, ond nid ydynt wedi gallu darganfod pwy"
            + " oedd yn gyfrifol. Gellir ailagor yr achos os daw gwybodaeth newydd i'r amlwg, felly"
            + " rhowch wybod i ni os byddwch chi'n clywed am unrhyw beth newydd.");
    add(
        "Unable to prosecute suspect",
        "Methu erlyn yr un a ddrwgdybir",
        "A suspect was identified, but the case cannot go to court. This is usually because there"
            + " is not enough evidence, or because the victim or a key witness does not support a"
            + " prosecution. It does not mean that the police did not believe you. The case can be"
            + " looked at again if new evidence comes to light.",
        "Cafodd un a ddrwgdybir ei nodi, ond ni all yr achos fynd i'r llys. Fel arfer, y rheswm am"
            + " hyn yw nad oes digon o dystiolaeth, neu nad yw'r dioddefwr neu dyst allweddol yn"
            + " cefnogi erlyniad. Nid yw'n golygu nad oedd yr heddlu yn eich credu. Gellir edrych ar"
            + " yr achos eto os daw tystiolaeth newydd i'r amlwg.");
    add(
        "Further investigation is not in the public interest",
        "Nid yw ymchwilio ymhellach er budd y cyhoedd",
        "The police decided that investigating further would not be in the public interest, for"
            + " example because the time and cost needed would be out of proportion to the"
            + " offence. The case can be looked at again if new information comes to light.",
        "Penderfynodd yr heddlu na fyddai ymchwilio ymhellach er budd y cyhoedd, er enghraifft"
            + " oherwydd y byddai'r amser a'r gost yn anghymesur â'r drosedd. Gellir edrych ar yr"
            + " achos eto os daw gwybodaeth newydd i'r amlwg.");
    add(
        "Formal action is not in the public interest",
        "Nid yw camau ffurfiol er budd y cyhoedd",
        "A suspect was identified and there was enough evidence, but the police or the Crown"
            + " Prosecution Service decided that formal action, such as a charge or a caution,"
            + " would not be in the public interest. This can happen, for example, when the"
            + " offence was minor or there are special circumstances.",
        "Cafodd un a ddrwgdybir ei nodi ac roedd digon o dystiolaeth, ond penderfynodd yr heddlu"
            + " neu Wasanaeth Erlyn y Goron na fyddai camau ffurfiol, fel cyhuddiad neu rybuddiad,"
            + " er budd y cyhoedd. Gall hyn ddigwydd, er enghraifft, pan fo'r drosedd yn fach neu"
            + " pan fo amgylchiadau arbennig.",
        "Further action is not in the public interest");
    add(
        "Action to be taken by another organisation",
        "Camau i'w cymryd gan sefydliad arall",
        "Another organisation, not the police, will deal with this case: for example a local"
            + " council, a school or an employer. Your officer can tell you who is now"
            + " responsible.",
        "Bydd sefydliad arall, nid yr heddlu, yn delio â'r achos hwn: er enghraifft cyngor lleol,"
            + " ysgol neu gyflogwr. Gall eich swyddog ddweud wrthych pwy sy'n gyfrifol nawr.");
    add(
        "Local resolution",
        "Datrysiad lleol",
        "The police dealt with the matter without going to court, for example by the offender"
            + " apologising, repairing the damage or paying for it. This is used for less serious"
            + " crimes, usually when the offender accepts responsibility and the victim's views"
            + " have been taken into account.",
        "Deliodd yr heddlu â'r mater heb fynd i'r llys, er enghraifft drwy i'r troseddwr"
            + " ymddiheuro, trwsio'r difrod neu dalu amdano. Defnyddir hyn ar gyfer troseddau llai"
            + " difrifol, fel arfer pan fydd y troseddwr yn derbyn cyfrifoldeb ac ar ôl ystyried"
            + " barn y dioddefwr.");
    add(
        "Offender given a caution",
        "Rhoddwyd rhybuddiad i'r troseddwr",
        "The person responsible admitted the offence and was given a formal caution instead of"
            + " going to court. A caution is a formal warning: it goes on their criminal record"
            + " and can be taken into account if they offend again.",
        "Cyfaddefodd y person sy'n gyfrifol y drosedd a chafodd rybuddiad ffurfiol yn lle mynd"
            + " i'r llys. Rhybudd ffurfiol yw rhybuddiad: mae'n mynd ar eu cofnod troseddol a"
            + " gellir ei ystyried os byddan nhw'n troseddu eto.");
    add(
        "Offender given a drugs possession warning",
        "Rhoddwyd rhybudd am feddu ar gyffuriau i'r troseddwr",
        "The person was found with a small amount of an illegal drug for their own use, and the"
            + " police gave them a formal warning instead of taking them to court.",
        "Roedd gan y person swm bach o gyffur anghyfreithlon at ei ddefnydd ei hun, a rhoddodd"
            + " yr heddlu rybudd ffurfiol iddo yn lle mynd ag ef i'r llys.");
    add(
        "Offender given penalty notice",
        "Rhoddwyd hysbysiad cosb i'r troseddwr",
        "The offender was given a penalty notice: a fixed fine they must pay instead of going to"
            + " court.",
        "Cafodd y troseddwr hysbysiad cosb: dirwy benodol y mae'n rhaid iddo ei thalu yn lle"
            + " mynd i'r llys.",
        "Offender given a penalty notice");
    add(
        "Suspect charged",
        "Cyhuddwyd yr un a ddrwgdybir",
        "The suspect has been charged. This means they are formally accused of the crime and the"
            + " case will go to court, where the court will decide whether they are guilty.",
        "Mae'r un a ddrwgdybir wedi cael ei gyhuddo. Mae hyn yn golygu ei fod wedi'i gyhuddo'n"
            + " ffurfiol o'r drosedd a bydd yr achos yn mynd i'r llys, lle bydd y llys yn"
            + " penderfynu a yw'n euog.");
    add(
        "Suspect charged as part of another case",
        "Cyhuddwyd yr un a ddrwgdybir fel rhan o achos arall",
        "The suspect has been charged with an offence in a different case. Your crime will not go"
            + " to court on its own, but it may be taken into account when that case is decided."
            + " Your officer can tell you more.",
        "Mae'r un a ddrwgdybir wedi cael ei gyhuddo o drosedd mewn achos gwahanol. Ni fydd eich"
            + " trosedd chi'n mynd i'r llys ar ei phen ei hun, ond efallai y caiff ei hystyried pan"
            + " fydd yr achos hwnnw'n cael ei benderfynu. Gall eich swyddog ddweud mwy wrthych.");
    add(
        "Under investigation",
        "Dan ymchwiliad",
        "The police are still investigating your crime. We will update you when there is news.",
        "Mae'r heddlu'n dal i ymchwilio i'ch trosedd. Byddwn yn rhoi gwybod i chi pan fydd"
            + " newyddion.");
    add(
        "Status update unavailable",
        "Dim diweddariad ar gael",
        "No up-to-date outcome has been recorded for this crime yet. This does not necessarily"
            + " mean that nothing is happening; ask your officer if you would like to know more.",
        "Nid oes canlyniad diweddar wedi'i gofnodi ar gyfer y drosedd hon eto. Nid yw hyn o"
            + " reidrwydd yn golygu nad oes dim yn digwydd; gofynnwch i'ch swyddog os hoffech"
            + " wybod mwy.");
    add(
        "Awaiting court outcome",
        "Yn aros am ganlyniad y llys",
        "The case is going through the courts and no decision has been made yet. We will tell you"
            + " the result when it is known.",
        "Mae'r achos yn mynd drwy'r llysoedd ac nid oes penderfyniad wedi'i wneud eto. Byddwn yn"
            + " dweud wrthych beth yw'r canlyniad pan fydd yn hysbys.");
    add(
        "Court result unavailable",
        "Canlyniad y llys ddim ar gael",
        "The case went to court, but the police have not yet received the court's result. You can"
            + " ask your officer or the Witness Care Unit for the latest information.",
        "Aeth yr achos i'r llys, ond nid yw'r heddlu wedi cael canlyniad y llys eto. Gallwch ofyn"
            + " i'ch swyddog neu i'r Uned Gofal Tystion am y wybodaeth ddiweddaraf.");
    add(
        "Court case unable to proceed",
        "Nid oedd modd i'r achos llys fynd yn ei flaen",
        "The court case could not go ahead, for example because important evidence was no longer"
            + " available or a witness could not attend. Your officer can explain what this means"
            + " in your case.",
        "Nid oedd modd i'r achos llys fynd yn ei flaen, er enghraifft oherwydd nad oedd tystiolaeth"
            + " bwysig ar gael mwyach neu nad oedd tyst yn gallu dod. Gall eich swyddog esbonio beth"
            + " mae hyn yn ei olygu yn eich achos chi.");
    add(
        "Defendant sent to Crown Court",
        "Anfonwyd y diffynnydd i Lys y Goron",
        "The case has been sent to the Crown Court, which deals with more serious cases. The trial"
            + " or the sentencing will take place there, and we will tell you the result.",
        "Mae'r achos wedi'i anfon i Lys y Goron, sy'n delio ag achosion mwy difrifol. Bydd yr"
            + " achos neu'r ddedfryd yn digwydd yno, a byddwn yn dweud wrthych beth yw'r"
            + " canlyniad.");
    add(
        "Defendant found not guilty",
        "Cafwyd y diffynnydd yn ddieuog",
        "The court found the defendant not guilty. This means the court was not sure enough that"
            + " the defendant committed the offence; it does not mean that you were not believed."
            + " Support is available if you would like to talk about it.",
        "Cafwyd y diffynnydd yn ddieuog gan y llys. Mae hyn yn golygu nad oedd y llys yn ddigon"
            + " sicr bod y diffynnydd wedi cyflawni'r drosedd; nid yw'n golygu na chawsoch eich"
            + " credu. Mae cymorth ar gael os hoffech siarad am hyn.");
    add(
        "Offender sent to prison",
        "Anfonwyd y troseddwr i'r carchar",
        "The court found the offender guilty and sent them to prison. You may be able to receive"
            + " information about their release through the Victim Contact Scheme; your officer"
            + " or the Witness Care Unit can tell you more.",
        "Cafodd y troseddwr ei gael yn euog gan y llys a'i anfon i'r carchar. Efallai y gallwch"
            + " gael gwybodaeth am ei ryddhau drwy'r Cynllun Cyswllt â Dioddefwyr; gall eich"
            + " swyddog neu'r Uned Gofal Tystion ddweud mwy wrthych.");
    add(
        "Offender given suspended prison sentence",
        "Rhoddwyd dedfryd o garchar wedi'i gohirio i'r troseddwr",
        "The offender was given a suspended prison sentence. This means they will not go to"
            + " prison now, but they must keep to conditions set by the court for a period of"
            + " time. If they break them or commit another offence, they can be sent to prison.",
        "Cafodd y troseddwr ddedfryd o garchar wedi'i gohirio. Mae hyn yn golygu na fydd yn mynd"
            + " i'r carchar nawr, ond rhaid iddo gadw at amodau a osodwyd gan y llys am gyfnod. Os"
            + " bydd yn eu torri neu'n troseddu eto, gellir ei anfon i'r carchar.",
        "Offender given a suspended prison sentence");
    add(
        "Offender fined",
        "Rhoddwyd dirwy i'r troseddwr",
        "The court ordered the offender to pay a fine: a sum of money paid as a punishment.",
        "Gorchmynnodd y llys i'r troseddwr dalu dirwy: swm o arian a delir fel cosb.");
    add(
        "Offender given community sentence",
        "Rhoddwyd dedfryd gymunedol i'r troseddwr",
        "The offender was given a community sentence. This means that instead of going to prison"
            + " they must do what the court has set, such as unpaid work, treatment or keeping to"
            + " a curfew.",
        "Cafodd y troseddwr ddedfryd gymunedol. Mae hyn yn golygu bod rhaid iddo, yn lle mynd i'r"
            + " carchar, wneud yr hyn a osodwyd gan y llys, fel gwaith di-dâl, triniaeth neu gadw"
            + " at gyrffyw.",
        "Offender given a community sentence");
    add(
        "Offender given conditional discharge",
        "Rhyddhawyd y troseddwr yn amodol",
        "The court found the offender guilty but decided not to punish them now, on condition"
            + " that they do not commit another offence within a set period. If they do, they can"
            + " be sentenced for this crime as well.",
        "Cafodd y troseddwr ei gael yn euog, ond penderfynodd y llys beidio â'i gosbi nawr, ar yr"
            + " amod nad yw'n troseddu eto o fewn cyfnod penodol. Os bydd yn gwneud hynny, gellir"
            + " ei ddedfrydu am y drosedd hon hefyd.",
        "Offender given a conditional discharge");
    add(
        "Offender given absolute discharge",
        "Rhyddhawyd y troseddwr yn ddiamod",
        "The court found the offender guilty but decided that no punishment was needed. This"
            + " sometimes happens when the offence was very minor or there were special"
            + " circumstances.",
        "Cafodd y troseddwr ei gael yn euog, ond penderfynodd y llys nad oedd angen cosb. Mae hyn"
            + " yn digwydd weithiau pan oedd y drosedd yn fach iawn neu pan oedd amgylchiadau"
            + " arbennig.",
        "Offender given an absolute discharge");
    add(
        "Offender deprived of property",
        "Amddifadwyd y troseddwr o eiddo",
        "The court ordered that property the offender used in the crime, or gained from it, be"
            + " taken away from them.",
        "Gorchmynnodd y llys fod eiddo a ddefnyddiodd y troseddwr yn y drosedd, neu a gafodd"
            + " ohoni, yn cael ei gymryd oddi arno.");
    add(
        "Offender ordered to pay compensation",
        "Gorchmynnwyd y troseddwr i dalu iawndal",
        "The court ordered the offender to pay compensation to the victim for the harm, loss or"
            + " damage caused. The court collects the money and passes it on, which can take some"
            + " time.",
        "Gorchmynnodd y llys i'r troseddwr dalu iawndal i'r dioddefwr am y niwed, y golled neu'r"
            + " difrod a achoswyd. Y llys sy'n casglu'r arian ac yn ei drosglwyddo, a gall hyn"
            + " gymryd peth amser.");
    add(
        "Offender otherwise dealt with",
        "Delio â'r troseddwr mewn ffordd arall",
        "The offender was dealt with in a way not covered by the other outcomes, for example by"
            + " another kind of court order. Your officer can tell you more.",
        "Deliwyd â'r troseddwr mewn ffordd nad yw'n un o'r canlyniadau eraill, er enghraifft"
            + " drwy fath arall o orchymyn llys. Gall eich swyddog ddweud mwy wrthych.");
  }

  private OutcomeExplanations() {}

  private static void add(
      String en, String cy, String explainEn, String explainCy, String... aliases) {
    Entry entry = new Entry(new LocalizedText(en, cy), new LocalizedText(explainEn, explainCy));
    LABELS.add(en);
    ENTRIES.put(key(en), entry);
    for (String alias : aliases) {
      ENTRIES.put(key(alias), entry);
    }
  }

  private static String key(String label) {
    return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * What the outcome means for the victim, in English and Welsh.
   *
   * @param outcomeLabel a data.police.uk outcome category label, in any case; null is unknown
   * @return the explanation, or empty for wording that is not a known category
   */
  public static Optional<LocalizedText> explain(String outcomeLabel) {
    return entry(outcomeLabel).map(Entry::explanation);
  }

  /**
   * The category's name as the portal shows it: the data.police.uk label in English and its Welsh
   * translation. Empty for wording that is not a known category.
   */
  public static Optional<LocalizedText> label(String outcomeLabel) {
    return entry(outcomeLabel).map(Entry::label);
  }

  /** Every data.police.uk label explained, in its canonical English wording. */
  public static Set<String> knownLabels() {
    return Collections.unmodifiableSet(LABELS);
  }

  private static Optional<Entry> entry(String outcomeLabel) {
    if (outcomeLabel == null || outcomeLabel.length() > 200) {
      return Optional.empty();
    }
    return Optional.ofNullable(ENTRIES.get(key(outcomeLabel)));
  }
}
