package org.trackmycrime.portal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a {@link Router} on the JDK's {@code com.sun.net.httpserver}. Bounds what a client can
 * make it hold: request headers together at most {@code maxHeaderBytes} (else 431), a body at most
 * {@code maxBodyBytes} (else 413, without reading it). Only URL-encoded form bodies are parsed. TLS
 * is the host's (an {@code HttpsServer} or a proxy in front): the session cookie is Secure.
 */
public final class JdkHttpServerAdapter implements HttpHandler {
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_FIELDS = 200;

  private final Router router;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;

  public JdkHttpServerAdapter(Router router, int maxHeaderBytes, int maxBodyBytes) {
    if (maxHeaderBytes < 1024 || maxBodyBytes < 1024) {
      throw new IllegalArgumentException("limits must be at least 1024 bytes");
    }
    this.router = router;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  public JdkHttpServerAdapter(Router router) {
    this(router, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
  }

  /** Serves the router at "/" on the server. */
  public static void mount(HttpServer server, Router router) {
    server.createContext("/", new JdkHttpServerAdapter(router));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      PortalResponse response = respond(exchange);
      send(exchange, response);
    }
  }

  private PortalResponse respond(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    long headerBytes = 0;
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      for (String v : e.getValue()) {
        headerBytes += e.getKey().length() + v.length() + 4;
      }
      headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    if (headerBytes > maxHeaderBytes) {
      return limited(431, "Request headers too large");
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBodyBytes) {
          return limited(413, "Request too large");
        }
      } catch (NumberFormatException e) {
        return limited(400, "Bad request");
      }
    }
    byte[] body = readAtMost(exchange.getRequestBody(), maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      return limited(413, "Request too large");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, List<String>> form =
        contentType != null
                && contentType
                    .toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")
            ? parseForm(new String(body, StandardCharsets.UTF_8))
            : Map.of();
    String path = exchange.getRequestURI().getRawPath();
    PortalRequest request =
        new PortalRequest(
            exchange.getRequestMethod(),
            path == null ? "/" : path,
            headers,
            parseCookies(exchange.getRequestHeaders().get("Cookie")),
            form,
            exchange.getRemoteAddress() == null
                ? null
                : exchange.getRemoteAddress().getAddress().getHostAddress());
    return router.handle(request);
  }

  private static PortalResponse limited(int status, String text) {
    return PortalResponse.text(status, text)
        .withHeader("Connection", "close")
        .withDefaults(org.trackmycrime.portal.SecurityHeaders.forPublicPage());
  }

  private static void send(HttpExchange exchange, PortalResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
    byte[] body = response.body();
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < limit
        && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static Map<String, List<String>> parseForm(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    int fields = 0;
    for (String pair : body.split("&")) {
      if (pair.isEmpty() || ++fields > MAX_FIELDS) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        // a malformed escape: the field is dropped, as if it had not been sent
      }
    }
    return form;
  }

  static Map<String, String> parseCookies(List<String> headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    if (headers == null) {
      return cookies;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
      }
    }
    return cookies;
  }
}
