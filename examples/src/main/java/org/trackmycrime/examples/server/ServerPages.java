package org.trackmycrime.examples.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.trackmycrime.notifications.OutgoingMessage;

/** The placeholder pages where the portal will be mounted, and the demo-only dev mailbox. */
public final class ServerPages {
  private final DevMailbox mailbox;

  public ServerPages(DevMailbox mailbox) {
    this.mailbox = mailbox;
  }

  /** {@code /} and {@code /staff/}: the portal (a later issue) mounts here. */
  public void placeholder(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (!path.equals("/") && !path.equals("/staff/") && !path.equals("/staff")) {
      send(ex, 404, "text/plain; charset=utf-8", "Not found");
      return;
    }
    String which = path.startsWith("/staff") ? "staff portal" : "victim portal";
    String body =
        "<h1>TrackMyCrime reference server</h1>\n<p>The "
            + Html.escape(which)
            + " mounts here (path <code>"
            + Html.escape(path)
            + "</code>). It is not built yet.</p>\n<p><a href=\"/health\">Health</a>"
            + (mailbox != null ? " · <a href=\"/dev/mailbox\">Dev mailbox (demo only)</a>" : "")
            + "</p>";
    send(ex, 200, "text/html; charset=utf-8", Html.page("TrackMyCrime", body));
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
        .append("<th>kind</th><th>to</th><th>subject</th><th>text</th></tr>\n");
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
