package org.trackmycrime.portal.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.trackmycrime.portal.PasswordHasher;
import org.trackmycrime.portal.http.AdapterSupport;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;

/**
 * What every adapter of the portal's {@link Router} must do, run against each one: the router
 * mounted under {@code /victims} with the default limits (16 KiB of headers, 64 KiB of body), on a
 * server configured as the module's README says, so slow clients are cut off too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class AbstractAdapterContractTest {
  static final String MOUNT = "/victims";

  /** How long a dribbling client may hold a connection before the test fails (generous for CI). */
  static final Duration CUT_OFF_BOUND = Duration.ofSeconds(60);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicInteger handled = new AtomicInteger();
  private final AtomicInteger hashed = new AtomicInteger();
  private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1));
  private URI base;

  /** Starts the adapter serving {@code router} under {@link #MOUNT}; returns the server's root. */
  abstract URI start(Router router) throws Exception;

  abstract void stop() throws Exception;

  @BeforeEach
  void startServer() throws Exception {
    Router router =
        new Router()
            .post(
                "/echo",
                r -> {
                  handled.incrementAndGet();
                  return PortalResponse.text(
                      200,
                      r.field("name").orElse("-")
                          + "|"
                          + r.cookie("__Host-tmc-session").orElse("-")
                          + "|"
                          + r.cookie("lang").orElse("-")
                          + "|"
                          + r.client()
                          + "|"
                          + r.path());
                })
            .get(
                "/page",
                r -> {
                  handled.incrementAndGet();
                  return PortalResponse.html(200, "<p>hello</p>")
                      .withHeader("Set-Cookie", "a=1; Path=/; Secure; HttpOnly")
                      .withHeader("Set-Cookie", "b=2; Path=/; Secure; HttpOnly")
                      .withHeader("Cache-Control", "no-store");
                })
            .get("/", r -> PortalResponse.text(200, "start"))
            .get("/caf%C3%A9", r -> PortalResponse.text(200, "raw path"))
            .get(
                "/boom",
                r -> {
                  throw new IllegalStateException("no");
                })
            .post(
                "/sign-in",
                r -> {
                  handled.incrementAndGet();
                  String password = r.field("password").orElse("");
                  hasher.hash(password);
                  hashed.incrementAndGet();
                  return PortalResponse.redirect("/crimes");
                });
    base = start(router).resolve(MOUNT + "/");
  }

  @AfterEach
  void stopServer() throws Exception {
    stop();
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return client.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  private HttpResponse<String> postForm(String path, String body) throws Exception {
    return send(
        at(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void formFieldsCookiesClientAndThePathBelowTheMountReachTheHandler() throws Exception {
    HttpResponse<String> r =
        send(
            at("echo")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Cookie", "a=b; __Host-tmc-session=abc")
                .header("Cookie", "lang=cy")
                .POST(HttpRequest.BodyPublishers.ofString("name=Alex+M%C3%B3rgan&x=1&bad=%zz")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("Alex Mórgan|abc|cy|127.0.0.1|/echo");
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void headersSetByTheHandlerAreKeptIncludingSeveralCookies() throws Exception {
    HttpResponse<String> r = send(at("page"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("<p>hello</p>");
    assertThat(r.headers().allValues("Set-Cookie"))
        .containsExactly("a=1; Path=/; Secure; HttpOnly", "b=2; Path=/; Secure; HttpOnly");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Content-Length")).hasValue("12");
  }

  @Test
  void theMountPathItselfIsTheRoutersRoot() throws Exception {
    HttpResponse<String> r = send(at(""));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("start");
  }

  @Test
  void thePathReachesTheRouterStillEncoded() throws Exception {
    assertThat(send(at("caf%C3%A9")).body()).isEqualTo("raw path");
  }

  @Test
  void headGetsTheHeadersOfGetWithoutABody() throws Exception {
    HttpResponse<String> r = send(at("page").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().allValues("Set-Cookie")).hasSize(2);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
  }

  @Test
  void anUnknownRouteIs404AndSoIsAPathOutsideTheMount() throws Exception {
    HttpResponse<String> r = send(at("nowhere"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(send(HttpRequest.newBuilder(base.resolve("/victimsx/page"))).statusCode())
        .isEqualTo(404);
    assertThat(handled).hasValue(0);
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> r = postForm("page", "a=1");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    HttpResponse<String> d = send(at("echo").DELETE());
    assertThat(d.statusCode()).isEqualTo(405);
    assertThat(d.headers().firstValue("Allow")).hasValue("POST");
    assertThat(handled).hasValue(0);
  }

  @Test
  void aFailingHandlerGivesAPlain500() throws Exception {
    HttpResponse<String> r = send(at("boom"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .isEqualTo("Sorry, there is a problem with the service")
        .doesNotContain("no");
  }

  @Test
  void redirectsToSitePathsStayUnderTheMount() throws Exception {
    HttpResponse<String> r = postForm("sign-in", "password=correct+horse+battery+staple");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue(MOUNT + "/crimes");
    assertThat(hashed).hasValue(1);
  }

  @Test
  void headersJustUnderTheLimitPassAndJustOverAreRefusedWith431() throws Exception {
    String almost = "x".repeat(AdapterSupport.DEFAULT_MAX_HEADER_BYTES - 1024);
    assertThat(send(at("page").header("X-Filler", almost)).statusCode()).isEqualTo(200);
    String over = "x".repeat(AdapterSupport.DEFAULT_MAX_HEADER_BYTES + 100);
    HttpResponse<String> r = send(at("page").header("X-Filler", over));
    assertThat(r.statusCode()).isEqualTo(431);
    assertThat(handled).hasValue(1);
  }

  @Test
  void aBodyJustUnderTheLimitPassesAndJustOverIsRefusedWith413() throws Exception {
    String filler = "&f=" + "y".repeat(AdapterSupport.DEFAULT_MAX_BODY_BYTES - 100);
    assertThat(postForm("echo", "name=A" + filler).body()).startsWith("A|");
    try (RawClient c = new RawClient(base)) {
      String body = "name=A&f=" + "y".repeat(AdapterSupport.DEFAULT_MAX_BODY_BYTES);
      c.send(post("echo", body.length(), "") + body);
      assertThat(c.awaitClosed(CUT_OFF_BOUND.toMillis())).isTrue();
      assertThat(c.status()).isEqualTo(413);
    }
    assertThat(handled).hasValue(1);
  }

  @Test
  void aOneMegabytePasswordIsRefusedBeforeAnythingHashesIt() throws Exception {
    // the client declares the whole megabyte but sends only its start: the answer comes anyway,
    // so the server decided without reading the body, and the handler (which hashes) never ran
    String start = "password=" + "p".repeat(8 * 1024);
    try (RawClient c = new RawClient(base)) {
      c.send(post("sign-in", 1024 * 1024 + 9, "") + start);
      assertThat(c.awaitStatus(CUT_OFF_BOUND.toMillis())).isTrue();
      assertThat(c.status()).isEqualTo(413);
      assertThat(c.received()).contains("Request too large");
    }
    assertThat(hashed).hasValue(0);
    assertThat(handled).hasValue(0);
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWithoutWaitingForItsEnd() throws Exception {
    try (RawClient c = new RawClient(base)) {
      c.send(
          "POST "
              + MOUNT
              + "/sign-in HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      c.send(chunk("password="));
      for (int i = 0; i < 80 && !c.poll(); i++) {
        c.send(chunk("p".repeat(1024)));
      }
      // the last chunk is never sent: the server must not wait for it
      assertThat(c.awaitStatus(CUT_OFF_BOUND.toMillis())).isTrue();
      assertThat(c.status()).isEqualTo(413);
    }
    assertThat(hashed).hasValue(0);
  }

  @Test
  void hugeHeadersAreRefusedWithoutReadingThemAll() throws Exception {
    assertFloodRefused("GET " + MOUNT + "/page HTTP/1.1\r\nHost: localhost\r\nX-Flood: ");
  }

  @Test
  void aHugeRequestLineIsRefusedWithoutReadingItAll() throws Exception {
    assertFloodRefused("GET " + MOUNT + "/page?q=");
  }

  private void assertFloodRefused(String start) throws Exception {
    byte[] block = "z".repeat(8192).getBytes(StandardCharsets.ISO_8859_1);
    try (RawClient c = new RawClient(base)) {
      c.send(start);
      int sent = 0;
      // 8 MiB offered; the server must give up long before
      while (sent < 1024 && c.send(block) && !c.poll()) {
        sent++;
      }
      assertThat(c.awaitClosed(CUT_OFF_BOUND.toMillis())).isTrue();
      assertThat(sent).isLessThan(1024);
      int status = c.status();
      assertThat(status == -1 || status == 400 || status == 414 || status == 431)
          .as("status %s", status)
          .isTrue();
    }
    assertThat(handled).hasValue(0);
  }

  @Test
  void aClientDribblingItsHeadersIsCutOffAndOthersAreStillServed() throws Exception {
    try (RawClient c = new RawClient(base)) {
      String request =
          "GET " + MOUNT + "/page HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "s".repeat(200);
      assertDribbleCutOff(c, request);
    }
    assertThat(handled).hasValue(1); // only the other client's request
  }

  @Test
  void aClientDribblingItsBodyIsCutOff() throws Exception {
    try (RawClient c = new RawClient(base)) {
      c.send(post("sign-in", 400, ""));
      assertDribbleCutOff(c, "password=" + "p".repeat(390));
    }
    assertThat(hashed).hasValue(0);
  }

  /** Sends one byte a second; the server must close the connection well before the end. */
  private void assertDribbleCutOff(RawClient c, String text) throws Exception {
    long end = System.nanoTime() + CUT_OFF_BOUND.toNanos();
    boolean othersChecked = false;
    int i = 0;
    while (i < text.length() && System.nanoTime() < end) {
      if (!c.send(text.substring(i, i + 1)) || c.poll()) {
        break;
      }
      i++;
      if (i == 2 && !othersChecked) {
        // while the slow client holds its connection, another is served promptly
        othersChecked = true;
        assertThat(send(at("page")).statusCode()).isEqualTo(200);
      }
      Thread.sleep(1000);
    }
    assertThat(c.awaitClosed(1000)).as("closed by the server after %s bytes", i).isTrue();
    assertThat(i).isLessThan(text.length());
  }

  private static String post(String path, long contentLength, String extraHeaders) {
    return "POST "
        + MOUNT
        + "/"
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: "
        + contentLength
        + "\r\n"
        + extraHeaders
        + "\r\n";
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }
}
