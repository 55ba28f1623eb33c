package org.trackmycrime.portal.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;

/** The servlet mappings a host may choose, each seeing the same router paths. */
class PortalServletMountTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final Router router =
      new Router()
          .get("/page", r -> PortalResponse.text(200, "page " + r.path()))
          .get("/", r -> PortalResponse.redirect("/page"));
  private Server server;

  private URI start(String contextPath, String mapping) throws Exception {
    ServletContextHandler context = new ServletContextHandler(contextPath);
    context.addServlet(new ServletHolder(new PortalServlet(router)), mapping);
    server = JettySetup.server("127.0.0.1", 0, context);
    server.start();
    return URI.create(
        "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void underAServletPathInAContext() throws Exception {
    URI base = start("/app", "/victims/*");
    assertThat(get(base.resolve("/app/victims/page")).body()).isEqualTo("page /page");
    HttpResponse<String> root = get(base.resolve("/app/victims/"));
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).hasValue("/app/victims/page");
    assertThat(get(base.resolve("/app/victims/nowhere")).statusCode()).isEqualTo(404);
  }

  @Test
  void asTheDefaultServletOfTheRootContext() throws Exception {
    URI base = start("/", "/");
    assertThat(get(base.resolve("/page")).body()).isEqualTo("page /page");
    assertThat(get(base.resolve("/")).headers().firstValue("Location")).hasValue("/page");
  }

  @Test
  void asTheDefaultServletOfAContext() throws Exception {
    URI base = start("/victims", "/");
    assertThat(get(base.resolve("/victims/page")).body()).isEqualTo("page /page");
    assertThat(get(base.resolve("/victims/")).headers().firstValue("Location"))
        .hasValue("/victims/page");
  }

  @Test
  void anEncodedServletPathSegmentIsStillStrippedWhole() throws Exception {
    URI base = start("", "/victims/*");
    assertThat(get(base.resolve("/vict%69ms/page")).body()).isEqualTo("page /page");
  }
}
