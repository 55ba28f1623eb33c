package org.trackmycrime.core.internal.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.enrolment.AlertPolicy;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiOutbox;
import org.trackmycrime.core.messaging.Assignee;
import org.trackmycrime.core.messaging.CloseReason;
import org.trackmycrime.core.messaging.InboxItem;
import org.trackmycrime.core.messaging.MessageAction;
import org.trackmycrime.core.messaging.MessageCase;
import org.trackmycrime.core.messaging.MessageThread;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.Messaging;
import org.trackmycrime.core.messaging.MessagingConfig;
import org.trackmycrime.core.messaging.MessagingException;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.core.messaging.Reply;
import org.trackmycrime.core.messaging.StaffReply;
import org.trackmycrime.core.messaging.UrgencyCheck;
import org.trackmycrime.core.messaging.VictimStatus;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AlertDecision;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.MessageStore;
import org.trackmycrime.core.store.OfficerStore;
import org.trackmycrime.core.store.PropertyStore;
import org.trackmycrime.core.store.VictimStore;

/** {@link Messaging} on the SDK's database: each action is one transaction. */
public final class JdbiMessaging implements Messaging {
  static final int MAX_NOTE = 2000;
  private static final String SUBJECT = "message";

  private final Db db;
  private final Clock clock;
  private final MessagingConfig config;
  private final UrgencyDetector urgency;
  private final VictimStore victims;
  private final OfficerStore officers;
  private final PropertyStore property;
  private final MessageStore messages;
  private final AuditTrail audit;

  public JdbiMessaging(
      Db db,
      Clock clock,
      MessagingConfig config,
      VictimStore victims,
      OfficerStore officers,
      PropertyStore property,
      MessageStore messages,
      AuditTrail audit) {
    this.db = db;
    this.clock = clock;
    this.config = config;
    this.urgency = new UrgencyDetector(config);
    this.victims = victims;
    this.officers = officers;
    this.property = property;
    this.messages = messages;
    this.audit = audit;
  }

  @Override
  public UrgencyCheck check(String force, String text) {
    return urgency.check(force, text);
  }

  // ---- victims ----

  @Override
  public VictimMessage send(NewVictimMessage m) {
    Objects.requireNonNull(m, "message");
    String body = m.body() == null ? null : m.body().strip();
    Checks checks =
        new Checks()
            .slug("force", m.force())
            .text("crimeReference", m.crimeReference(), 64)
            .ref("victimRef", m.victimRef())
            .notNull("topic", m.topic())
            .text("body", body, VictimMessage.MAX_BODY);
    if (m.topic() == MessageTopic.PROPERTY_DETAILS) {
      checks.notNull("propertyDetails", m.propertyDetails());
    } else if (m.propertyDetails() != null) {
      checks.require(false, "propertyDetails", "is only for the topic PROPERTY_DETAILS");
    }
    checks.throwIfAny();
    Instant now = clock.instant();
    return db.inTransaction(
        "send message",
        h -> {
          MessagingStore.lockVictim(h, m.force(), m.crimeReference(), m.victimRef());
          Victim victim = victim(m.force(), m.crimeReference(), m.victimRef());
          UrgencyCheck urgent = urgency.check(m.force(), body);
          Checks more =
              new Checks()
                  .require(
                      victim.enrolment().consent() == Consent.ENROLLED,
                      "victimRef",
                      "must be enrolled on the crime to send messages")
                  .require(
                      !urgent.urgent() || m.urgentAcknowledged(),
                      "body",
                      "looks urgent or like a new crime: the victim must be shown the prompt to"
                          + " call 999 (emergency) or 101 and choose to send anyway"
                          + " (urgentAcknowledged)");
          if (m.propertyDetails() != null) {
            String item = m.propertyDetails().itemRef();
            more.require(
                property.list(m.force(), m.crimeReference()).stream()
                    .anyMatch(i -> i.itemRef().equals(item)),
                "propertyDetails.itemRef",
                "must name a property item of the crime");
          }
          more.throwIfAny();
          rateLimit(h, m, now);
          VictimMessage message =
              new VictimMessage(
                  m.force(),
                  UUID.randomUUID().toString(),
                  m.crimeReference(),
                  m.victimRef(),
                  body,
                  MessageStatus.RECEIVED,
                  null,
                  now,
                  now,
                  m.topic(),
                  urgent.urgent(),
                  null);
          messages.save(message);
          MessagingStore.writeExtras(
              h, m.force(), message.messageId(), urgent.matchedPhrases(), m.propertyDetails());
          Actor by = Actor.victim(m.victimRef());
          MessagingStore.addAction(
              h,
              m.force(),
              message.messageId(),
              MessageAction.Type.SENT,
              by,
              now,
              null,
              null,
              null,
              null);
          audit(
              message,
              by,
              AuditAction.COLLECTION,
              "message sent: " + m.topic() + (urgent.urgent() ? ", flagged urgent" : ""),
              now);
          return message;
        });
  }

  private void rateLimit(Handle h, NewVictimMessage m, Instant now) {
    Instant dayAgo = now.minus(Duration.ofDays(1));
    int sent = MessagingStore.sentSince(h, m.force(), m.crimeReference(), m.victimRef(), dayAgo);
    int max = config.maxMessagesPerVictimPerDay();
    if (sent >= max) {
      Instant oldest =
          MessagingStore.oldestSentSince(h, m.force(), m.crimeReference(), m.victimRef(), dayAgo)
              .orElse(now);
      Map<String, String> context = context(m.force(), m.crimeReference(), m.victimRef());
      context.put("retryAfter", oldest.plus(Duration.ofDays(1)).toString());
      throw new MessagingException(
          MessagingException.Reason.RATE_LIMITED,
          "The victim has sent "
              + max
              + " messages in the last 24 hours, the most allowed; they can send again after"
              + " retryAfter",
          context);
    }
  }

  @Override
  public List<MessageThread> threadsForVictim(
      String force, String crimeReference, String victimRef) {
    Instant now = clock.instant();
    return db.inTransaction(
        "read messages for victim",
        h -> {
          victim(force, crimeReference, victimRef);
          List<MessageThread> threads = new ArrayList<>();
          for (MessagingStore.Stored s :
              MessagingStore.forVictim(h, force, crimeReference, victimRef)) {
            VictimMessage msg = s.message();
            List<Reply> replies =
                MessagingStore.replies(h, force, msg.messageId()).stream()
                    .map(r -> new Reply(r.text(), r.at()))
                    .toList();
            threads.add(
                new MessageThread(
                    msg.messageId(),
                    msg.crimeReference(),
                    msg.topic(),
                    msg.body(),
                    s.propertyDetails(),
                    msg.sentAt(),
                    VictimStatus.of(msg.status()),
                    msg.status() == MessageStatus.CLOSED ? s.closeReason() : null,
                    replies,
                    msg.updatedAt()));
          }
          audit.record(
              new AuditEvent(
                  force,
                  now,
                  Actor.victim(victimRef),
                  AuditAction.CONSULTATION,
                  "victim",
                  victimRef,
                  crimeReference,
                  "own messages viewed (" + threads.size() + ")"));
          return threads;
        });
  }

  // ---- hub and officers ----

  @Override
  public List<InboxItem> hubInbox(String force) {
    Instant now = clock.instant();
    return db.with(
        "read hub inbox",
        h -> {
          List<InboxItem> items = new ArrayList<>();
          for (VictimMessage m :
              MessagingStore.inStatus(h, force, MessageStatus.RECEIVED, null, null)) {
            items.add(item(m, now));
          }
          for (MessagingStore.Unreachable u : MessagingStore.unreachableVictims(h, force)) {
            Instant since = u.firstNoticeAt() == null ? now : u.firstNoticeAt();
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            channels.addAll(MessagingStore.channels(u.channels()));
            items.add(
                new InboxItem(
                    InboxItem.Kind.UNREACHABLE_VICTIM,
                    u.crimeRef(),
                    u.victimRef(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    since,
                    waited(since, now),
                    channels,
                    null,
                    null));
          }
          for (MessagingStore.Dead d : MessagingStore.deadLetters(h, force)) {
            items.add(
                new InboxItem(
                    InboxItem.Kind.DEAD_LETTER,
                    d.crimeRef(),
                    d.victimRef(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    d.deadAt(),
                    waited(d.deadAt(), now),
                    Set.of(),
                    d.id(),
                    d.kind()));
          }
          items.sort(
              Comparator.comparing((InboxItem i) -> !i.urgent())
                  .thenComparing(InboxItem::since)
                  .thenComparing(InboxItem::kind)
                  .thenComparing(i -> i.messageId() == null ? "" : i.messageId())
                  .thenComparing(i -> i.outboxId() == null ? 0L : i.outboxId())
                  .thenComparing(i -> i.victimRef() == null ? "" : i.victimRef()));
          return items;
        });
  }

  @Override
  public List<InboxItem> forOfficer(String force, String officerRef) {
    Objects.requireNonNull(officerRef, "officerRef");
    Instant now = clock.instant();
    return db.with(
        "read officer's messages",
        h ->
            MessagingStore.inStatus(h, force, MessageStatus.FORWARDED, officerRef, null).stream()
                .map(m -> item(m, now))
                .toList());
  }

  @Override
  public List<InboxItem> forUnit(String force, String unit) {
    Objects.requireNonNull(unit, "unit");
    Instant now = clock.instant();
    return db.with(
        "read unit's messages",
        h ->
            MessagingStore.inStatus(h, force, MessageStatus.FORWARDED, null, unit).stream()
                .map(m -> item(m, now))
                .toList());
  }

  @Override
  public MessageCase open(String force, String messageId, Actor staff) {
    Objects.requireNonNull(staff, "staff");
    Instant now = clock.instant();
    return db.inTransaction(
        "open message",
        h -> {
          MessagingStore.Stored s =
              found(MessagingStore.find(h, force, messageId), force, messageId);
          MessageCase c =
              new MessageCase(
                  s.message(),
                  s.propertyDetails(),
                  s.urgentPhrases(),
                  s.closeReason(),
                  MessagingStore.replies(h, force, messageId),
                  MessagingStore.history(h, force, messageId));
          audit(s.message(), staff, AuditAction.CONSULTATION, "message opened", now);
          return c;
        });
  }

  @Override
  public VictimMessage forward(
      String force, String messageId, Actor staff, String officerRef, String note) {
    new Checks()
        .notNull("staff", staff)
        .ref("officerRef", officerRef)
        .optionalText("note", note, MAX_NOTE)
        .throwIfAny();
    Instant now = clock.instant();
    return db.inTransaction(
        "forward message",
        h -> {
          VictimMessage m = lock(h, force, messageId);
          allowed(m, "forwarded (use reassign to pass it on again)", MessageStatus.RECEIVED);
          requireOfficer(force, officerRef);
          VictimMessage forwarded =
              m.withAssignment(MessageStatus.FORWARDED, officerRef, null, now);
          messages.save(forwarded);
          int seq =
              MessagingStore.addAction(
                  h,
                  force,
                  messageId,
                  MessageAction.Type.FORWARDED,
                  staff,
                  now,
                  officerRef,
                  null,
                  null,
                  blankToNull(note));
          notifyOfficer(h, forwarded, officerRef, seq, now);
          audit(
              forwarded, staff, AuditAction.DISCLOSURE, "forwarded to officer " + officerRef, now);
          return forwarded;
        });
  }

  @Override
  public VictimMessage reassign(
      String force, String messageId, Actor staff, Assignee to, String note) {
    new Checks()
        .notNull("staff", staff)
        .notNull("assignee", to)
        .optionalText("note", note, MAX_NOTE)
        .throwIfAny();
    Instant now = clock.instant();
    return db.inTransaction(
        "reassign message",
        h -> {
          VictimMessage m = lock(h, force, messageId);
          allowed(m, "reassigned", MessageStatus.RECEIVED, MessageStatus.FORWARDED);
          if (to.isOfficer()) {
            requireOfficer(force, to.officerRef());
          }
          boolean same =
              m.status() == MessageStatus.FORWARDED
                  && Objects.equals(m.assignedOfficerRef(), to.officerRef())
                  && Objects.equals(m.assignedUnit(), to.unit());
          if (same) {
            throw ValidationException.of("assignee", "is the message's current assignee");
          }
          VictimMessage moved =
              m.withAssignment(MessageStatus.FORWARDED, to.officerRef(), to.unit(), now);
          messages.save(moved);
          int seq =
              MessagingStore.addAction(
                  h,
                  force,
                  messageId,
                  MessageAction.Type.REASSIGNED,
                  staff,
                  now,
                  to.officerRef(),
                  to.unit(),
                  null,
                  blankToNull(note));
          if (to.isOfficer()) {
            notifyOfficer(h, moved, to.officerRef(), seq, now);
          }
          audit(
              moved,
              staff,
              AuditAction.DISCLOSURE,
              to.isOfficer()
                  ? "reassigned to officer " + to.officerRef()
                  : truncate("reassigned to unit " + to.unit(), 400),
              now);
          return moved;
        });
  }

  @Override
  public VictimMessage reply(String force, String messageId, Actor staff, String text) {
    String body = text == null ? null : text.strip();
    new Checks().notNull("staff", staff).text("text", body, VictimMessage.MAX_BODY).throwIfAny();
    Instant now = clock.instant();
    return db.inTransaction(
        "reply to message",
        h -> {
          VictimMessage m = lock(h, force, messageId);
          allowed(
              m,
              "replied to",
              MessageStatus.RECEIVED,
              MessageStatus.FORWARDED,
              MessageStatus.REPLIED);
          List<StaffReply> earlier = MessagingStore.replies(h, force, messageId);
          if (m.status() == MessageStatus.REPLIED
              && !earlier.isEmpty()
              && earlier.get(earlier.size() - 1).text().equals(body)) {
            return m; // the same reply again: a retried request
          }
          int replySeq = MessagingStore.addReply(h, force, messageId, body, staff, now);
          VictimMessage replied = m.withStatus(MessageStatus.REPLIED, now);
          messages.save(replied);
          MessagingStore.addAction(
              h, force, messageId, MessageAction.Type.REPLIED, staff, now, null, null, null, null);
          AlertDecision decision =
              AlertPolicy.decide(victim(force, m.crimeReference(), m.victimRef()), now);
          if (decision.allowed()) {
            JdbiOutbox.insertPending(
                h,
                force,
                String.join(
                    "|", OutboxMessage.VICTIM_REPLY, force, messageId, Integer.toString(replySeq)),
                OutboxMessage.VICTIM_REPLY,
                m.crimeReference(),
                m.victimRef(),
                messageId,
                null,
                now);
          }
          audit(
              replied,
              staff,
              AuditAction.ALTERATION,
              decision.allowed() ? "replied; victim alerted" : "replied; victim not alerted",
              now);
          return replied;
        });
  }

  @Override
  public VictimMessage close(
      String force, String messageId, Actor staff, CloseReason reason, String note) {
    new Checks()
        .notNull("staff", staff)
        .notNull("reason", reason)
        .optionalText("note", note, MAX_NOTE)
        .throwIfAny();
    Instant now = clock.instant();
    return db.inTransaction(
        "close message",
        h -> {
          VictimMessage m = lock(h, force, messageId);
          allowed(
              m, "closed", MessageStatus.RECEIVED, MessageStatus.FORWARDED, MessageStatus.REPLIED);
          VictimMessage closed = m.withStatus(MessageStatus.CLOSED, now);
          messages.save(closed);
          MessagingStore.writeCloseReason(h, force, messageId, reason);
          MessagingStore.addAction(
              h,
              force,
              messageId,
              MessageAction.Type.CLOSED,
              staff,
              now,
              null,
              null,
              reason,
              blankToNull(note));
          audit(closed, staff, AuditAction.ALTERATION, "closed: " + reason, now);
          return closed;
        });
  }

  // ---- shared ----

  private void notifyOfficer(
      Handle h, VictimMessage m, String officerRef, int actionSeq, Instant now) {
    JdbiOutbox.insertPending(
        h,
        m.force(),
        String.join(
            "|",
            OutboxMessage.OFFICER_MESSAGE,
            m.force(),
            m.messageId(),
            Integer.toString(actionSeq)),
        OutboxMessage.OFFICER_MESSAGE,
        m.crimeReference(),
        m.victimRef(),
        m.messageId(),
        officerRef,
        now);
  }

  private VictimMessage lock(Handle h, String force, String messageId) {
    return found(MessagingStore.lock(h, force, messageId), force, messageId).message();
  }

  private static MessagingStore.Stored found(
      java.util.Optional<MessagingStore.Stored> stored, String force, String messageId) {
    return stored.orElseThrow(
        () ->
            new NotFoundException(
                "No such message",
                Map.of(
                    TrackMyCrimeException.FORCE,
                    String.valueOf(force),
                    "messageId",
                    String.valueOf(messageId))));
  }

  private static void allowed(VictimMessage m, String action, MessageStatus... from) {
    for (MessageStatus s : from) {
      if (m.status() == s) {
        return;
      }
    }
    Map<String, String> context = context(m.force(), m.crimeReference(), m.victimRef());
    context.put("messageId", m.messageId());
    context.put("status", m.status().name());
    throw new MessagingException(
        MessagingException.Reason.NOT_ALLOWED_IN_STATUS,
        "A " + m.status() + " message cannot be " + action,
        context);
  }

  private void requireOfficer(String force, String officerRef) {
    if (officers.find(force, officerRef).isEmpty()) {
      throw ValidationException.of("officerRef", "must name an officer of the force");
    }
  }

  private Victim victim(String force, String crimeReference, String victimRef) {
    return victims
        .find(force, crimeReference, victimRef)
        .orElseThrow(
            () ->
                new NotFoundException("No such victim", context(force, crimeReference, victimRef)));
  }

  private void audit(VictimMessage m, Actor by, AuditAction action, String detail, Instant at) {
    audit.record(
        new AuditEvent(
            m.force(), at, by, action, SUBJECT, m.messageId(), m.crimeReference(), detail));
  }

  private static InboxItem item(VictimMessage m, Instant now) {
    return new InboxItem(
        InboxItem.Kind.MESSAGE,
        m.crimeReference(),
        m.victimRef(),
        m.messageId(),
        m.topic(),
        m.urgent(),
        m.status(),
        m.assignedOfficerRef(),
        m.assignedUnit(),
        m.sentAt(),
        waited(m.sentAt(), now),
        Set.of(),
        null,
        null);
  }

  private static Duration waited(Instant since, Instant now) {
    return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
  }

  private static Map<String, String> context(
      String force, String crimeReference, String victimRef) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put(TrackMyCrimeException.FORCE, String.valueOf(force));
    context.put(TrackMyCrimeException.CRIME_REFERENCE, String.valueOf(crimeReference));
    context.put(TrackMyCrimeException.VICTIM_REF, String.valueOf(victimRef));
    return context;
  }

  private static String blankToNull(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
