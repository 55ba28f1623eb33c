package org.trackmycrime.notifications.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.internal.Emails;

/**
 * Where and how the SMTP channel sends. Immutable; {@link #builder(String, String)} starts from the
 * defaults below, {@link Builder#build()} reports every problem at once. The password never appears
 * in {@link #toString()}.
 *
 * @param host the mail server (a relay of the force's, or a provider's)
 * @param port default 587 (submission with STARTTLS)
 * @param security how the connection is protected (default {@link Security#STARTTLS})
 * @param username the login, or null for a server that needs none
 * @param password the login's password, or null
 * @param fromAddress the envelope sender and From address (the display name comes from the force's
 *     messaging, so it stays neutral); its domain also names the Message-IDs
 * @param connectTimeout how long to wait for a connection and the server's greeting (default 10 s)
 * @param readTimeout how long to wait for each reply (default 30 s)
 * @param writeTimeout how long a write may block (default 30 s)
 * @param connections connections kept open and reused, one per concurrent send (default 2)
 * @param name the channel's name in logs, metrics and receipts (default {@code smtp})
 * @param heloName the name given in EHLO, or null for the local host name
 */
public record SmtpConfig(
    String host,
    int port,
    Security security,
    String username,
    String password,
    String fromAddress,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    int connections,
    String name,
    String heloName) {

  /** How the connection to the server is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which the server must offer (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /** No encryption: only for a relay on the same host or a test server. */
    NONE
  }

  public SmtpConfig {
    List<Problem> problems = new ArrayList<>();
    if (host == null || host.isBlank() || host.length() > 253) {
      problems.add(new Problem("host", "is required (1-253 characters)"));
    }
    if (port < 1 || port > 65535) {
      problems.add(new Problem("port", "must be between 1 and 65535"));
    }
    if (security == null) {
      problems.add(new Problem("security", "is required"));
    }
    if ((username == null) != (password == null)) {
      problems.add(new Problem("username", "and password go together: give both or neither"));
    }
    if (!Emails.isValid(fromAddress)) {
      problems.add(new Problem("fromAddress", "must be a valid email address"));
    }
    timeout(problems, "connectTimeout", connectTimeout);
    timeout(problems, "readTimeout", readTimeout);
    timeout(problems, "writeTimeout", writeTimeout);
    if (connections < 1 || connections > 32) {
      problems.add(new Problem("connections", "must be between 1 and 32"));
    }
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      problems.add(new Problem("name", "must be 1-32 lower-case letters, digits or hyphens"));
    }
    if (heloName != null && !heloName.matches("[A-Za-z0-9.-]{1,253}")) {
      problems.add(new Problem("heloName", "must be a host name"));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  private static void timeout(List<Problem> problems, String field, Duration value) {
    if (value == null
        || value.compareTo(Duration.ofMillis(100)) < 0
        || value.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add(new Problem(field, "must be between 100 ms and 10 minutes"));
    }
  }

  /** The domain of the From address, used in Message-IDs. */
  public String fromDomain() {
    return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
  }

  public static Builder builder(String host, String fromAddress) {
    return new Builder(host, fromAddress);
  }

  /** No password. */
  @Override
  public String toString() {
    return "SmtpConfig["
        + name
        + " "
        + host
        + ":"
        + port
        + " "
        + security
        + (username == null ? "" : " as " + username)
        + ", timeouts "
        + connectTimeout
        + "/"
        + readTimeout
        + "/"
        + writeTimeout
        + ", "
        + connections
        + " connections]";
  }

  /** Builds an {@link SmtpConfig}. */
  public static final class Builder {
    private final String host;
    private final String fromAddress;
    private int port = 587;
    private Security security = Security.STARTTLS;
    private String username;
    private String password;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private int connections = 2;
    private String name = "smtp";
    private String heloName;

    private Builder(String host, String fromAddress) {
      this.host = host;
      this.fromAddress = fromAddress;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder security(Security value) {
      this.security = value;
      return this;
    }

    /** Logs in with these credentials (SMTP AUTH). */
    public Builder login(String user, String secret) {
      this.username = user;
      this.password = secret;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = value;
      return this;
    }

    public Builder writeTimeout(Duration value) {
      this.writeTimeout = value;
      return this;
    }

    /** Sets the connect, read and write timeouts to one value. */
    public Builder timeouts(Duration value) {
      return connectTimeout(value).readTimeout(value).writeTimeout(value);
    }

    public Builder connections(int value) {
      this.connections = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder heloName(String value) {
      this.heloName = value;
      return this;
    }

    /**
     * @throws ValidationException naming every problem
     */
    public SmtpConfig build() {
      return new SmtpConfig(
          host,
          port,
          security,
          username,
          password,
          fromAddress,
          connectTimeout,
          readTimeout,
          writeTimeout,
          connections,
          name,
          heloName);
    }
  }
}
