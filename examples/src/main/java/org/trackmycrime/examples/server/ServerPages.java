package org.trackmycrime.examples.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.trackmycrime.notifications.OutgoingMessage;

/** The reference server's own small pages: the demo-only dev mailbox and the staff notice. */
public final class ServerPages {
  private final DevMailbox mailbox;
  private final java.util.function.Function<String, String> crimesOf;

  /**
   * @param crimesOf the crime references of the victims with a contact detail (dev aid: someone
   *     trying the demo needs the reference to activate an invitation, as a real victim would know
   *     it from their report)
   */
  public ServerPages(DevMailbox mailbox, java.util.function.Function<String, String> crimesOf) {
    this.mailbox = mailbox;
    this.crimesOf = crimesOf;
  }

  /**
   * {@code /staff/} outside demo mode: staff sign in through the force's own directory, which a
   * host plugs in as a {@code StaffIdentity}; the reference server has demo accounts only.
   */
  public void staffNeedsSignIn(HttpExchange ex) throws IOException {
    send(
        ex,
        404,
        "text/plain; charset=utf-8",
        "The staff portal needs the force's own staff sign-in (a StaffIdentity supplied by the"
            + " host). The reference server has demo staff accounts in demo mode only.");
  }

  /** Demo mode only: every email and text the dispatcher "sent", newest first, escaped. */
  public void mailbox(HttpExchange ex) throws IOException {
    if (!"GET".equals(ex.getRequestMethod())) {
      send(ex, 405, "text/plain; charset=utf-8", "GET only");
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("<p style=\"background:#fdd;border:2px solid #c00;padding:8px\"><strong>DEV ONLY")
        .append(" &mdash; demo mode.</strong> Messages are captured here instead of being sent;")
        .append(" this page is off when SMTP, Twilio or GOV.UK Notify is configured.</p>\n");
    var messages = mailbox.messages();
    b.append("<h1>Dev mailbox (").append(messages.size()).append(" messages)</h1>\n");
    b.append("<table border=\"1\" cellpadding=\"4\">\n<tr><th>#</th><th>at</th><th>channel</th>")
        .append("<th>kind</th><th>to</th><th>crime reference (dev aid)</th><th>subject</th>")
        .append("<th>text</th></tr>\n");
    for (DevMailbox.Captured c : messages) {
      OutgoingMessage m = c.message();
      b.append("<tr><td>")
          .append(c.id())
          .append("</td><td>")
          .append(Html.escape(c.at().toString()))
          .append("</td><td>")
          .append(Html.escape(m.kind().name()))
          .append("</td><td>")
          .append(Html.escape(m.templateKey()))
          .append("</td><td>")
          .append(Html.escape(m.to()))
          .append("</td><td>")
          .append(Html.escape(crimesOf.apply(m.to())))
          .append("</td><td>")
          .append(Html.escape(m.subject()))
          .append("</td><td><pre>")
          .append(Html.escape(m.textBody()))
          .append("</pre></td></tr>\n");
    }
    b.append("</table>");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    send(ex, 200, "text/html; charset=utf-8", Html.page("Dev mailbox (dev only)", b.toString()));
  }

  /** Writes a whole response. */
  public static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
