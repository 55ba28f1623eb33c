package org.trackmycrime.notifications.govuknotify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * A stand-in for api.notifications.service.gov.uk on a loopback port: records each request and
 * answers with the next scripted reply (201 with Notify's documented body when nothing is
 * scripted).
 */
final class FakeNotify implements AutoCloseable {
  static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
  static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
  static final String API_KEY = "tmc_test-" + SERVICE_ID + "-" + SECRET;

  record Seen(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    JSONObject json() {
      return new JSONObject(body);
    }
  }

  record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    /** Notify's documented error shape. */
    static Reply error(int status, String error, String message) {
      return json(
          status,
          new JSONObject()
              .put("status_code", status)
              .put("errors", List.of(new JSONObject().put("error", error).put("message", message)))
              .toString());
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
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Reply> script = new ArrayDeque<>();
  private final Deque<Reply> lookupScript = new ArrayDeque<>();
  private final List<JSONObject> created = new ArrayList<>();
  private final List<String> accepted = new ArrayList<>();
  private Reply alwaysForSends;
  private Reply alwaysForLookups;
  private final CountDownLatch release = new CountDownLatch(1);

  FakeNotify() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The answer to the next send (POST). */
  synchronized void enqueue(Reply reply) {
    script.add(reply);
  }

  /** Answer every send without a scripted reply with this one; null for the usual 201. */
  synchronized void answerSendsAlways(Reply reply) {
    alwaysForSends = reply;
  }

  /** Answer every look-up without a scripted reply with this one; null for the usual list. */
  synchronized void answerLookupsAlways(Reply reply) {
    alwaysForLookups = reply;
  }

  /**
   * The texts of the notifications answered with 201, oldest first, as a pass-through template
   * ({@code ((tmc_body))}) renders them.
   */
  synchronized List<String> acceptedTexts() {
    return List.copyOf(accepted);
  }

  /** The answer to the next reference look-up (GET). */
  synchronized void enqueueLookup(Reply reply) {
    lookupScript.add(reply);
  }

  /** The sends (POSTs) only, not the look-ups. */
  List<Seen> sends() {
    return requests().stream().filter(r -> r.method().equals("POST")).toList();
  }

  /** The look-ups (GETs) only. */
  List<Seen> lookups() {
    return requests().stream().filter(r -> r.method().equals("GET")).toList();
  }

  List<Seen> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  Seen onlyRequest() {
    List<Seen> all = sends();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one send, got " + all.size());
    }
    return all.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              path,
              new LinkedHashMap<>(exchange.getRequestHeaders()),
              body));
      Reply reply;
      synchronized (this) {
        if (exchange.getRequestMethod().equals("GET")) {
          reply =
              !lookupScript.isEmpty()
                  ? lookupScript.poll()
                  : alwaysForLookups != null
                      ? alwaysForLookups
                      : list(exchange.getRequestURI().getRawQuery());
        } else {
          reply =
              !script.isEmpty()
                  ? script.poll()
                  : alwaysForSends != null ? alwaysForSends : created(path, body);
          if (reply.status() == 201) {
            JSONObject fields = new JSONObject(body).optJSONObject("personalisation");
            accepted.add(fields == null ? "" : fields.optString("tmc_body", ""));
          }
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

  /** Notify's list of notifications, filtered by reference and type as Notify does. */
  private Reply list(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    List<JSONObject> matching =
        created.stream()
            .filter(n -> n.getString("reference").equals(query.get("reference")))
            .filter(n -> n.getString("type").equals(query.get("template_type")))
            .toList();
    return Reply.json(200, listBody(matching));
  }

  static String listBody(List<JSONObject> notifications) {
    return new JSONObject()
        .put("notifications", notifications)
        .put(
            "links",
            new JSONObject()
                .put("current", "https://api.notifications.service.gov.uk/v2/notifications"))
        .toString();
  }

  static JSONObject notification(String id, String reference, String type, String status) {
    return new JSONObject()
        .put("id", id)
        .put("reference", reference)
        .put("type", type)
        .put("status", status)
        .put("created_at", "2025-03-01T10:00:00.000000Z");
  }

  /** Notify's documented 201 answer for the request's template and reference. */
  private Reply created(String path, String body) {
    JSONObject request = new JSONObject(body);
    String id = UUID.randomUUID().toString();
    String templateId = request.getString("template_id");
    JSONObject content =
        path.endsWith("/email")
            ? new JSONObject()
                .put("body", "There is an update on your crime report.")
                .put("subject", "An update on your crime report")
                .put("from_email", "avon.and.somerset.police@notifications.service.gov.uk")
            : new JSONObject()
                .put("body", "There is an update on your crime report.")
                .put("from_number", "AvonSomPol");
    JSONObject answer =
        new JSONObject()
            .put("id", id)
            .put("reference", request.optString("reference", null))
            .put("content", content)
            .put("uri", "https://api.notifications.service.gov.uk/v2/notifications/" + id)
            .put(
                "template",
                new JSONObject()
                    .put("id", templateId)
                    .put("version", 1)
                    .put(
                        "uri",
                        "https://api.notifications.service.gov.uk/v2/template/" + templateId));
    if (request.has("reference")) {
      created.add(
          notification(
              id,
              request.getString("reference"),
              path.endsWith("/email") ? "email" : "sms",
              "created"));
    }
    return Reply.json(201, answer.toString());
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
