package org.trackmycrime.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Emails;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.internal.ChannelConfigs;
import org.trackmycrime.notifications.template.MessageTemplates;

/**
 * How one force's messages look and where they point.
 *
 * <pre>{@code
 * ForceMessaging demo = ForceMessaging.builder("https://victims.demo-police.example")
 *     .senderName("Victim updates")          // the email From name; never "police"
 *     .supervisorEmail("CID North", "cid-north-supervisors@demo-police.example")
 *     .build();
 * }</pre>
 *
 * @param portalUrl where victims sign in: a full https address from configuration, never built from
 *     a request; the only address a victim alert carries
 * @param staffPortalUrl where staff read what a staff message is about; defaults to the portal
 * @param senderName the From name of emails: neutral ("Victim updates"), never "police", because
 *     the sender is visible to anyone who sees the victim's inbox
 * @param smsSenderId the alphanumeric sender of texts (3-11 letters, digits or spaces), equally
 *     neutral; providers that cannot send from a name use their number instead
 * @param staffLanguage the language of staff messages
 * @param supervisorEmails where escalations go, by the officer's unit; an escalation for a unit not
 *     listed goes to the Command Hub ({@code ForceSettings.hubEmail})
 * @param templates the force's wording
 */
public record ForceMessaging(
    URI portalUrl,
    URI staffPortalUrl,
    String senderName,
    String smsSenderId,
    Language staffLanguage,
    Map<String, String> supervisorEmails,
    MessageTemplates templates) {
  public static final String DEFAULT_SENDER_NAME = "Victim updates";
  public static final String DEFAULT_SMS_SENDER_ID = "VictimInfo";

  public ForceMessaging {
    List<Problem> problems = new ArrayList<>();
    checkUrl(problems, "portalUrl", portalUrl);
    checkUrl(problems, "staffPortalUrl", staffPortalUrl);
    checkSender(problems, senderName);
    checkSmsSender(problems, smsSenderId);
    if (staffLanguage == null) {
      problems.add(new Problem("staffLanguage", "is required"));
    }
    if (supervisorEmails == null) {
      problems.add(new Problem("supervisorEmails", "is required"));
    } else {
      supervisorEmails.forEach(
          (unit, email) -> {
            if (unit == null || unit.isBlank() || unit.length() > 200) {
              problems.add(new Problem("supervisorEmails", "units must be 1-200 characters"));
            }
            if (!Emails.isValid(email)) {
              problems.add(
                  new Problem("supervisorEmails[" + unit + "]", "must be a valid email address"));
            }
          });
    }
    if (templates == null) {
      problems.add(new Problem("templates", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    supervisorEmails = Map.copyOf(supervisorEmails);
  }

  /** Starts from the SDK's defaults with the force's portal address. */
  public static Builder builder(String portalUrl) {
    return new Builder(portalUrl);
  }

  /** The supervisors' address for a unit, or null. */
  public String supervisorEmail(String unit) {
    return unit == null ? null : supervisorEmails.get(unit);
  }

  /** No email addresses: safe to log. */
  @Override
  public String toString() {
    return "ForceMessaging["
        + portalUrl
        + ", staff "
        + staffPortalUrl
        + ", sender "
        + senderName
        + "/"
        + smsSenderId
        + ", staff language "
        + staffLanguage
        + ", "
        + supervisorEmails.size()
        + " supervisor addresses]";
  }

  private static void checkUrl(List<Problem> problems, String field, URI url) {
    if (url == null) {
      problems.add(new Problem(field, "is required"));
      return;
    }
    if (!ChannelConfigs.isAlertLink(url)) {
      problems.add(
          new Problem(
              field,
              "must be a full https address such as https://victims.example.org"
                  + " (plain http only on localhost)"));
    }
    if (url.getRawUserInfo() != null) {
      problems.add(new Problem(field, "must not carry a user name or password"));
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      problems.add(new Problem(field, "must not have a query or fragment"));
    }
  }

  private static void checkSender(List<Problem> problems, String name) {
    if (name == null || name.isBlank() || name.length() > 40) {
      problems.add(new Problem("senderName", "must be 1-40 characters"));
      return;
    }
    if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || " -'.&".indexOf(c) >= 0)) {
      problems.add(new Problem("senderName", "may hold letters, digits, spaces and - ' . & only"));
    }
    if (name.toLowerCase(Locale.ROOT).contains("police")
        || name.toLowerCase(Locale.ROOT).contains("heddlu")) {
      problems.add(
          new Problem("senderName", "must be neutral: not \"police\" (anyone may see the sender)"));
    }
  }

  private static void checkSmsSender(List<Problem> problems, String id) {
    if (id == null || !id.matches("[A-Za-z0-9 ]{3,11}") || !id.matches(".*[A-Za-z].*")) {
      problems.add(
          new Problem("smsSenderId", "must be 3-11 letters, digits or spaces, with a letter"));
      return;
    }
    if (id.toLowerCase(Locale.ROOT).contains("police")
        || id.toLowerCase(Locale.ROOT).contains("heddlu")) {
      problems.add(
          new Problem(
              "smsSenderId", "must be neutral: not \"police\" (anyone may see the sender)"));
    }
  }

  /** Builds a {@link ForceMessaging}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private final String portalUrl;
    private String staffPortalUrl;
    private String senderName = DEFAULT_SENDER_NAME;
    private String smsSenderId = DEFAULT_SMS_SENDER_ID;
    private Language staffLanguage = Language.EN;
    private final Map<String, String> supervisorEmails = new TreeMap<>();
    private MessageTemplates templates = MessageTemplates.defaults();

    private Builder(String portalUrl) {
      this.portalUrl = portalUrl;
    }

    /** Where staff read what a staff message is about. Default: the portal address. */
    public Builder staffPortalUrl(String value) {
      this.staffPortalUrl = value;
      return this;
    }

    /** The From name of emails. Default: {@value ForceMessaging#DEFAULT_SENDER_NAME}. */
    public Builder senderName(String value) {
      this.senderName = value;
      return this;
    }

    /** The alphanumeric sender of texts. Default: {@value ForceMessaging#DEFAULT_SMS_SENDER_ID}. */
    public Builder smsSenderId(String value) {
      this.smsSenderId = value;
      return this;
    }

    /** The language of staff messages. Default: English. */
    public Builder staffLanguage(Language value) {
      this.staffLanguage = value;
      return this;
    }

    /** Where escalations about officers of a unit go. */
    public Builder supervisorEmail(String unit, String email) {
      this.supervisorEmails.put(unit, email);
      return this;
    }

    /** The force's wording. Default: {@link MessageTemplates#defaults()}. */
    public Builder templates(MessageTemplates value) {
      this.templates = value;
      return this;
    }

    /**
     * @throws ValidationException naming every broken rule
     */
    public ForceMessaging build() {
      List<Problem> problems = new ArrayList<>();
      URI portal = parse(problems, "portalUrl", portalUrl);
      URI staff =
          staffPortalUrl == null ? portal : parse(problems, "staffPortalUrl", staffPortalUrl);
      try {
        ForceMessaging built =
            new ForceMessaging(
                portal, staff, senderName, smsSenderId, staffLanguage, supervisorEmails, templates);
        if (problems.isEmpty()) {
          return built;
        }
      } catch (ValidationException e) {
        // a URL that did not parse is reported once, as unparseable, not also as missing
        Set<String> unparsed = problems.stream().map(Problem::field).collect(Collectors.toSet());
        e.problems().stream().filter(p -> !unparsed.contains(p.field())).forEach(problems::add);
      }
      throw new ValidationException(problems);
    }

    private static URI parse(List<Problem> problems, String field, String value) {
      if (value == null) {
        return null;
      }
      try {
        return new URI(value);
      } catch (URISyntaxException e) {
        problems.add(new Problem(field, "is not a valid address"));
        return null;
      }
    }
  }
}
