package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trackmycrime.notifications.DispatchFixture.FORCE;
import static org.trackmycrime.notifications.DispatchFixture.HUB;
import static org.trackmycrime.notifications.DispatchFixture.PORTAL;
import static org.trackmycrime.notifications.DispatchFixture.STAFF_PORTAL;
import static org.trackmycrime.notifications.DispatchFixture.SUPERVISORS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.notifications.DispatchFixture.Row;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/**
 * The dispatcher's behaviour with a settable clock, run unchanged on every supported database (each
 * subclass says which). Every outbox row is written as ingest or the portal would write it.
 */
abstract class AbstractDispatcherTest {
  abstract TmcDatabase db();

  DispatchFixture f;
  Dispatcher dispatcher;

  @BeforeEach
  void setUp() {
    f = new DispatchFixture(db());
    dispatcher = f.dispatcher(f.config().build());
  }

  // ---- sending ----

  @Test
  void anUpdateAlertGoesToEveryChannelOnceItsWindowHasPassed() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long id = f.alert("C1", "V1", "e1");

    assertThat(dispatcher.runOnce().claimed()).as("held for the coalescing window").isZero();
    f.afterWindow();
    DispatchRun run = dispatcher.runOnce();

    assertThat(run.claimed()).isEqualTo(1);
    assertThat(run.sent()).isEqualTo(1);
    OutgoingMessage mail = f.email.received().get(0);
    assertThat(mail.to()).isEqualTo("alex@example.org");
    assertThat(mail.idempotencyKey()).isEqualTo("VICTIM_UPDATE|demo-force|C1|V1|e1");
    assertThat(mail.senderName()).isEqualTo("Victim updates");
    assertThat(mail.subject()).isEqualTo("There is an update on your report");
    assertThat(mail.textBody()).contains(PORTAL).doesNotContain("C1").doesNotContain("Burglary");
    assertThat(mail.htmlBody()).contains("<a href=\"" + PORTAL + "\">");
    OutgoingMessage text = f.sms.received().get(0);
    assertThat(text.to()).isEqualTo("+447700900123");
    assertThat(text.senderName()).isEqualTo("VictimInfo");
    assertThat(text.textBody())
        .isEqualTo("There is an update on your report. Sign in to read it: " + PORTAL);
    Row row = f.row(id);
    assertThat(row.status()).isEqualTo("SENT");
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.leaseOwner()).isNull();
    assertThat(dispatcher.deliveries(FORCE, id))
        .extracting(Delivery::channel, Delivery::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, Delivery.Outcome.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, Delivery.Outcome.ACCEPTED));
    assertThat(f.events(DispatchEvent.Sent.class))
        .extracting(DispatchEvent.Sent::channel, DispatchEvent.Sent::attempt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, 1),
            org.assertj.core.groups.Tuple.tuple(Channel.SMS, 1));
  }

  @Test
  void aWelshSpeakingVictimIsAlertedInWelsh() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123", Language.CY);
    f.alert("C1", "V1", "e1");
    f.afterWindow();

    dispatcher.runOnce();

    assertThat(f.email.received().get(0).subject()).isEqualTo("Mae diweddariad ar eich adroddiad");
    assertThat(f.sms.received().get(0).textBody()).startsWith("Mae diweddariad");
    assertThat(f.sms.received().get(0).language()).isEqualTo(Language.CY);
  }

  @Test
  void updatesWithinTheWindowBecomeOneAlert() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long first = f.alert("C1", "V1", "e1");
    f.clock.advance(Duration.ofMinutes(2));
    long second = f.alert("C1", "V1", "e2");
    f.clock.advance(Duration.ofMinutes(5));
    long third = f.alert("C1", "V1", "e3");

    assertThat(dispatcher.runOnce().claimed()).as("7 minutes after the first").isZero();
    f.clock.advance(Duration.ofMinutes(3).plusSeconds(1));
    DispatchRun run = dispatcher.runOnce();

    assertThat(run.claimed()).isEqualTo(1);
    assertThat(run.coalesced()).isEqualTo(2);
    assertThat(f.email.received()).hasSize(1);
    assertThat(f.sms.received()).hasSize(1);
    assertThat(f.row(first).status()).isEqualTo("SENT");
    assertThat(List.of(f.row(second), f.row(third)))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo("COALESCED");
              assertThat(r.coalescedInto()).isEqualTo(first);
            });
  }

  @Test
  void anUpdateAfterTheAlertStartsANewWindow() {
    f.victim("C1", "V1", "alex@example.org", null);
    f.alert("C1", "V1", "e1");
    f.afterWindow();
    dispatcher.runOnce();

    f.clock.advance(Duration.ofMinutes(1));
    f.alert("C1", "V1", "e2");
    dispatcher.runOnce();
    assertThat(f.email.received()).hasSize(1);
    f.afterWindow();
    dispatcher.runOnce();

    assertThat(f.email.received()).hasSize(2);
  }

  @Test
  void alertsForDifferentVictimsOrCrimesAreNotCoalesced() {
    f.victim("C1", "V1", "alex@example.org", null);
    f.victim("C1", "V2", "sam@example.org", null);
    f.victim("C2", "V1", "alex@example.org", null);
    f.alert("C1", "V1", "e1");
    f.alert("C1", "V2", "e1");
    f.alert("C2", "V1", "e1");
    f.afterWindow();

    assertThat(dispatcher.runOnce().sent()).isEqualTo(3);
    assertThat(f.email.countByKey()).hasSize(3).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  // ---- quiet hours ----

  @Test
  void quietHoursDelayTextsButNotEmails() {
    f.clock.set(Instant.parse("2026-03-02T21:30:00Z")); // 21:30 in London (GMT)
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();

    DispatchRun evening = dispatcher.runOnce();

    assertThat(evening.deferred()).isEqualTo(1);
    assertThat(f.email.received()).as("email is not delayed").hasSize(1);
    assertThat(f.sms.received()).as("the text waits").isEmpty();
    Row waiting = f.row(id);
    assertThat(waiting.status()).isEqualTo("PENDING");
    assertThat(waiting.nextAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    assertThat(waiting.error()).isEqualTo("QUIET_HOURS");

    f.clock.set(Instant.parse("2026-03-03T07:59:59Z"));
    assertThat(dispatcher.runOnce().claimed()).isZero();
    f.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
    dispatcher.runOnce();

    assertThat(f.sms.received()).as("sent in the morning, not dropped").hasSize(1);
    assertThat(f.email.received()).as("the email is not sent again").hasSize(1);
    assertThat(f.row(id).status()).isEqualTo("SENT");
  }

  @Test
  void quietHoursFollowTheForcesLocalTimeInSummer() {
    f.clock.set(Instant.parse("2026-07-01T20:30:00Z")); // 21:30 BST
    f.victim("C1", "V1", null, "+447700900123");
    f.alert("C1", "V1", "e1");
    f.afterWindow();

    dispatcher.runOnce();

    assertThat(f.sms.received()).isEmpty();
    f.clock.set(Instant.parse("2026-07-02T07:00:00Z")); // 08:00 BST
    dispatcher.runOnce();
    assertThat(f.sms.received()).hasSize(1);
  }

  @Test
  void aSignInCodeTheVictimAskedForIsNotHeldForQuietHours() {
    f.clock.set(Instant.parse("2026-03-02T23:00:00Z"));
    f.victim("C1", "V1", "alex@example.org", "+447700900123");

    dispatcher.queue(
        QueuedMessage.forVictim(
            FORCE,
            MessageKind.VICTIM_SIGN_IN_CODE,
            "C1",
            "V1",
            "signin|V1|1",
            Map.of("code", "482139", "minutes", "10")));
    dispatcher.runOnce();

    assertThat(f.sms.received()).hasSize(1);
    assertThat(f.sms.received().get(0).textBody()).contains("482139");
    assertThat(f.email.received()).as("one channel, text first, for codes").isEmpty();
    assertThat(f.rows().get(0).params()).as("the code is erased once sent").isNull();
  }

  @Test
  void noQuietHoursWhenConfiguredSo() {
    dispatcher = f.dispatcher(f.config().noQuietHours().build());
    f.clock.set(Instant.parse("2026-03-02T23:00:00Z"));
    f.victim("C1", "V1", null, "+447700900123");
    f.alert("C1", "V1", "e1");
    f.afterWindow();

    dispatcher.runOnce();

    assertThat(f.sms.received()).hasSize(1);
  }

  // ---- failures ----

  @Test
  void aTransientFailureIsRetriedAfterABackoff() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.failNext(new SendResult.Transient("421", "service not available", null));
    Instant failedAt = f.clock.instant();

    assertThat(dispatcher.runOnce().retrying()).isEqualTo(1);
    Row waiting = f.row(id);
    assertThat(waiting.status()).isEqualTo("PENDING");
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.error()).startsWith("TRANSIENT 421");
    assertThat(waiting.nextAt())
        .as("between half and all of the first backoff (30 s)")
        .isBetween(failedAt.plusSeconds(15), failedAt.plusSeconds(30));
    assertThat(dispatcher.runOnce().claimed()).as("not before its time").isZero();

    f.clock.set(waiting.nextAt());
    dispatcher.runOnce();

    assertThat(f.email.received()).hasSize(1);
    assertThat(f.row(id).status()).isEqualTo("SENT");
    assertThat(f.row(id).attempts()).isEqualTo(2);
    assertThat(f.events(DispatchEvent.Failed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.failure()).isEqualTo(DispatchEvent.Failure.TRANSIENT);
              assertThat(e.code()).isEqualTo("421");
              assertThat(e.attempt()).isEqualTo(1);
            });
    assertThat(f.events(DispatchEvent.Sent.class).get(0).attempt()).isEqualTo(2);
  }

  @Test
  void retryAfterIsHonoured() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.failNext(new SendResult.Transient("429", "rate limited", Duration.ofMinutes(20)));
    Instant failedAt = f.clock.instant();

    dispatcher.runOnce();

    assertThat(f.row(id).nextAt()).isEqualTo(failedAt.plus(Duration.ofMinutes(20)));
    f.clock.advance(Duration.ofMinutes(19));
    dispatcher.runOnce();
    assertThat(f.email.received()).isEmpty();
    f.clock.advance(Duration.ofMinutes(1));
    dispatcher.runOnce();
    assertThat(f.email.received()).hasSize(1);
  }

  @Test
  void aMisconfiguredChannelIsRetriedAndNeverMarksTheVictimUnreachable() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.failNext(
        new SendResult.Permanent("config-auth", "the provider refused our credentials"));

    dispatcher.runOnce();

    assertThat(f.tmc.victims().find(FORCE, "C1", "V1").orElseThrow().unreachableChannels())
        .as("our own setup is wrong, not the victim's address")
        .isEmpty();
    assertThat(f.rowsOfKind(MessageKind.HUB_VICTIM_UNREACHABLE)).isEmpty();
    assertThat(f.row(id).status()).isEqualTo("PENDING");
    f.clock.advance(Duration.ofHours(2));
    dispatcher.runOnce();
    assertThat(f.email.received()).hasSize(1);
    assertThat(f.row(id).status()).isEqualTo("SENT");
  }

  @Test
  void aPermanentFailureMarksTheChannelUnreachableAndTellsTheCommandHub() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.failNext(new SendResult.Permanent("550", "5.1.1 mailbox unavailable"));

    DispatchRun run = dispatcher.runOnce();

    assertThat(run.sent()).as("the alert (by text) and the hub notice").isEqualTo(2);
    assertThat(f.sms.received()).hasSize(1);
    assertThat(f.tmc.victims().find(FORCE, "C1", "V1").orElseThrow().unreachableChannels())
        .containsExactly(Channel.EMAIL);
    assertThat(f.row(id).status()).isEqualTo("SENT");
    assertThat(dispatcher.deliveries(FORCE, id))
        .filteredOn(d -> d.channel() == Channel.EMAIL)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo(Delivery.Outcome.REJECTED);
              assertThat(d.errorCode()).isEqualTo("550");
            });
    assertThat(f.events(DispatchEvent.Failed.class))
        .singleElement()
        .satisfies(e -> assertThat(e.failure()).isEqualTo(DispatchEvent.Failure.PERMANENT));
    assertThat(f.tmc.audit().forSubject(FORCE, "victim", "V1"))
        .extracting(AuditEvent::detail)
        .anySatisfy(d -> assertThat(d).startsWith("EMAIL unreachable"));

    // the hub notice is an outbox row of its own, sent by email to the force's hub
    assertThat(f.rowsOfKind(MessageKind.HUB_VICTIM_UNREACHABLE))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo("SENT"));
    OutgoingMessage notice = f.email.received().get(0);
    assertThat(notice.to()).isEqualTo(HUB);
    assertThat(notice.subject()).isEqualTo("A victim can no longer be reached by email");
    assertThat(notice.textBody())
        .contains("victim V1 on crime C1")
        .contains("Still usable: text message.")
        .contains(STAFF_PORTAL)
        .doesNotContain("alex@example.org");

    // later alerts use the text only, and the email is never retried
    f.email.clear();
    f.alert("C1", "V1", "e2");
    f.afterWindow();
    dispatcher.runOnce();
    assertThat(f.email.received()).isEmpty();
    assertThat(f.sms.received()).hasSize(2);
  }

  @Test
  void aPermanentFailureFallsBackToTheVictimsOtherChannel() {
    dispatcher = f.dispatcher(f.config().alertChannels(AlertChannels.PREFER_EMAIL).build());
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    f.victim("C2", "V2", "sam@example.org", "+447700900456");
    long failing = f.alert("C1", "V1", "e1");
    f.alert("C2", "V2", "e1");
    f.afterWindow();
    f.email.always(
        m ->
            m.to().equals("alex@example.org")
                ? new SendResult.Permanent("550", "no such user")
                : f.email.accept(m));

    dispatcher.runOnce();

    assertThat(f.sms.received())
        .as("V1 falls back to text in the same pass; V2 gets email only")
        .extracting(OutgoingMessage::to)
        .containsExactly("+447700900123");
    assertThat(f.email.received())
        .extracting(OutgoingMessage::to)
        .as("V2's alert and the hub notice about V1")
        .containsExactlyInAnyOrder("sam@example.org", HUB);
    assertThat(f.row(failing).status()).isEqualTo("SENT");
  }

  @Test
  void aVictimWithNoOtherChannelIsFailedAndTheHubToldTheyCannotBeReached() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.failNext(new SendResult.Permanent("550", "no such user"));

    DispatchRun run = dispatcher.runOnce();

    assertThat(run.failed()).isEqualTo(1);
    assertThat(f.row(id).status()).isEqualTo("FAILED");
    assertThat(f.row(id).error()).isEqualTo("UNREACHABLE");
    assertThat(f.email.received()).extracting(OutgoingMessage::to).containsExactly(HUB);
    assertThat(f.email.received().get(0).textBody())
        .contains("Still usable: none, so the victim cannot be alerted");
  }

  @Test
  void afterTheLastAttemptAnAlertIsDeadLetteredAndAnOperatorCanRetryIt() {
    dispatcher = f.dispatcher(f.config().maxAttempts(3).build());
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.alwaysFailTransiently("421", null);

    dispatcher.runOnce();
    f.clock.advance(Duration.ofHours(1));
    dispatcher.runOnce();
    f.clock.advance(Duration.ofHours(1));
    DispatchRun last = dispatcher.runOnce();

    assertThat(last.deadLettered()).isEqualTo(1);
    assertThat(f.row(id).status()).isEqualTo("DEAD");
    assertThat(dispatcher.deadLetters(FORCE, 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo(id);
              assertThat(d.kind()).isEqualTo("VICTIM_UPDATE");
              assertThat(d.attempts()).isEqualTo(3);
              assertThat(d.error()).startsWith("TRANSIENT 421");
              assertThat(d.deadAt()).isEqualTo(f.clock.instant());
            });
    assertThat(f.events(DispatchEvent.DeadLettered.class)).hasSize(1);
    assertThat(f.events(DispatchEvent.Failed.class)).hasSize(3);
    f.clock.advance(Duration.ofDays(1));
    assertThat(dispatcher.runOnce().claimed()).as("dead letters are not retried").isZero();

    f.email.always(null); // the mail server is fixed
    assertThat(dispatcher.retryDeadLetter("other-force", id)).as("scoped by force").isFalse();
    assertThat(dispatcher.retryDeadLetter(FORCE, id)).isTrue();
    dispatcher.runOnce();

    assertThat(f.email.received()).hasSize(1);
    assertThat(f.row(id).status()).isEqualTo("SENT");
    assertThat(dispatcher.deadLetters(FORCE, 10)).isEmpty();
    assertThat(dispatcher.retryDeadLetter(FORCE, id)).isFalse();
  }

  @Test
  void aLongOutageOfTheProviderKeepsAlertsWaitingWithoutUsingUpTheirAttempts() {
    dispatcher =
        f.dispatcher(
            f.config()
                .maxAttempts(3)
                .backoff(Duration.ofSeconds(30), Duration.ofMinutes(10))
                .build());
    f.victim("C1", "V1", "alex@example.org", null);
    f.victim("C2", "V1", "sam@example.org", null);
    long first = f.alert("C1", "V1", "e1");
    long second = f.alert("C2", "V1", "e2");
    f.afterWindow();
    f.email.always(
        m -> SendResult.Transient.channelDown("CONNECTION_REFUSED", "nothing listening"));
    Instant outageStart = f.clock.instant();

    // 30 passes over more than a day: many more than maxAttempts, none of them counted
    Duration longestWait = Duration.ZERO;
    for (int pass = 0; pass < 30; pass++) {
      Instant before = f.clock.instant();
      dispatcher.runOnce();
      Row waiting = f.row(first);
      assertThat(waiting.status()).as("pass %d", pass).isEqualTo("PENDING");
      assertThat(waiting.attempts()).as("an outage uses up no attempt").isZero();
      assertThat(waiting.error()).startsWith("CHANNEL_DOWN CONNECTION_REFUSED");
      Duration wait = Duration.between(before, waiting.nextAt());
      assertThat(wait).as("capped by maxBackoff").isLessThanOrEqualTo(Duration.ofMinutes(10));
      longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
      f.clock.set(
          waiting.nextAt().isAfter(f.row(second).nextAt())
              ? waiting.nextAt()
              : f.row(second).nextAt());
      f.clock.advance(Duration.ofMinutes(45));
    }
    assertThat(Duration.between(outageStart, f.clock.instant())).isGreaterThan(Duration.ofDays(1));
    assertThat(longestWait)
        .as("the checks thin out as the outage goes on")
        .isGreaterThan(Duration.ofMinutes(4));
    assertThat(dispatcher.deadLetters(FORCE, 10)).isEmpty();
    assertThat(f.tmc.victims().find(FORCE, "C1", "V1").orElseThrow().unreachableChannels())
        .as("an outage says nothing about the victim's address")
        .isEmpty();
    assertThat(f.rowsOfKind(MessageKind.HUB_VICTIM_UNREACHABLE)).isEmpty();

    f.email.always(null); // the mail server is back
    dispatcher.runOnce();
    assertThat(f.row(first).status()).isEqualTo("SENT");
    assertThat(f.row(second).status()).isEqualTo("SENT");
    assertThat(f.row(first).attempts()).isEqualTo(1);
    assertThat(f.email.received()).hasSize(2);

    // an ordinary transient failure still counts: the limit applies again after the outage
    f.victim("C3", "V1", "kim@example.org", null);
    long third = f.alert("C3", "V1", "e3");
    f.afterWindow();
    f.email.alwaysFailTransiently("421", null);
    for (int pass = 0; pass < 3; pass++) {
      dispatcher.runOnce();
      f.clock.advance(Duration.ofHours(1));
    }
    assertThat(f.row(third).status()).isEqualTo("DEAD");
  }

  @Test
  void aMessageThatCannotBeRenderedIsDeadLetteredAtOnce() {
    f.victim("C1", "V1", null, "+447700900123");
    dispatcher.queue(
        QueuedMessage.forVictim(
            FORCE,
            MessageKind.VICTIM_SIGN_IN_CODE,
            "C1",
            "V1",
            "signin|V1|1",
            Map.of("code", "1".repeat(150), "minutes", "10")));

    assertThat(dispatcher.runOnce().deadLettered()).isEqualTo(1);
    assertThat(f.sms.attempts()).isEmpty();
    assertThat(dispatcher.deadLetters(FORCE, 10).get(0).error()).isEqualTo("TEMPLATE");
    assertThat(f.tmc.victims().find(FORCE, "C1", "V1").orElseThrow().unreachableChannels())
        .as("a template problem is ours, not the victim's")
        .isEmpty();
  }

  @Test
  void aForceWithoutMessagingIsDeadLetteredNotGuessed() {
    dispatcher = f.dispatcher(DispatchConfig.builder().force("other-force", f.messaging()).build());
    f.victim("C1", "V1", "alex@example.org", null);
    f.alert("C1", "V1", "e1");
    f.afterWindow();

    dispatcher.runOnce();

    assertThat(f.email.attempts()).isEmpty();
    assertThat(dispatcher.deadLetters(FORCE, 10).get(0).error())
        .isEqualTo("NO_MESSAGING_CONFIGURED");
  }

  @Test
  void aListenerThatThrowsDoesNotStopDispatch() {
    Dispatcher noisy =
        Dispatcher.builder()
            .trackMyCrime(f.tmc)
            .channel(f.email)
            .config(f.config().build())
            .listener(
                new DispatchListener() {
                  @Override
                  public void onSent(DispatchEvent.Sent event) {
                    throw new IllegalStateException("monitoring is down");
                  }
                })
            .build();
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();

    noisy.runOnce();

    assertThat(f.row(id).status()).isEqualTo("SENT");
  }

  // ---- stop contact and the alert policy at send time ----

  @Test
  void stoppingContactCancelsEverythingQueuedAndHoldsUntilResumed() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long update = f.alert("C1", "V1", "e1");
    dispatcher.queue(
        QueuedMessage.forVictim(FORCE, MessageKind.VICTIM_REPLY, "C1", "V1", "reply|M1", Map.of()));
    f.officer("4321", "dc.canary@demo-police.example", "CID North");
    long staff = f.queue("OFFICER_OVERDUE", "overdue|C1|V1", "C1", "V1", null, Map.of());

    int cancelled = dispatcher.stopContact(FORCE, "C1", "V1", Actor.staff("hub-7"));

    assertThat(cancelled).isEqualTo(2);
    assertThat(f.row(update).status()).isEqualTo("CANCELLED");
    assertThat(f.row(update).error()).isEqualTo("CONTACT_STOPPED");
    assertThat(f.row(staff).status())
        .as("staff messages about the victim still go")
        .isEqualTo("PENDING");
    assertThat(dispatcher.isContactStopped(FORCE, "C1", "V1")).isTrue();
    assertThat(f.tmc.audit().forSubject(FORCE, "victim", "V1"))
        .extracting(AuditEvent::detail)
        .anySatisfy(d -> assertThat(d).startsWith("contact stopped"));

    // written after the stop (as ingest would): cancelled when its turn comes
    long later = f.alert("C1", "V1", "e2");
    f.afterWindow();
    dispatcher.runOnce();
    assertThat(f.row(later).status()).isEqualTo("CANCELLED");
    assertThat(f.sms.received()).isEmpty();
    assertThat(f.email.received())
        .extracting(OutgoingMessage::to)
        .containsExactly("dc.canary@demo-police.example");

    assertThat(dispatcher.resumeContact(FORCE, "C1", "V1", Actor.staff("hub-7"))).isTrue();
    f.alert("C1", "V1", "e3");
    f.afterWindow();
    dispatcher.runOnce();
    assertThat(f.sms.received()).hasSize(1);
    assertThat(f.row(update).status())
        .as("what the stop cancelled stays cancelled")
        .isEqualTo("CANCELLED");
  }

  @Test
  void stoppingContactForAnUnknownVictimIsNotFound() {
    assertThatThrownBy(() -> dispatcher.stopContact(FORCE, "C9", "V9", Actor.staff("hub-7")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aVictimWhoOptedOutAfterTheAlertWasQueuedIsNotAlerted() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    long id = f.alert("C1", "V1", "e1");
    f.clock.advance(Duration.ofMinutes(1));
    f.tmc.enrolment().optOut(FORCE, "C1", "V1", Actor.victim("V1"), null);
    f.afterWindow();

    DispatchRun run = dispatcher.runOnce();

    assertThat(run.cancelled()).isEqualTo(1);
    assertThat(f.row(id).status()).isEqualTo("CANCELLED");
    assertThat(f.row(id).error()).contains("OPTED_OUT");
    assertThat(f.email.attempts()).isEmpty();
    assertThat(f.sms.attempts()).isEmpty();
  }

  @Test
  void aVictimWhoOptedOutOfUpdatesStillGetsTheSignInCodeTheyAskedFor() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    f.clock.advance(Duration.ofMinutes(1));
    f.tmc.enrolment().optOut(FORCE, "C1", "V1", Actor.victim("V1"), null);

    dispatcher.queue(
        QueuedMessage.forVictim(
            FORCE,
            MessageKind.VICTIM_SIGN_IN_CODE,
            "C1",
            "V1",
            "signin|V1|1",
            Map.of("code", "482139", "minutes", "10")));
    dispatcher.runOnce();

    assertThat(f.sms.received()).hasSize(1);
  }

  @Test
  void aVictimFoundUnsuitableGetsNothingAtAll() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    f.clock.advance(Duration.ofMinutes(1));
    f.tmc
        .enrolment()
        .assessRisk(FORCE, "C1", "V1", DispatchFixture.OFFICER, false, List.of(), "risk");
    f.alert("C1", "V1", "e1");
    dispatcher.queue(
        QueuedMessage.forVictim(
            FORCE,
            MessageKind.VICTIM_SIGN_IN_CODE,
            "C1",
            "V1",
            "signin|V1|1",
            Map.of("code", "482139", "minutes", "10")));
    f.afterWindow();

    assertThat(dispatcher.runOnce().cancelled()).isEqualTo(2);
    assertThat(f.sms.attempts()).isEmpty();
    assertThat(f.email.attempts()).isEmpty();
  }

  // ---- receipts ----

  @Test
  void receiptsMoveForwardOnly() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    dispatcher.runOnce();
    String providerId = dispatcher.deliveries(FORCE, id).get(0).providerId();

    assertThat(dispatcher.recordReceipt("recording-email", providerId, ReceiptStatus.DELIVERED))
        .isTrue();
    assertThat(f.row(id).status()).isEqualTo("DELIVERED");
    assertThat(dispatcher.recordReceipt("recording-email", providerId, ReceiptStatus.ACCEPTED))
        .as("a late 'accepted' is ignored")
        .isFalse();
    assertThat(dispatcher.recordReceipt("recording-email", providerId, ReceiptStatus.FAILED))
        .as("delivered is final")
        .isFalse();

    assertThat(f.row(id).status()).isEqualTo("DELIVERED");
    assertThat(dispatcher.deliveries(FORCE, id).get(0).receipt())
        .isEqualTo(ReceiptStatus.DELIVERED);
    assertThat(f.events(DispatchEvent.Delivered.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outboxId()).isEqualTo(id);
              assertThat(e.providerId()).isEqualTo(providerId);
              assertThat(e.channel()).isEqualTo(Channel.EMAIL);
            });
  }

  @Test
  void anAcceptedReceiptThenAFailedOneFailsTheAlert() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    dispatcher.runOnce();
    String providerId = dispatcher.deliveries(FORCE, id).get(0).providerId();

    assertThat(dispatcher.recordReceipt("recording-email", providerId, ReceiptStatus.ACCEPTED))
        .isTrue();
    assertThat(dispatcher.recordReceipt("recording-email", providerId, ReceiptStatus.FAILED))
        .isTrue();

    assertThat(f.row(id).status()).isEqualTo("FAILED");
    assertThat(f.events(DispatchEvent.Failed.class))
        .singleElement()
        .satisfies(e -> assertThat(e.failure()).isEqualTo(DispatchEvent.Failure.RECEIPT));
  }

  @Test
  void aReceiptThatOvertakesTheAcceptanceIsKept() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    // the recording channel's first provider id; the provider's callback beats our write
    f.email.onNext(
        m -> {
          SendResult.Accepted a = f.email.accept(m);
          dispatcher.recordReceipt("recording-email", a.providerId(), ReceiptStatus.DELIVERED);
          return a;
        });

    dispatcher.runOnce();

    assertThat(f.row(id).status()).isEqualTo("DELIVERED");
    assertThat(f.events(DispatchEvent.Delivered.class)).hasSize(1);
  }

  @Test
  void anUnknownProviderIdIsKeptForLater() {
    assertThat(dispatcher.recordReceipt("recording-sms", "SM-unknown", ReceiptStatus.DELIVERED))
        .isTrue();
    assertThat(f.events).isEmpty();
  }

  // ---- staff messages ----

  @Test
  void staffMessagesGoToTheOfficerTheSupervisorsOrTheHub() {
    f.officer("4321", "dc.canary@demo-police.example", "CID North");
    f.victim("C1", "V1", "alex@example.org", null);
    f.victim("C2", "V2", "sam@example.org", null);
    f.tmc.crimes().save(f.tmc.crimes().find(FORCE, "C2").orElseThrow().withOfficerRef(null));
    f.clock.set(Instant.parse("2026-03-02T23:30:00Z")); // staff email is not held for quiet hours
    long dueSoon = f.queue("OFFICER_DUE_SOON", "due|C1|V1", "C1", "V1", null, Map.of());
    long escalation = f.queue("SUPERVISOR_ESCALATION", "esc|C1|V1", "C1", "V1", null, Map.of());
    long noOfficer = f.queue("OFFICER_OVERDUE", "overdue|C2|V2", "C2", "V2", null, Map.of());

    assertThat(dispatcher.runOnce().sent()).isEqualTo(3);

    assertThat(f.email.received())
        .extracting(OutgoingMessage::to, OutgoingMessage::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dc.canary@demo-police.example", "An update for a victim is due soon"),
            org.assertj.core.groups.Tuple.tuple(
                SUPERVISORS, "An overdue victim update needs your attention"),
            org.assertj.core.groups.Tuple.tuple(HUB, "An update for a victim is overdue"));
    assertThat(f.email.received().get(0).textBody())
        .contains("victim V1 on crime C1")
        .contains(STAFF_PORTAL);
    assertThat(f.sms.attempts()).as("staff messages go by email only").isEmpty();
    assertThat(List.of(dueSoon, escalation, noOfficer))
        .allSatisfy(id -> assertThat(f.row(id).status()).isEqualTo("SENT"));
  }

  @Test
  void aForwardedMessageGoesToTheOfficerItWasAssignedTo() {
    f.officer("5555", "dc.other@demo-police.example", "CID South");
    f.victim("C1", "V1", "alex@example.org", null);
    Instant now = f.clock.instant();
    f.tmc
        .messages()
        .save(
            new VictimMessage(
                FORCE,
                "M1",
                "C1",
                "V1",
                "Private words",
                MessageStatus.FORWARDED,
                "5555",
                now,
                now));

    dispatcher.queue(QueuedMessage.forwardedToOfficer(FORCE, "C1", "V1", "M1", "fwd|M1"));
    dispatcher.runOnce();

    OutgoingMessage m = f.email.received().get(0);
    assertThat(m.to()).isEqualTo("dc.other@demo-police.example");
    assertThat(m.textBody()).doesNotContain("Private words");
  }

  @Test
  void aStaffMessageWithNobodyToSendToIsCancelled() {
    f.tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    f.victim("C1", "V1", "alex@example.org", null);
    long id =
        f.queue(
            "HUB_VICTIM_UNREACHABLE",
            "hub|C1|V1",
            "C1",
            "V1",
            null,
            Map.of("channel", "EMAIL", "remaining", ""));

    dispatcher.runOnce();

    assertThat(f.row(id).status()).isEqualTo("CANCELLED");
    assertThat(f.row(id).error()).isEqualTo("NO_RECIPIENT");
  }

  // ---- queueing ----

  @Test
  void queueingTheSameKeyTwiceQueuesOnce() {
    f.victim("C1", "V1", "alex@example.org", null);
    QueuedMessage invite =
        QueuedMessage.forVictim(
            FORCE,
            MessageKind.VICTIM_INVITATION,
            "C1",
            "V1",
            "invite|V1",
            Map.of("link", PORTAL + "/a/Qx7Ab9Zk3mN0pLw4Rt2vXy"));

    assertThat(dispatcher.queue(invite)).isTrue();
    assertThat(dispatcher.queue(invite)).isFalse();
    assertThatThrownBy(
            () ->
                dispatcher.queue(
                    QueuedMessage.forVictim(
                        "no-such-force",
                        MessageKind.VICTIM_REPLY,
                        "C1",
                        "V1",
                        "reply|x",
                        Map.of())))
        .isInstanceOf(NotFoundException.class);
    dispatcher.runOnce();

    assertThat(f.email.received()).hasSize(1);
    assertThat(f.email.received().get(0).textBody()).contains(PORTAL + "/a/Qx7Ab9Zk3mN0pLw4Rt2vXy");
    assertThat(f.sms.received()).as("one channel, email first, for invitations").isEmpty();
  }

  // ---- crashes ----

  @Test
  void aDispatcherKilledBetweenClaimAndSendLosesNothing() {
    f.victim("C1", "V1", "alex@example.org", null);
    f.victim("C2", "V2", "sam@example.org", null);
    f.victim("C3", "V3", "jo@example.org", null);
    f.alert("C1", "V1", "e1");
    f.alert("C2", "V2", "e1");
    f.alert("C3", "V3", "e1");
    f.afterWindow();
    f.email.onNext(f.email::accept).crashBeforeSending();

    assertThatThrownBy(dispatcher::runOnce).isInstanceOf(RecordingChannel.SimulatedCrash.class);
    assertThat(f.email.received()).hasSize(1);

    // a new node starts at once: the dead node's rows are still leased to it
    Dispatcher restarted = f.dispatcher(f.config().build());
    assertThat(restarted.runOnce().claimed()).isZero();
    f.clock.advance(Duration.ofMinutes(5));
    DispatchRun recovered = restarted.runOnce();

    assertThat(recovered.sent()).isEqualTo(2);
    assertThat(f.email.countByKey())
        .as("every alert delivered, none twice")
        .hasSize(3)
        .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void aDispatcherKilledBetweenSendAndRecordingResendsWithTheSameIdempotencyKey() {
    f.victim("C1", "V1", "alex@example.org", null);
    f.victim("C2", "V2", "sam@example.org", null);
    f.victim("C3", "V3", "jo@example.org", null);
    f.alert("C1", "V1", "e1");
    f.alert("C2", "V2", "e1");
    f.alert("C3", "V3", "e1");
    f.afterWindow();
    f.email.onNext(f.email::accept).crashAfterSending();

    assertThatThrownBy(dispatcher::runOnce).isInstanceOf(RecordingChannel.SimulatedCrash.class);
    f.clock.advance(Duration.ofMinutes(5));
    f.dispatcher(f.config().build()).runOnce();

    Map<String, Integer> counts = f.email.countByKey();
    assertThat(counts).hasSize(3);
    assertThat(counts.get("VICTIM_UPDATE|demo-force|C1|V1|e1")).isEqualTo(1);
    assertThat(counts.get("VICTIM_UPDATE|demo-force|C3|V3|e1")).isEqualTo(1);
    assertThat(counts.get("VICTIM_UPDATE|demo-force|C2|V2|e1"))
        .as("the documented window: the provider sees the same key twice")
        .isEqualTo(2);
    assertThat(f.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("SENT"));
  }

  @Test
  void aRowWhoseWorkerIsStillWithinItsLeaseIsNotTakenOver() {
    f.victim("C1", "V1", "alex@example.org", null);
    long id = f.alert("C1", "V1", "e1");
    f.afterWindow();
    f.email.crashBeforeSending();
    assertThatThrownBy(dispatcher::runOnce).isInstanceOf(RecordingChannel.SimulatedCrash.class);

    f.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(f.dispatcher(f.config().build()).runOnce().claimed()).isZero();
    assertThat(f.row(id).leaseOwner()).isNotNull();
  }
}
