package org.trackmycrime.records.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.KitEvent;

/** The JDK HttpServer adapter copies the handler's answers onto the wire. */
class WebhookHttpHandlerTest {
  private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    db.trackMyCrime()
        .forces()
        .save(new Force(KitEvent.FORCE, "Kit Police", ForceSettings.defaults()));
    WebhookHandler handler =
        WebhookHandler.builder(
                db.trackMyCrime().ingest(),
                WebhookConfig.builder(SECRET).maxBodyBytes(4096).build())
            .clock(db.clock())
            .build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tmc/records", new WebhookHttpHandler(handler));
    server.start();
    uri = URI.create("http://localhost:" + server.getAddress().getPort() + "/tmc/records");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedPostIsAnsweredWithTheResultsAsJson() throws Exception {
    byte[] body = KitEvent.good(1).json().getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    new WebhookSigner(SECRET, db.clock()).headers(body).forEach(request::header);

    HttpResponse<String> response = send(request.build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.body()).contains("\"status\":\"APPLIED\"", "\"eventId\":\"kit-0001\"");
  }

  @Test
  void aGetIsRefusedWithAllowPost() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000)))
                .build());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void anUnsignedPostIsRefusedWith401() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(KitEvent.good(1).json()))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("X-TMC-Timestamp");
  }
}
