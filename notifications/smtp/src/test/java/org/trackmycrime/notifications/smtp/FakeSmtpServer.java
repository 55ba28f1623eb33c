package org.trackmycrime.notifications.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scriptable SMTP server on a local port, for the answers GreenMail does not give: a 421
 * greeting, 4xx and 5xx replies at each stage, a server that hangs, one that drops connections.
 * Each connection is served on its own thread; the mode is read at every step, so it can change
 * while a client holds a connection open.
 */
final class FakeSmtpServer implements AutoCloseable {
  enum Mode {
    /** Accepts every message. */
    ACCEPT,
    /** 421 to the greeting and to any command: busy, closing. */
    BUSY_421,
    /** 550 to RCPT: no such mailbox. */
    RCPT_550,
    /** 452 to RCPT: mailbox full, try later. */
    RCPT_452,
    /** 554 after DATA: message refused. */
    DATA_554,
    /** 550 to MAIL FROM: our sender refused. */
    MAIL_550,
    /** Accepts the connection, then never says another word. */
    HANG,
    /** Accepts a message, then closes the connection without a word. */
    DROP_AFTER_MESSAGE
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private volatile Mode mode = Mode.ACCEPT;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  FakeSmtpServer() {
    try {
      server = new ServerSocket(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptLoop, "fake-smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void mode(Mode value) {
    this.mode = value;
  }

  int connections() {
    return connections.get();
  }

  /** The DATA of each accepted message, as received. */
  List<String> messages() {
    return new ArrayList<>(messages);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "fake-smtp-" + connections.get());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (mode == Mode.HANG) {
        hang(in);
        return;
      }
      if (mode == Mode.BUSY_421) {
        reply(out, "421 4.3.2 Service not available, closing transmission channel");
        return;
      }
      reply(out, "220 fake.example ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        Mode now = mode;
        if (now == Mode.HANG) {
          hang(in);
          return;
        }
        if (now == Mode.BUSY_421) {
          reply(out, "421 4.3.2 Service not available, closing transmission channel");
          return;
        }
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO" -> reply(out, "250-fake.example\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO" -> reply(out, "250 fake.example");
          case "MAIL" ->
              reply(out, now == Mode.MAIL_550 ? "550 5.7.1 Sender rejected" : "250 2.1.0 OK");
          case "RCPT" -> {
            if (now == Mode.RCPT_550) {
              reply(out, "550 5.1.1 " + line.substring(8) + ": Recipient address rejected");
            } else if (now == Mode.RCPT_452) {
              reply(out, "452 4.2.2 Mailbox full");
            } else {
              reply(out, "250 2.1.5 OK");
            }
          }
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder data = new StringBuilder();
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              data.append(d.startsWith("..") ? d.substring(1) : d).append("\n");
            }
            if (mode == Mode.DATA_554) {
              reply(out, "554 5.7.1 Message rejected");
            } else {
              messages.add(data.toString());
              reply(out, "250 2.0.0 OK queued");
              if (mode == Mode.DROP_AFTER_MESSAGE) {
                return;
              }
            }
          }
          case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, "502 5.5.2 Command not recognised");
        }
      }
    } catch (SocketException e) {
      // the client went away
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(socket);
    }
  }

  /** Reads and ignores until the client gives up and closes the connection. */
  private static void hang(BufferedReader in) throws IOException {
    while (in.readLine() != null) {
      // say nothing
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
