package org.trackmycrime.portal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpServerAdapterTest {
  private HttpServer server;
  private URI base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    Router router =
        new Router()
            .post(
                "/echo",
                r ->
                    PortalResponse.text(
                        200,
                        r.field("name").orElse("-")
                            + "|"
                            + r.cookie("__Host-tmc-session").orElse("-")
                            + "|"
                            + r.client()));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", new JdkHttpServerAdapter(router, 2048, 4096));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(String body, String cookie) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve("/echo"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void formFieldsCookiesAndTheClientAddressReachTheHandler() throws Exception {
    HttpResponse<String> r = post("name=Alex+M%C3%B3rgan&x=1", "a=b; __Host-tmc-session=abc");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("Alex Mórgan|abc|127.0.0.1");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void aTooLargeBodyIsRefusedWith413() throws Exception {
    assertThat(post("name=" + "x".repeat(5000), null).statusCode()).isEqualTo(413);
  }

  @Test
  void tooLargeHeadersAreRefusedWith431() throws Exception {
    assertThat(post("name=a", "big=" + "x".repeat(3000)).statusCode()).isEqualTo(431);
  }

  @Test
  void slowClientLimitsAreSetOnlyWhereTheHostHasNotSetThem() {
    // the server in @BeforeEach already made the JDK read its settings, so this changes no server
    List<String> names =
        List.of(
            JdkHttpServerAdapter.MAX_REQUEST_TIME,
            JdkHttpServerAdapter.MAX_RESPONSE_TIME,
            JdkHttpServerAdapter.MAX_REQUEST_HEADER_SIZE,
            JdkHttpServerAdapter.NO_DELAY);
    Map<String, String> saved = new HashMap<>();
    names.forEach(n -> saved.put(n, System.getProperty(n)));
    try {
      names.forEach(System::clearProperty);
      System.setProperty(JdkHttpServerAdapter.MAX_REQUEST_TIME, "7");
      JdkHttpServerAdapter.limitSlowClients(Duration.ofSeconds(20), Duration.ofMinutes(1));
      assertThat(System.getProperty(JdkHttpServerAdapter.MAX_REQUEST_TIME)).isEqualTo("7");
      assertThat(System.getProperty(JdkHttpServerAdapter.MAX_RESPONSE_TIME)).isEqualTo("60");
      assertThat(System.getProperty(JdkHttpServerAdapter.MAX_REQUEST_HEADER_SIZE))
          .isEqualTo("32768");
      assertThat(System.getProperty(JdkHttpServerAdapter.NO_DELAY)).isEqualTo("true");
      assertThatThrownBy(
              () -> JdkHttpServerAdapter.limitSlowClients(Duration.ofMillis(10), Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      saved.forEach(
          (n, v) -> {
            if (v == null) {
              System.clearProperty(n);
            } else {
              System.setProperty(n, v);
            }
          });
    }
  }

  @Test
  void aMalformedEscapeDropsOnlyThatField() {
    assertThat(AdapterSupport.parseForm("a=%zz&b=2")).containsOnlyKeys("b");
  }
}
