package org.trackmycrime.notifications.smtp;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;

/**
 * Sends email over SMTP with Jakarta Mail (Eclipse Angus).
 *
 * <pre>{@code
 * SmtpChannel smtp = SmtpChannel.create(
 *     SmtpConfig.builder("smtp.force.example", "victim-updates@force.example")
 *         .login("victim-updates", secret)
 *         .build());
 * }</pre>
 *
 * <ul>
 *   <li>Keeps up to {@link SmtpConfig#connections()} connections open and reuses them; a connection
 *       that fails is closed and the next send opens a new one. A send on a reused connection that
 *       the server has dropped is tried once more on a fresh connection.
 *   <li>Connect, read and write timeouts are always set, so a server that hangs costs at most the
 *       timeout.
 *   <li>Each message is multipart (plain text and HTML), UTF-8, with a Message-ID made from the
 *       idempotency key: a message re-sent after a crash has the same Message-ID, which is also the
 *       provider id for receipts. It is marked {@code Auto-Submitted: auto-generated} so
 *       out-of-office replies are not sent back.
 *   <li>Failures are classified: 4xx replies, timeouts, refused connections and anything about our
 *       own connection or sender are {@link SendResult.Transient}; a 5xx reply to the recipient or
 *       the message is {@link SendResult.Permanent}. Reasons never quote the server, whose replies
 *       often echo the address.
 * </ul>
 *
 * <p>Thread-safe. Logs carry Message-IDs and codes, never addresses or text.
 */
public final class SmtpChannel implements NotificationChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpChannel.class);

  private final SmtpConfig config;
  private final Session session;
  private final BlockingQueue<Connection> pool;
  private volatile boolean closed;

  private SmtpChannel(SmtpConfig config) {
    this.config = config;
    this.session = Session.getInstance(properties(config));
    this.pool = new ArrayBlockingQueue<>(config.connections());
    for (int i = 0; i < config.connections(); i++) {
      pool.add(new Connection());
    }
  }

  public static SmtpChannel create(SmtpConfig config) {
    return new SmtpChannel(Objects.requireNonNull(config, "config"));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Channel kind() {
    return Channel.EMAIL;
  }

  @Override
  public SendResult send(OutgoingMessage message) {
    if (message.kind() != Channel.EMAIL) {
      throw new IllegalArgumentException("the SMTP channel sends email, not " + message.kind());
    }
    String messageId = messageId(message.idempotencyKey());
    MimeMessage mime;
    try {
      mime = mime(message, messageId);
    } catch (AddressException e) {
      return new SendResult.Permanent("INVALID_ADDRESS", "the recipient address is not valid");
    } catch (MessagingException | UnsupportedEncodingException e) {
      return new SendResult.Permanent("INVALID_MESSAGE", "the message could not be built");
    }
    if (closed) {
      return new SendResult.Transient("CLOSED", "the channel is closed", null);
    }
    Connection connection;
    try {
      connection = pool.poll(waitForConnection(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.Transient("INTERRUPTED", "interrupted waiting for a connection", null);
    }
    if (connection == null) {
      return new SendResult.Transient("BUSY", "every connection stayed busy", null);
    }
    try {
      SendResult result = connection.send(mime);
      LOG.debug("smtp {} {}: {}", config.name(), messageId, describe(result));
      return result;
    } finally {
      if (closed) {
        connection.close();
      }
      pool.add(connection);
    }
  }

  /** Closes the open connections. Later sends fail transiently. */
  @Override
  public void close() {
    closed = true;
    for (Connection c : pool) {
      c.close();
    }
  }

  /** A Message-ID that is the same whenever the same message is sent again. */
  String messageId(String idempotencyKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".tmc@" + config.fromDomain() + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private MimeMessage mime(OutgoingMessage m, String messageId)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = new FixedIdMessage(session, messageId);
    mime.setFrom(new InternetAddress(config.fromAddress(), m.senderName(), "UTF-8"));
    InternetAddress to = new InternetAddress(m.to(), true);
    mime.setRecipient(Message.RecipientType.TO, to);
    mime.setSubject(m.subject() == null ? "" : m.subject(), "UTF-8");
    mime.setSentDate(new Date());
    mime.setHeader("Auto-Submitted", "auto-generated");
    mime.setHeader("Content-Language", m.language().code());
    if (m.htmlBody() == null) {
      mime.setText(m.textBody(), "UTF-8", "plain");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.textBody(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.htmlBody(), "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      mime.setContent(alternative);
    }
    mime.saveChanges();
    return mime;
  }

  private long waitForConnection() {
    return config
        .connectTimeout()
        .plus(config.readTimeout())
        .plus(config.writeTimeout())
        .toMillis();
  }

  private static String describe(SendResult r) {
    if (r instanceof SendResult.Accepted) {
      return "accepted";
    }
    if (r instanceof SendResult.Transient t) {
      return "transient " + t.code();
    }
    return "permanent " + ((SendResult.Permanent) r).code();
  }

  private static Properties properties(SmtpConfig c) {
    Properties p = new Properties();
    String prefix = c.security() == SmtpConfig.Security.TLS ? "mail.smtps." : "mail.smtp.";
    p.setProperty(
        "mail.transport.protocol", c.security() == SmtpConfig.Security.TLS ? "smtps" : "smtp");
    p.setProperty(prefix + "host", c.host());
    p.setProperty(prefix + "port", Integer.toString(c.port()));
    p.setProperty(prefix + "connectiontimeout", Long.toString(c.connectTimeout().toMillis()));
    p.setProperty(prefix + "timeout", Long.toString(c.readTimeout().toMillis()));
    p.setProperty(prefix + "writetimeout", Long.toString(c.writeTimeout().toMillis()));
    p.setProperty(prefix + "auth", Boolean.toString(c.username() != null));
    p.setProperty(prefix + "from", c.fromAddress());
    if (c.heloName() != null) {
      p.setProperty(prefix + "localhost", c.heloName());
    }
    if (c.security() == SmtpConfig.Security.STARTTLS) {
      p.setProperty(prefix + "starttls.enable", "true");
      p.setProperty(prefix + "starttls.required", "true");
    }
    if (c.security() != SmtpConfig.Security.NONE) {
      p.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    // report every refused recipient rather than stopping at the first
    p.setProperty(prefix + "reportsuccess", "false");
    return p;
  }

  /** One reusable connection; used by one thread at a time (it is taken from the pool). */
  private final class Connection {
    private Transport transport;
    private int code = -1;

    SendResult send(MimeMessage mime) {
      // no isConnected(): on SMTP it sends a NOOP, a round trip per message (and a second
      // timeout when the server hangs); a dropped connection shows up as a failed send instead
      boolean reused = transport != null;
      try {
        deliver(mime);
        return new SendResult.Accepted(mime.getMessageID());
      } catch (MessagingException first) {
        close();
        if (reused && SmtpFailures.connectionLost(first)) {
          // the server dropped the idle connection: once more on a fresh one
          try {
            deliver(mime);
            return new SendResult.Accepted(mime.getMessageID());
          } catch (MessagingException second) {
            close();
            return SmtpFailures.classify(second, lastCode());
          }
        }
        return SmtpFailures.classify(first, lastCode());
      }
    }

    private int lastCode() {
      return code;
    }

    private void deliver(MimeMessage mime) throws MessagingException {
      code = -1;
      if (transport == null) {
        transport = session.getTransport();
        try {
          if (config.username() != null) {
            transport.connect(config.username(), config.password());
          } else {
            transport.connect();
          }
        } catch (MessagingException e) {
          code = returnCode();
          close();
          throw e;
        }
      }
      try {
        transport.sendMessage(mime, mime.getAllRecipients());
      } catch (MessagingException e) {
        code = returnCode();
        throw e;
      }
    }

    private int returnCode() {
      return transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : -1;
    }

    void close() {
      Transport t = transport;
      transport = null;
      if (t != null) {
        try {
          t.close();
        } catch (MessagingException | RuntimeException e) {
          // closing a broken connection: nothing more to do
        }
      }
    }
  }

  /** Keeps the Message-ID made from the idempotency key (Jakarta Mail would make a random one). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
