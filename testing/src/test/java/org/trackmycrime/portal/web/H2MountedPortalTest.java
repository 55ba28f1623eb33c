package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.testing.TmcDatabase;

/** The pages under an adapter mounted at a path: links and assets carry it, redirects too. */
class H2MountedPortalTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  WebFixture site;
  HttpServer server;
  Http h;

  @BeforeEach
  void start() throws Exception {
    site = new WebFixture(db);
    site.account(WebFixture.FORCE, WebFixture.CRIME_A);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(
        server,
        "/victims",
        VictimPortalWeb.builder(site.tmc, site.portal)
            .force(WebFixture.FORCE)
            .mountPath("/victims")
            .secretKey(WebFixture.key(WebFixture.FORCE))
            .build()
            .routes());
    server.start();
    h = new Http("http://localhost:" + server.getAddress().getPort() + "/victims/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
    site.close();
  }

  @Test
  void linksFormsAssetsAndRedirectsCarryTheMountPath() {
    HttpResponse<String> form = h.get("sign-in");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("action=\"/victims/sign-in\"")
        .contains("href=\"/victims/assets/5.14.0/govuk-frontend.min.css\"")
        .contains("href=\"/victims/language/cy/sign-in\"");
    HttpResponse<String> css = h.get("assets/5.14.0/govuk-frontend.min.css");
    assertThat(css.body()).contains("url(/victims/assets/5.14.0/assets/fonts/");
    HttpResponse<String> in = h.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD);
    assertThat(in.headers().firstValue("Location")).hasValue("/victims/crimes");
    HttpResponse<String> crimes = h.get("crimes");
    assertThat(crimes.body())
        .contains(
            "href=\"/victims/crimes/"
                + WebFixture.crimeId(WebFixture.FORCE, WebFixture.CRIME_A)
                + "\"")
        .contains("href=\"/victims/settings\"");
    assertThat(h.get("language/cy/crimes").headers().firstValue("Location"))
        .hasValue("/victims/crimes");
  }
}
