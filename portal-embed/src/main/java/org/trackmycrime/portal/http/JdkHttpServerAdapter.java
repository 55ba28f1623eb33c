package org.trackmycrime.portal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Serves a {@link Router} on the JDK's {@code com.sun.net.httpserver}, under the path of the
 * context it is registered on (a router mounted at {@code /victims} sees {@code /victims/sign-in}
 * as {@code /sign-in}, and its redirects to {@code /x} go to {@code /victims/x}). Bounds what a
 * client can make it hold as {@link AdapterSupport} describes: request headers together at most
 * {@code maxHeaderBytes} (else 431), a body at most {@code maxBodyBytes} (else 413, without reading
 * it). Slow clients are cut off by the JDK server itself once {@link #limitSlowClients} (or the
 * system properties it sets) is in force; give the server an executor, since without one a client
 * that stalls holds the server's only thread. TLS is the host's (an {@code HttpsServer} or a proxy
 * in front): the session cookie is Secure.
 */
public final class JdkHttpServerAdapter implements HttpHandler {
  public static final int DEFAULT_MAX_HEADER_BYTES = AdapterSupport.DEFAULT_MAX_HEADER_BYTES;
  public static final int DEFAULT_MAX_BODY_BYTES = AdapterSupport.DEFAULT_MAX_BODY_BYTES;

  /** The JDK reads these once, when the first {@code HttpServer} of the JVM starts. */
  static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

  static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";
  static final String MAX_REQUEST_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";

  /** Turns Nagle's algorithm off on the server's connections. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final AdapterSupport support;

  public JdkHttpServerAdapter(Router router, int maxHeaderBytes, int maxBodyBytes) {
    this.support = new AdapterSupport(router, maxHeaderBytes, maxBodyBytes);
  }

  public JdkHttpServerAdapter(Router router) {
    this(router, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
  }

  /** Serves the router at "/" on the server. */
  public static void mount(HttpServer server, Router router) {
    server.createContext("/", new JdkHttpServerAdapter(router));
  }

  /**
   * Serves the router under {@code path} (for example {@code /victims}) on the server, with the
   * default limits.
   */
  public static void mount(HttpServer server, String path, Router router) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path: must start with /");
    }
    server.createContext(path, new JdkHttpServerAdapter(router));
  }

  /**
   * Makes the JDK's HTTP server close a connection whose request (line, headers and body) has not
   * fully arrived within {@code maxRequestTime}, or whose response the client has not taken within
   * {@code maxResponseTime} (whole seconds, at least one), and stop reading request headers past
   * twice {@link #DEFAULT_MAX_HEADER_BYTES}; and turns Nagle's algorithm off, without which a
   * keep-alive response written in two parts waits for the client's delayed acknowledgement (about
   * 40 ms on Linux, which caps a keep-alive client at some 25 pages a second). It sets the system
   * properties {@code sun.net.httpserver.maxReqTime}, {@code maxRspTime}, {@code maxReqHeaderSize}
   * and {@code nodelay}, each only if the host has not set it. The JDK reads them once, when the
   * first {@code HttpServer} of the JVM is created: call this before that (first thing in {@code
   * main}), or pass the properties with {@code -D} instead. Verified on JDK 17.0.15; see the
   * module's README.
   */
  public static void limitSlowClients(Duration maxRequestTime, Duration maxResponseTime) {
    if (maxRequestTime.toSeconds() < 1 || maxResponseTime.toSeconds() < 1) {
      throw new IllegalArgumentException("times must be at least one second");
    }
    setIfAbsent(MAX_REQUEST_TIME, Long.toString(maxRequestTime.toSeconds()));
    setIfAbsent(MAX_RESPONSE_TIME, Long.toString(maxResponseTime.toSeconds()));
    setIfAbsent(MAX_REQUEST_HEADER_SIZE, Integer.toString(2 * DEFAULT_MAX_HEADER_BYTES));
    setIfAbsent(NO_DELAY, "true");
  }

  private static void setIfAbsent(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String context = exchange.getHttpContext().getPath();
      String mountPath =
          context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
      PortalResponse response =
          support.respond(
              new AdapterSupport.Incoming(
                  exchange.getRequestMethod(),
                  AdapterSupport.pathBelow(exchange.getRequestURI().getRawPath(), mountPath),
                  exchange.getRequestHeaders(),
                  exchange.getRequestBody(),
                  exchange.getRemoteAddress() == null
                      ? null
                      : exchange.getRemoteAddress().getAddress().getHostAddress(),
                  mountPath));
      send(exchange, response);
    }
  }

  private static void send(HttpExchange exchange, PortalResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
    byte[] body = response.body();
    boolean withBody =
        AdapterSupport.sendsBody(exchange.getRequestMethod(), response) && body.length > 0;
    exchange.sendResponseHeaders(response.status(), withBody ? body.length : -1);
    if (withBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
