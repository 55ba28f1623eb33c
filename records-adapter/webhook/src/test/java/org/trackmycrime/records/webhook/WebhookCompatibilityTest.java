package org.trackmycrime.records.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.KitEvent;
import org.trackmycrime.testing.records.RecordConnectorCompatibilityKit;

/**
 * The webhook passes the records connector compatibility kit, over real HTTP. The records system is
 * a sender that keeps events queued until it gets a 200 for them: "checkpoint" is that answer, and
 * a "restart" is the webhook's host restarting while the sender retries what was not confirmed. The
 * webhook keeps no checkpoint of its own, so it does not declare {@link
 * Capability#DURABLE_CHECKPOINT}.
 */
class WebhookCompatibilityTest extends RecordConnectorCompatibilityKit {
  private static final String SECRET = "compatibility-kit-secret-0123456789abcdef";

  private final MutableClock clock = MutableClock.at(TmcDatabase.DEFAULT_START);
  private final Deque<KitEvent> unconfirmed = new ArrayDeque<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private final WebhookSigner signer = new WebhookSigner(SECRET, clock);
  private com.sun.net.httpserver.HttpServer server;

  @Override
  protected Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  protected void publish(List<KitEvent> events) {
    unconfirmed.addAll(events);
  }

  /**
   * Sends the queued events in batches until all are confirmed or a request is not answered 200.
   */
  @Override
  protected void deliver(RecordIngest ingest) {
    if (server == null) {
      server = start(ingest);
    }
    while (!unconfirmed.isEmpty()) {
      List<KitEvent> batch = new ArrayList<>();
      unconfirmed.stream().limit(batchSize()).forEach(batch::add);
      clock.advance(Duration.ofSeconds(1));
      if (send(batch) != 200) {
        return;
      }
      batch.forEach(e -> unconfirmed.removeFirst());
    }
  }

  @Override
  protected void restart() {
    stopServer();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private com.sun.net.httpserver.HttpServer start(RecordIngest ingest) {
    WebhookHandler handler =
        WebhookHandler.builder(ingest, WebhookConfig.builder(SECRET).build()).clock(clock).build();
    try {
      com.sun.net.httpserver.HttpServer s =
          com.sun.net.httpserver.HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.createContext("/records", new WebhookHttpHandler(handler));
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int send(List<KitEvent> batch) {
    byte[] body =
        batch.stream()
            .map(KitEvent::json)
            .collect(Collectors.joining("\n", "", "\n"))
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.getAddress().getPort() + "/records"))
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signer.headers(body).forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
