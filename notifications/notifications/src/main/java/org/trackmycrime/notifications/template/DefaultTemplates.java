package org.trackmycrime.notifications.template;

import static org.trackmycrime.notifications.MessageKind.HUB_VICTIM_UNREACHABLE;
import static org.trackmycrime.notifications.MessageKind.OFFICER_DUE_SOON;
import static org.trackmycrime.notifications.MessageKind.OFFICER_MESSAGE;
import static org.trackmycrime.notifications.MessageKind.OFFICER_OVERDUE;
import static org.trackmycrime.notifications.MessageKind.SUPERVISOR_ESCALATION;
import static org.trackmycrime.notifications.MessageKind.VICTIM_INVITATION;
import static org.trackmycrime.notifications.MessageKind.VICTIM_PASSWORD_RESET;
import static org.trackmycrime.notifications.MessageKind.VICTIM_REPLY;
import static org.trackmycrime.notifications.MessageKind.VICTIM_SIGN_IN_CODE;
import static org.trackmycrime.notifications.MessageKind.VICTIM_UPDATE;
import static org.trackmycrime.notifications.template.TemplatePart.EMAIL_TEXT;
import static org.trackmycrime.notifications.template.TemplatePart.SMS;
import static org.trackmycrime.notifications.template.TemplatePart.SUBJECT;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.MessageKind;

/**
 * The SDK's own wording. Victim texts say only that there is something to read and where; they
 * avoid "police" and name no crime, offence, person or place, because a phone's lock screen or a
 * shared inbox is not private. Texts use GSM-7 characters only (Welsh texts avoid the circumflex,
 * which GSM-7 lacks, by choice of words), so each fits one 160-character segment. The Welsh was
 * written for this SDK and should be checked by the force's Welsh language officer.
 */
final class DefaultTemplates {
  private DefaultTemplates() {}

  static Map<MessageTemplates.Key, String> all() {
    Map<MessageTemplates.Key, String> t = new LinkedHashMap<>();

    victim(
        t,
        VICTIM_UPDATE,
        Language.EN,
        "There is an update on your report",
        """
        There is an update on your report.

        Sign in to read it:
        {{portalUrl}}

        To keep your information private, this email does not say what the update is. \
        Please do not reply to this email.""",
        "There is an update on your report. Sign in to read it: {{portalUrl}}");
    victim(
        t,
        VICTIM_UPDATE,
        Language.CY,
        "Mae diweddariad ar eich adroddiad",
        """
        Mae diweddariad ar eich adroddiad.

        Mewngofnodwch i'w ddarllen:
        {{portalUrl}}

        Er mwyn cadw eich gwybodaeth yn breifat, nid yw'r e-bost hwn yn dweud beth yw'r \
        diweddariad. Peidiwch ag ateb yr e-bost hwn.""",
        "Mae diweddariad ar eich adroddiad. Mewngofnodwch i'w ddarllen: {{portalUrl}}");

    victim(
        t,
        VICTIM_REPLY,
        Language.EN,
        "You have a reply to your message",
        """
        You have a reply to your message.

        Sign in to read it:
        {{portalUrl}}

        To keep your information private, this email does not include the reply. \
        Please do not reply to this email.""",
        "You have a reply to your message. Sign in to read it: {{portalUrl}}");
    victim(
        t,
        VICTIM_REPLY,
        Language.CY,
        "Mae ateb i'ch neges",
        """
        Mae ateb i'ch neges.

        Mewngofnodwch i'w ddarllen:
        {{portalUrl}}

        Er mwyn cadw eich gwybodaeth yn breifat, nid yw'r e-bost hwn yn cynnwys yr ateb. \
        Peidiwch ag ateb yr e-bost hwn.""",
        "Mae ateb i'ch neges. Mewngofnodwch i'w ddarllen: {{portalUrl}}");

    victim(
        t,
        VICTIM_INVITATION,
        Language.EN,
        "Follow your report online",
        """
        You can now follow your report online.

        Set up your account with this link. It works once:
        {{link}}

        If you were not expecting this email, you can ignore it.""",
        "Follow your report online. Set up your account (the link works once): {{link}}");
    victim(
        t,
        VICTIM_INVITATION,
        Language.CY,
        "Dilynwch eich adroddiad ar-lein",
        """
        Gallwch nawr ddilyn eich adroddiad ar-lein.

        Sefydlwch eich cyfrif gyda'r ddolen hon. Dim ond unwaith y mae'n gweithio:
        {{link}}

        Os nad oeddech yn disgwyl yr e-bost hwn, gallwch ei anwybyddu.""",
        "Dilynwch eich adroddiad ar-lein. Sefydlwch eich cyfrif (un tro yn unig): {{link}}");

    victim(
        t,
        VICTIM_PASSWORD_RESET,
        Language.EN,
        "Reset your password",
        """
        Someone asked to reset the password for your account.

        Reset it with this link. It works once:
        {{link}}

        If this was not you, ignore this email: your password has not changed.""",
        "Reset your password with this link (it works once): {{link}}");
    victim(
        t,
        VICTIM_PASSWORD_RESET,
        Language.CY,
        "Ailosod eich cyfrinair",
        """
        Gofynnodd rhywun am ailosod y cyfrinair ar gyfer eich cyfrif.

        Ailosodwch ef gyda'r ddolen hon. Dim ond unwaith y mae'n gweithio:
        {{link}}

        Os nad chi oedd hyn, anwybyddwch yr e-bost hwn: nid yw eich cyfrinair wedi newid.""",
        "Ailosodwch eich cyfrinair gyda'r ddolen hon (un tro yn unig): {{link}}");

    victim(
        t,
        VICTIM_SIGN_IN_CODE,
        Language.EN,
        "Your sign-in code",
        """
        Your sign-in code is {{code}}.

        It expires in {{minutes}} minutes. Do not share it with anyone.

        If you did not try to sign in, ignore this email.""",
        "Your sign-in code is {{code}}. It expires in {{minutes}} minutes. Do not share it with"
            + " anyone.");
    victim(
        t,
        VICTIM_SIGN_IN_CODE,
        Language.CY,
        "Eich cod mewngofnodi",
        """
        Eich cod mewngofnodi yw {{code}}.

        Mae'n dod i ben mewn {{minutes}} munud. Peidiwch â'i rannu gydag unrhyw un.

        Os nad oeddech yn ceisio mewngofnodi, anwybyddwch yr e-bost hwn.""",
        "Eich cod mewngofnodi yw {{code}}. Mae'n dod i ben mewn {{minutes}} munud. Cadwch ef yn"
            + " gyfrinachol.");

    staff(
        t,
        OFFICER_MESSAGE,
        Language.EN,
        "A victim's message has been forwarded to you",
        """
        The Command Hub has forwarded you a message from victim {{victimRef}} on crime \
        {{crimeRef}}.

        Read it and reply in the staff portal:
        {{staffPortalUrl}}

        The message itself is not included in this email.""");
    staff(
        t,
        OFFICER_MESSAGE,
        Language.CY,
        "Mae neges gan ddioddefwr wedi'i hanfon ymlaen atoch",
        """
        Mae'r Hwb Gorchymyn wedi anfon neges ymlaen atoch gan y dioddefwr {{victimRef}} ar \
        drosedd {{crimeRef}}.

        Darllenwch hi ac atebwch yn y porth staff:
        {{staffPortalUrl}}

        Nid yw'r neges ei hun wedi'i chynnwys yn yr e-bost hwn.""");

    staff(
        t,
        OFFICER_DUE_SOON,
        Language.EN,
        "An update for a victim is due soon",
        """
        An update for victim {{victimRef}} on crime {{crimeRef}} is due soon.

        See what is due, and by when, in the staff portal:
        {{staffPortalUrl}}""");
    staff(
        t,
        OFFICER_DUE_SOON,
        Language.CY,
        "Mae diweddariad i ddioddefwr yn ddyledus cyn bo hir",
        """
        Mae diweddariad i'r dioddefwr {{victimRef}} ar drosedd {{crimeRef}} yn ddyledus cyn \
        bo hir.

        Gwelwch beth sy'n ddyledus, ac erbyn pryd, yn y porth staff:
        {{staffPortalUrl}}""");

    staff(
        t,
        OFFICER_OVERDUE,
        Language.EN,
        "An update for a victim is overdue",
        """
        An update for victim {{victimRef}} on crime {{crimeRef}} is overdue.

        Please update the victim as soon as you can. The details are in the staff portal:
        {{staffPortalUrl}}""");
    staff(
        t,
        OFFICER_OVERDUE,
        Language.CY,
        "Mae diweddariad i ddioddefwr yn hwyr",
        """
        Mae diweddariad i'r dioddefwr {{victimRef}} ar drosedd {{crimeRef}} yn hwyr.

        Rhowch ddiweddariad i'r dioddefwr cyn gynted ag y gallwch. Mae'r manylion yn y porth \
        staff:
        {{staffPortalUrl}}""");

    staff(
        t,
        SUPERVISOR_ESCALATION,
        Language.EN,
        "An overdue victim update needs your attention",
        """
        An update for victim {{victimRef}} on crime {{crimeRef}} is long overdue and has been \
        escalated to you.

        The details are in the staff portal:
        {{staffPortalUrl}}""");
    staff(
        t,
        SUPERVISOR_ESCALATION,
        Language.CY,
        "Mae angen i chi roi sylw i ddiweddariad hwyr i ddioddefwr",
        """
        Mae diweddariad i'r dioddefwr {{victimRef}} ar drosedd {{crimeRef}} yn hwyr iawn ac \
        mae wedi'i gyfeirio atoch chi.

        Mae'r manylion yn y porth staff:
        {{staffPortalUrl}}""");

    staff(
        t,
        HUB_VICTIM_UNREACHABLE,
        Language.EN,
        "A victim can no longer be reached by {{failedChannel}}",
        """
        Alerts to victim {{victimRef}} on crime {{crimeRef}} by {{failedChannel}} were refused \
        for good. That channel will not be used until the victim's contact details change.

        Still usable: {{remainingChannels}}.

        Please check the victim's contact details in the staff portal:
        {{staffPortalUrl}}""");
    staff(
        t,
        HUB_VICTIM_UNREACHABLE,
        Language.CY,
        "Nid oes modd cysylltu â dioddefwr drwy {{failedChannel}} mwyach",
        """
        Gwrthodwyd rhybuddion i'r dioddefwr {{victimRef}} ar drosedd {{crimeRef}} drwy \
        {{failedChannel}} yn barhaol. Ni fydd y sianel honno'n cael ei defnyddio nes i fanylion \
        cyswllt y dioddefwr newid.

        Yn dal i weithio: {{remainingChannels}}.

        Gwiriwch fanylion cyswllt y dioddefwr yn y porth staff:
        {{staffPortalUrl}}""");
    return t;
  }

  private static void victim(
      Map<MessageTemplates.Key, String> t,
      MessageKind kind,
      Language language,
      String subject,
      String text,
      String sms) {
    staff(t, kind, language, subject, text);
    t.put(new MessageTemplates.Key(kind, language, SMS), sms);
  }

  private static void staff(
      Map<MessageTemplates.Key, String> t,
      MessageKind kind,
      Language language,
      String subject,
      String text) {
    t.put(new MessageTemplates.Key(kind, language, SUBJECT), subject);
    t.put(new MessageTemplates.Key(kind, language, EMAIL_TEXT), text);
  }
}
