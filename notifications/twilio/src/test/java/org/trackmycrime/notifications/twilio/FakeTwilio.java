package org.trackmycrime.notifications.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for api.twilio.com on a loopback port: records each request and answers with the next
 * scripted reply (201 with a Message resource when nothing is scripted).
 */
final class FakeTwilio implements AutoCloseable {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";

  /** One request as the server saw it. */
  record Seen(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      String body,
      Map<String, String> form) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** One scripted answer. */
  record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    static Reply error(int status, int code, String message) {
      return json(
          status,
          "{\"code\": "
              + code
              + ", \"message\": \""
              + message
              + "\", \"more_info\": \"https://www.twilio.com/docs/errors/"
              + code
              + "\", \"status\": "
              + status
              + "}");
    }

    static Reply hanging() {
      return new Reply(0, Map.of(), "", true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, hang);
    }
  }

  private final HttpServer server;
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final List<String> accepted = new ArrayList<>();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private int sidCounter;
  private Reply always;

  FakeTwilio() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized void enqueue(Reply reply) {
    script.add(reply);
  }

  /** Answer every request without a scripted reply with this one; null for the usual 201. */
  synchronized void answerAlways(Reply reply) {
    always = reply;
  }

  /** The bodies of the texts answered with 201, oldest first. */
  List<String> acceptedTexts() {
    synchronized (seen) {
      return accepted.stream().toList();
    }
  }

  List<Seen> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  Seen onlyRequest() {
    List<Seen> all = requests();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + all.size());
    }
    return all.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              headers,
              body,
              form(body)));
      Reply reply;
      synchronized (this) {
        reply = !script.isEmpty() ? script.poll() : always != null ? always : created(body);
      }
      if (reply.status() == 201) {
        synchronized (seen) {
          accepted.add(form(body).get("Body"));
        }
      }
      if (reply.hang()) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private synchronized Reply created(String body) {
    String sid = String.format("SM%032x", ++sidCounter);
    return Reply.json(201, messageJson(sid, "queued"));
  }

  static String messageJson(String sid, String status) {
    return "{\"account_sid\": \""
        + ACCOUNT_SID
        + "\", \"api_version\": \"2010-04-01\", \"body\": \"You have an update\","
        + " \"date_created\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"date_sent\": null,"
        + " \"date_updated\": \"Thu, 24 Aug 2023 05:01:45 +0000\", \"direction\": \"outbound-api\","
        + " \"error_code\": null, \"error_message\": null, \"from\": \"+447700900001\","
        + " \"messaging_service_sid\": null, \"num_media\": \"0\", \"num_segments\": \"1\","
        + " \"price\": null, \"price_unit\": \"GBP\", \"sid\": \""
        + sid
        + "\", \"status\": \""
        + status
        + "\", \"subresource_uris\": {\"media\": \"/2010-04-01/Accounts/"
        + ACCOUNT_SID
        + "/Messages/"
        + sid
        + "/Media.json\"}, \"to\": \"+447700900123\", \"uri\": \"/2010-04-01/Accounts/"
        + ACCOUNT_SID
        + "/Messages/"
        + sid
        + ".json\"}";
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (out.put(k, v) != null) {
        throw new AssertionError("form field sent twice: " + k);
      }
    }
    return out;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
