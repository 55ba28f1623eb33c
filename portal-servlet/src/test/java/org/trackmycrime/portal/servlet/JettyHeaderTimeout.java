package org.trackmycrime.portal.servlet;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;

/**
 * Closes a Jetty connection whose request line and headers have not all arrived within a time limit
 * once their first byte has. Jetty 12 has no setting for this: its idle timeout restarts at every
 * byte and its minimum data rate applies to bodies only, so a client sending one header byte a
 * second would otherwise hold its connection until the header size limit (hours). Uses only Jetty's
 * public connection counters: between a response ({@code messagesOut} caught up with {@code
 * messagesIn}) and the next request's headers ({@code messagesIn} going up), bytes arriving for
 * longer than the limit mean a dribbled header. Checked once a second, so the cut comes within the
 * limit plus about two seconds.
 */
final class JettyHeaderTimeout implements Connection.Listener {
  private final Connector connector;
  private final long limitNanos;

  JettyHeaderTimeout(Connector connector, Duration limit) {
    this.connector = connector;
    this.limitNanos = limit.toNanos();
  }

  /** Installs the timeout on every connection the connector accepts. */
  static void install(Connector connector, Duration limit) {
    connector.addEventListener(new JettyHeaderTimeout(connector, limit));
  }

  @Override
  public void onOpened(Connection connection) {
    new Watch(connection).schedule();
  }

  private final class Watch implements Runnable {
    private final Connection connection;
    private long messagesIn;
    private long bytesAtBoundary;
    private long pendingSince;

    Watch(Connection connection) {
      this.connection = connection;
    }

    void schedule() {
      connector.getScheduler().schedule(this, 1, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
      if (!connection.getEndPoint().isOpen()) {
        return;
      }
      long in = connection.getMessagesIn();
      long out = connection.getMessagesOut();
      long bytes = connection.getBytesIn();
      long now = System.nanoTime();
      if (in != messagesIn || in > out) {
        // a request's headers arrived, or one is being handled: the next header starts later
        messagesIn = in;
        bytesAtBoundary = bytes;
        pendingSince = 0;
      } else if (bytes > bytesAtBoundary) {
        if (pendingSince == 0) {
          pendingSince = now;
        } else if (now - pendingSince > limitNanos) {
          connection.getEndPoint().close();
          return;
        }
      }
      schedule();
    }
  }
}
