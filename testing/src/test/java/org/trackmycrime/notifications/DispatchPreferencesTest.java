package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trackmycrime.notifications.DispatchFixture.FORCE;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.enrolment.AlertPolicy;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimPreferences;
import org.trackmycrime.testing.TmcDatabase;

/**
 * A victim's stored preferences as the dispatcher uses them, and messages queued for one channel
 * only (reset links, sign-in codes).
 */
class DispatchPreferencesTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  DispatchFixture f;
  Dispatcher dispatcher;

  @BeforeEach
  void setUp() {
    f = new DispatchFixture(db);
    dispatcher = f.dispatcher(f.config().build());
  }

  void prefer(VictimPreferences p) {
    f.tmc.preferences().save(FORCE, "C1", "V1", p, f.clock.instant());
  }

  @Test
  void preferencesRoundTripAndNeedAVictim() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    assertThat(f.tmc.preferences().find(FORCE, "C1", "V1")).isEqualTo(VictimPreferences.NONE);
    VictimPreferences p =
        new VictimPreferences(
            Set.of(Channel.SMS),
            Language.CY,
            new VictimPreferences.QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 15)),
            10);
    prefer(p);
    assertThat(f.tmc.preferences().find(FORCE, "C1", "V1")).isEqualTo(p);
    VictimPreferences none =
        new VictimPreferences(Set.of(), null, VictimPreferences.QuietHours.NONE, null);
    prefer(none);
    assertThat(f.tmc.preferences().find(FORCE, "C1", "V1")).isEqualTo(none);
    assertThatThrownBy(
            () ->
                f.tmc
                    .preferences()
                    .save(FORCE, "C1", "V9", VictimPreferences.NONE, f.clock.instant()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new VictimPreferences.QuietHours(LocalTime.NOON, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("quietHours: needs both a start and an end");
  }

  @Test
  void aChosenLanguageAndIntervalOverrideTheRecordsOnRead() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    prefer(new VictimPreferences(Set.of(), Language.CY, null, 21));
    Victim v = f.tmc.victims().find(FORCE, "C1", "V1").orElseThrow();
    assertThat(v.language()).isEqualTo(Language.CY);
    assertThat(v.updateFrequencyDays()).isEqualTo(21);
    assertThat(f.tmc.victims().listForCrime(FORCE, "C1").get(0).language()).isEqualTo(Language.CY);
  }

  @Test
  void aChosenChannelThatFailedFallsBackToTheOthers() {
    Victim v = f.victim("C1", "V1", "alex@example.org", "+447700900123");
    VictimPreferences textOnly = new VictimPreferences(Set.of(Channel.SMS), null, null, null);
    assertThat(AlertPolicy.alertChannels(v, textOnly)).containsExactly(Channel.SMS);
    Victim failed = v.toBuilder().unreachableChannels(Set.of(Channel.SMS)).build();
    assertThat(AlertPolicy.alertChannels(failed, textOnly)).containsExactly(Channel.EMAIL);
    assertThat(AlertPolicy.alertChannels(v, VictimPreferences.NONE))
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
  }

  @Test
  void anUpdateGoesOnlyToTheChosenChannel() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    prefer(new VictimPreferences(Set.of(Channel.EMAIL), null, null, null));
    f.alert("C1", "V1", "e1");
    f.afterWindow();
    dispatcher.runOnce();
    assertThat(f.email.received()).hasSize(1);
    assertThat(f.sms.received()).isEmpty();
  }

  @Test
  void aMessageQueuedForOneChannelNeverGoesOnAnother() {
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    dispatcher.queue(
        QueuedMessage.forVictimOn(
            FORCE,
            MessageKind.VICTIM_PASSWORD_RESET,
            "C1",
            "V1",
            Channel.SMS,
            "reset|1",
            Map.of("link", "https://victims.example.org/r/abc")));
    dispatcher.runOnce();
    assertThat(f.sms.received()).hasSize(1);
    assertThat(f.email.received()).as("reset links usually prefer email").isEmpty();

    f.sms.failNext(new SendResult.Permanent("21211", "invalid number"));
    long id =
        queueAndId(
            QueuedMessage.forVictimOn(
                FORCE,
                MessageKind.VICTIM_SIGN_IN_CODE,
                "C1",
                "V1",
                Channel.SMS,
                "code|1",
                Map.of("code", "123456", "minutes", "10")));
    dispatcher.runOnce();
    assertThat(f.email.received())
        .as("no fallback for a pinned message")
        .noneMatch(m -> m.to().equals("alex@example.org"));
    assertThat(f.row(id).status()).isEqualTo("FAILED");
  }

  @Test
  void onlyVictimMessagesCanBePinnedToAChannel() {
    assertThatThrownBy(
            () ->
                new QueuedMessage(
                    FORCE,
                    MessageKind.OFFICER_MESSAGE,
                    "C1",
                    "V1",
                    "M1",
                    "fwd|M1",
                    Map.of(),
                    Channel.EMAIL))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("channel: can only be given for a message to a victim");
  }

  @Test
  void ownQuietHoursReplaceTheDefault() {
    // 09:00 UK time: the default quiet hours (21:00-08:00) are over, the victim's own are not
    f.victim("C1", "V1", "alex@example.org", "+447700900123");
    prefer(
        new VictimPreferences(
            Set.of(),
            null,
            new VictimPreferences.QuietHours(LocalTime.of(8, 0), LocalTime.of(10, 0)),
            null));
    f.alert("C1", "V1", "e1");
    f.afterWindow();
    dispatcher.runOnce();
    assertThat(f.email.received()).hasSize(1);
    assertThat(f.sms.received()).isEmpty();
    f.clock.set(Instant.parse("2026-03-02T10:00:00Z"));
    dispatcher.runOnce();
    assertThat(f.sms.received()).hasSize(1);
  }

  long queueAndId(QueuedMessage m) {
    assertThat(dispatcher.queue(m)).isTrue();
    return f.id(m.idempotencyKey());
  }
}
