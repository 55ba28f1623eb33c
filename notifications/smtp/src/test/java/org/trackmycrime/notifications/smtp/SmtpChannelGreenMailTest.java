package org.trackmycrime.notifications.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.template.MessageTemplates;
import org.trackmycrime.notifications.template.RenderedMessage;

/** The SMTP channel against GreenMail, a real SMTP server running in the test JVM. */
class SmtpChannelGreenMailTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  SmtpChannel channel;

  @BeforeEach
  void channel() {
    channel =
        SmtpChannel.create(
            SmtpConfig.builder("127.0.0.1", "victim-updates@force.example")
                .port(MAIL.getSmtp().getPort())
                .security(SmtpConfig.Security.NONE)
                .timeouts(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void close() {
    channel.close();
  }

  static OutgoingMessage rendered(String key, Language language) {
    RenderedMessage r =
        MessageTemplates.defaults()
            .render(
                MessageKind.VICTIM_UPDATE,
                language,
                Map.of("portalUrl", "https://victims.example.org"));
    return new OutgoingMessage(
        key,
        Channel.EMAIL,
        "alex@example.org",
        "Victim updates",
        language,
        r.subject(),
        r.text(),
        r.html(),
        MessageKind.VICTIM_UPDATE.name(),
        Map.of("portalUrl", "https://victims.example.org"));
  }

  @Test
  void sendsAMultipartMessageFromTheNeutralSender() throws Exception {
    SendResult result = channel.send(rendered("VICTIM_UPDATE|demo|C1|V1|e1", Language.EN));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    MimeMessage m = MAIL.getReceivedMessages()[0];
    InternetAddress from = (InternetAddress) m.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("victim-updates@force.example");
    assertThat(from.getPersonal()).isEqualTo("Victim updates");
    assertThat(m.getSubject()).isEqualTo("There is an update on your report");
    assertThat(m.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("alex@example.org");
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    assertThat(Mime.plainText(m)).contains("https://victims.example.org");
    assertThat(Mime.html(m)).contains("<a href=\"https://victims.example.org\">");
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
  }

  @Test
  void welshArrivesIntact() throws Exception {
    channel.send(rendered("VICTIM_UPDATE|demo|C1|V1|e1", Language.CY));

    MimeMessage m = MAIL.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("Mae diweddariad ar eich adroddiad");
    assertThat(Mime.plainText(m)).contains("Mewngofnodwch i'w ddarllen");
    assertThat(m.getHeader("Content-Language")).containsExactly("cy");
  }

  @Test
  void theMessageIdComesFromTheIdempotencyKeySoAResendIsRecognisable() throws Exception {
    SendResult first = channel.send(rendered("VICTIM_UPDATE|demo|C1|V1|e1", Language.EN));
    SendResult again = channel.send(rendered("VICTIM_UPDATE|demo|C1|V1|e1", Language.EN));
    SendResult other = channel.send(rendered("VICTIM_UPDATE|demo|C1|V1|e2", Language.EN));

    String id = ((SendResult.Accepted) first).providerId();
    assertThat(((SendResult.Accepted) again).providerId()).isEqualTo(id);
    assertThat(((SendResult.Accepted) other).providerId()).isNotEqualTo(id);
    assertThat(id)
        .matches("<[0-9a-f]{32}\\.tmc@force\\.example>")
        .as("the key names the crime: only its hash is shown")
        .doesNotContain("C1");
    assertThat(MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo(id);
    assertThat(MAIL.getReceivedMessages()[1].getMessageID()).isEqualTo(id);
  }

  @Test
  void manyMessagesInARow() {
    for (int i = 0; i < 10; i++) {
      assertThat(channel.send(rendered("k" + i, Language.EN)))
          .isInstanceOf(SendResult.Accepted.class);
    }
    assertThat(MAIL.getReceivedMessages()).hasSize(10);
  }
}
