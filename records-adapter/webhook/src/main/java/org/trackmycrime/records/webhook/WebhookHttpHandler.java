package org.trackmycrime.records.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Mounts a {@link WebhookHandler} on the JDK's built-in {@code com.sun.net.httpserver.HttpServer}:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8443), 0);   // or HttpsServer
 * server.createContext("/tmc/records", new WebhookHttpHandler(webhook));
 * server.start();
 * }</pre>
 *
 * Use an {@code HttpsServer} (or TLS in front): the signature proves who sent the events, TLS keeps
 * them private.
 */
public final class WebhookHttpHandler implements HttpHandler {
  private final WebhookHandler handler;

  public WebhookHttpHandler(WebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      WebhookResponse response =
          handler.handle(
              exchange.getRequestMethod(), exchange.getRequestHeaders(), exchange.getRequestBody());
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }
}
