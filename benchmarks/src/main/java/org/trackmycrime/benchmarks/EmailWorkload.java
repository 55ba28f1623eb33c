package org.trackmycrime.benchmarks;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Properties;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.smtp.SmtpChannel;
import org.trackmycrime.notifications.smtp.SmtpConfig;
import org.trackmycrime.notifications.template.RenderedMessage;

/**
 * Update alerts by email: the dispatcher with {@link SmtpChannel} to GreenMail on loopback, next to
 * a plain Jakarta Mail loop on one connection.
 */
final class EmailWorkload extends DispatchWorkload {
  static final String FROM = "victim-updates@bench.example";

  @Override
  public String name() {
    return "email";
  }

  @Override
  boolean email() {
    return true;
  }

  @Override
  Server start() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    Tally tally = new Tally();
    // count each message per recipient as GreenMail takes it (before it answers 250) and drop it:
    // no mailbox per recipient, nothing kept in memory, no purging racing the count
    GreenMailUser sink = new Sink();
    mail.getUserManager()
        .setMessageDeliveryHandler(
            (message, address) -> {
              tally.add(address.getEmail());
              return sink;
            });
    return new SmtpServer(mail, tally);
  }

  private record SmtpServer(GreenMail mail, Tally tally) implements Server {
    int port() {
      return mail.getSmtp().getPort();
    }

    @Override
    public void close() {
      mail.stop();
    }
  }

  /** A mailbox that keeps nothing. */
  private static final class Sink implements GreenMailUser {
    @Override
    public String getEmail() {
      return "sink@bench.example";
    }

    @Override
    public String getLogin() {
      return "sink";
    }

    @Override
    public void deliver(MovingMessage msg) {}

    @Override
    public void deliver(MimeMessage msg) {}

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
      return "";
    }

    @Override
    public void setPassword(String password) {}

    @Override
    public void authenticate(String password) throws UserException {
      throw new UserException("the benchmark's sink mailbox takes no logins");
    }

    @Override
    public String getQualifiedMailboxName() {
      return "sink";
    }
  }

  @Override
  NotificationChannel channel(Server server) {
    return SmtpChannel.create(
        SmtpConfig.builder("127.0.0.1", FROM)
            .port(((SmtpServer) server).port())
            .security(SmtpConfig.Security.NONE)
            .build());
  }

  @Override
  void baseline(Server server, List<String> recipients, RenderedMessage message) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(((SmtpServer) server).port()));
    Session session = Session.getInstance(props);
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (String to : recipients) {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(FROM));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(message.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(message.html(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        mime.setContent(alternative);
        mime.saveChanges();
        transport.sendMessage(mime, mime.getAllRecipients());
      }
    }
  }
}
