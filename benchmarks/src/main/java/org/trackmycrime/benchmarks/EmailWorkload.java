package org.trackmycrime.benchmarks;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    AtomicLong received = new AtomicLong();
    // GreenMail keeps every message in memory: count them and let them go
    ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor();
    purge.scheduleWithFixedDelay(
        () -> {
          received.addAndGet(mail.getReceivedMessages().length);
          try {
            mail.purgeEmailFromAllMailboxes();
          } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
          }
        },
        200,
        200,
        TimeUnit.MILLISECONDS);
    return new SmtpServer(mail, purge, received);
  }

  private record SmtpServer(GreenMail mail, ScheduledExecutorService purge, AtomicLong counted)
      implements Server {
    int port() {
      return mail.getSmtp().getPort();
    }

    @Override
    public synchronized long received() {
      // a message purged between the two reads would be counted twice; read under the purge
      try {
        return purge
            .submit(() -> counted.get() + mail.getReceivedMessages().length)
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      purge.shutdownNow();
      mail.stop();
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
