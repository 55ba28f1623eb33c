package org.trackmycrime.portal.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;

/** The header timeout must not cut what is not a dribbled header. */
class JettyHeaderTimeoutTest {
  private Server server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    Router router =
        new Router().post("/echo", r -> PortalResponse.text(200, "got " + r.field("f").orElse("")));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new PortalServlet(router)), "/*");
    server = JettySetup.server("127.0.0.1", 0, context);
    server.start();
    base =
        URI.create(
            "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void aBodyArrivingSteadilyForLongerThanTheHeaderLimitIsServed() throws Exception {
    // 8 seconds of body at 2 KiB a second: past the 5 s header limit, above the minimum data rate
    int chunks = 16;
    int chunk = 1024;
    try (RawClient c = new RawClient(base)) {
      c.send(
          "POST /echo HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: "
              + (2 + chunks * chunk)
              + "\r\n\r\nf=");
      for (int i = 0; i < chunks; i++) {
        assertThat(c.send("b".repeat(chunk))).isTrue();
        Thread.sleep(500);
      }
      assertThat(c.awaitStatus(10_000)).isTrue();
      assertThat(c.status()).isEqualTo(200);
    }
  }

  @Test
  void aKeptAliveConnectionServesARequestAfterAPause() throws Exception {
    String request =
        "POST /echo HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nf=x";
    try (RawClient c = new RawClient(base)) {
      c.send(request);
      assertThat(c.awaitStatus(10_000)).isTrue();
      Thread.sleep(3_000);
      assertThat(c.send(request)).isTrue();
      Thread.sleep(1_000);
      c.poll();
      assertThat(c.received().split("HTTP/1.1 200", -1)).hasSize(3);
    }
  }
}
