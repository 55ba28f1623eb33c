package org.trackmycrime.notifications.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.testing.TmcDatabase;

/** The whole way: an alert in the outbox, the dispatcher, the SMTP channel, a real SMTP server. */
class DispatcherOverSmtpTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Test
  void anAlertInTheOutboxArrivesAsAnEmail() throws Exception {
    TrackMyCrime tmc = db.trackMyCrime();
    tmc.forces().save(new Force("demo-force", "Demo Police", ForceSettings.defaults()));
    tmc.crimeService()
        .record(
            Crime.recorded("demo-force", "43/1/26", "Burglary", db.clock().instant()),
            List.of(
                Victim.builder("demo-force", "43/1/26", "V1")
                    .name("Alex", "Morgan")
                    .email("alex.morgan@example.org")
                    .build()),
            Actor.officer("4321"));
    tmc.enrolment()
        .assessRisk("demo-force", "43/1/26", "V1", Actor.officer("4321"), true, List.of(), null);
    db.clock().advance(Duration.ofMinutes(1));
    // as ingest writes it
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                    + " victim_ref, entry_key, status, created_at, updated_at) VALUES"
                    + " ('demo-force', 'k1', 'VICTIM_UPDATE', '43/1/26', 'V1', 'e1', 'PENDING', ?,"
                    + " ?)")) {
      OffsetDateTime now = OffsetDateTime.ofInstant(db.clock().instant(), ZoneOffset.UTC);
      insert.setObject(1, now);
      insert.setObject(2, now);
      insert.executeUpdate();
    }
    SmtpChannel smtp =
        SmtpChannel.create(
            SmtpConfig.builder("127.0.0.1", "victim-updates@force.example")
                .port(MAIL.getSmtp().getPort())
                .security(SmtpConfig.Security.NONE)
                .build());
    Dispatcher dispatcher =
        Dispatcher.builder()
            .trackMyCrime(tmc)
            .channel(smtp)
            .config(
                DispatchConfig.builder()
                    .defaultMessaging(ForceMessaging.builder("https://victims.example.org").build())
                    .build())
            .build();
    db.clock().advance(Duration.ofMinutes(10));

    try {
      dispatcher.runOnce();
    } finally {
      smtp.close();
    }

    MimeMessage m = MAIL.getReceivedMessages()[0];
    assertThat(m.getAllRecipients()[0].toString()).isEqualTo("alex.morgan@example.org");
    assertThat(Mime.plainText(m))
        .contains("https://victims.example.org")
        .doesNotContain("Burglary")
        .doesNotContain("43/1/26")
        .doesNotContain("Alex");
    assertThat(tmc.outbox().forCrime("demo-force", "43/1/26"))
        .extracting(OutboxMessage::status)
        .containsExactly(OutboxMessage.Status.SENT);
    assertThat(dispatcher.deliveries("demo-force", 1).get(0).providerId())
        .isEqualTo(m.getMessageID());
  }
}
