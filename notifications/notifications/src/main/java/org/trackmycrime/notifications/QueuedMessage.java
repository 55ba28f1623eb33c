package org.trackmycrime.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.internal.ChannelConfigs;

/**
 * A message the host asks the dispatcher to send (the portal's invitations, reset links, sign-in
 * codes, reply alerts and forwarded messages), queued with {@link Dispatcher#queue}. Update alerts,
 * cadence reminders and hub notices are written by the SDK itself and cannot be queued here.
 *
 * @param aboutRef for {@link MessageKind#OFFICER_MESSAGE}, the victim message's id (its assignee is
 *     the recipient); null otherwise
 * @param idempotencyKey unique per message: queuing the same key twice queues it once
 * @param parameters the values the kind needs ({@link MessageKind#suppliedParameters()}): the
 *     activation or reset link, the code and its validity in minutes. Stored with the row until it
 *     is sent, then erased.
 * @param channel for a victim message, the only channel it may go on (a reset link to the contact
 *     the account signs in with, a sign-in code to the confirmed mobile); null lets the dispatcher
 *     choose by the kind and the victim's preferences. A channel the victim cannot be reached on
 *     leaves the message unsent (FAILED), never sent elsewhere.
 */
public record QueuedMessage(
    String force,
    MessageKind kind,
    String crimeReference,
    String victimRef,
    String aboutRef,
    String idempotencyKey,
    Map<String, String> parameters,
    Channel channel) {

  private static final Set<MessageKind> QUEUEABLE =
      Set.of(
          MessageKind.VICTIM_REPLY,
          MessageKind.VICTIM_INVITATION,
          MessageKind.VICTIM_PASSWORD_RESET,
          MessageKind.VICTIM_SIGN_IN_CODE,
          MessageKind.OFFICER_MESSAGE);

  public QueuedMessage {
    List<Problem> problems = new ArrayList<>();
    require(problems, force != null && !force.isBlank(), "force", "is required");
    require(problems, kind != null, "kind", "is required");
    require(
        problems,
        kind == null || QUEUEABLE.contains(kind),
        "kind",
        "must be one of " + QUEUEABLE + " (the SDK writes the others itself)");
    require(
        problems,
        crimeReference != null && !crimeReference.isBlank(),
        "crimeReference",
        "is required");
    require(problems, victimRef != null && !victimRef.isBlank(), "victimRef", "is required");
    require(
        problems,
        kind != MessageKind.OFFICER_MESSAGE || aboutRef != null,
        "aboutRef",
        "is required for OFFICER_MESSAGE: the victim message's id");
    require(
        problems,
        idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= 400,
        "idempotencyKey",
        "must be 1-400 characters");
    Map<String, String> given = parameters == null ? Map.of() : parameters;
    if (kind != null) {
      for (String name : kind.suppliedParameters()) {
        String value = given.get(name);
        require(
            problems,
            value != null && !value.isBlank() && value.length() <= 1000,
            "parameters." + name,
            "is required for " + kind + " (1-1000 characters)");
      }
      for (String name : given.keySet()) {
        require(
            problems,
            kind.suppliedParameters().contains(name),
            "parameters." + name,
            "is not a parameter of " + kind + " " + kind.suppliedParameters());
      }
      String link = given.get("link");
      require(
          problems,
          link == null || isAlertLink(link),
          "parameters.link",
          "must be an https address (plain http only on localhost)");
    }
    require(
        problems,
        channel == null || kind == null || kind.toVictim(),
        "channel",
        "can only be given for a message to a victim");
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    parameters = Map.copyOf(given);
  }

  /** A message the dispatcher may send on any suitable channel. */
  public QueuedMessage(
      String force,
      MessageKind kind,
      String crimeReference,
      String victimRef,
      String aboutRef,
      String idempotencyKey,
      Map<String, String> parameters) {
    this(force, kind, crimeReference, victimRef, aboutRef, idempotencyKey, parameters, null);
  }

  private static boolean isAlertLink(String link) {
    try {
      return ChannelConfigs.isAlertLink(new java.net.URI(link));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** A victim-facing message: a reply alert, an invitation, a reset link or a sign-in code. */
  public static QueuedMessage forVictim(
      String force,
      MessageKind kind,
      String crimeReference,
      String victimRef,
      String idempotencyKey,
      Map<String, String> parameters) {
    return new QueuedMessage(
        force, kind, crimeReference, victimRef, null, idempotencyKey, parameters);
  }

  /** A victim-facing message that must go on {@code channel} only. */
  public static QueuedMessage forVictimOn(
      String force,
      MessageKind kind,
      String crimeReference,
      String victimRef,
      Channel channel,
      String idempotencyKey,
      Map<String, String> parameters) {
    return new QueuedMessage(
        force,
        kind,
        crimeReference,
        victimRef,
        null,
        idempotencyKey,
        parameters,
        Objects.requireNonNull(channel, "channel"));
  }

  /** Tells the officer a victim's message was forwarded to them (by the message's assignee). */
  public static QueuedMessage forwardedToOfficer(
      String force, String crimeReference, String victimRef, String messageId, String key) {
    return new QueuedMessage(
        force,
        MessageKind.OFFICER_MESSAGE,
        crimeReference,
        victimRef,
        Objects.requireNonNull(messageId, "messageId"),
        key,
        Map.of());
  }

  /** Identifiers only: the parameters (links, codes) are left out on purpose. */
  @Override
  public String toString() {
    return "QueuedMessage[" + force + " " + kind + " " + crimeReference + " " + victimRef + "]";
  }

  private static void require(List<Problem> problems, boolean ok, String field, String rule) {
    if (!ok) {
      problems.add(new Problem(field, rule));
    }
  }
}
