package org.trackmycrime.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.portal.PasswordHasher;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/** The forgotten-password journey over HTTP, with the link read from the outbox. */
class H2ResetPagesTest {
  static final String PUBLIC = "https://victims.example.org/";

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  WebFixture site;
  HttpServer server;
  Http h;

  @BeforeEach
  void start() throws Exception {
    site = new WebFixture(db);
    site.account(WebFixture.FORCE, WebFixture.CRIME_A);
    Dispatcher dispatcher =
        Dispatcher.builder()
            .trackMyCrime(site.tmc)
            .channel(RecordingChannel.email())
            .config(
                DispatchConfig.builder()
                    .defaultMessaging(
                        ForceMessaging.builder(PUBLIC)
                            .staffPortalUrl("https://staff.example.org/")
                            .build())
                    .build())
            .build();
    VictimPortal portal =
        VictimPortal.builder(site.tmc)
            .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
            .dispatcher(dispatcher)
            .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JdkHttpServerAdapter.mount(
        server,
        VictimPortalWeb.builder(site.tmc, portal)
            .force(WebFixture.FORCE)
            .publicBaseUrl(PUBLIC)
            .build()
            .routes());
    server.start();
    h = new Http("http://localhost:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.stop(0);
    site.close();
  }

  private List<String> resetTokens() throws Exception {
    List<String> tokens = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT dispatch_params FROM tmc_outbox WHERE message_kind ="
                    + " 'VICTIM_PASSWORD_RESET' ORDER BY id")) {
      while (rs.next()) {
        Matcher m = Pattern.compile("/r/([A-Za-z0-9_-]{22,})").matcher(rs.getString(1));
        if (m.find()) {
          tokens.add(m.group(1));
        }
      }
    }
    return tokens;
  }

  @Test
  void aVictimResetsTheirPasswordFromTheLinkAndEverySessionEnds() throws Exception {
    Http signedIn = new Http(h.get("").uri().toString());
    signedIn.signIn(WebFixture.EMAIL_A, WebFixture.PASSWORD);
    assertThat(signedIn.get("crimes").statusCode()).isEqualTo(200);

    HttpResponse<String> form = h.get("reset");
    HttpResponse<String> unknown =
        h.post("reset", Map.of("csrf", Http.csrf(form), "login", "nobody@example.org"));
    HttpResponse<String> known =
        h.post("reset", Map.of("csrf", Http.csrf(form), "login", WebFixture.EMAIL_A));
    assertThat(unknown.headers().firstValue("Location")).hasValue("/reset/sent");
    assertThat(known.headers().firstValue("Location")).hasValue("/reset/sent");
    List<String> tokens = resetTokens();
    assertThat(tokens).hasSize(1);

    HttpResponse<String> open = h.get("r/" + tokens.get(0));
    assertThat(open.headers().firstValue("Location")).hasValue("/reset/new");
    HttpResponse<String> choose = h.get("reset/new");
    assertThat(choose.body()).contains("Choose a new password");
    HttpResponse<String> weak =
        h.post("reset/new", Map.of("csrf", Http.csrf(choose), "password", "short"));
    assertThat(weak.body()).contains("8 characters or more");
    HttpResponse<String> done =
        h.post(
            "reset/new", Map.of("csrf", Http.csrf(choose), "password", "a brand new passphrase"));
    assertThat(done.body()).contains("Your password has been changed");
    assertThat(signedIn.get("crimes").statusCode()).as("old session ended").isEqualTo(303);
    assertThat(h.get("reset/new").body()).contains("This link does not work");
    Http fresh = new Http(h.get("").uri().toString());
    fresh.signIn(WebFixture.EMAIL_A, "a brand new passphrase");
    assertThat(fresh.cookies).containsKey(SessionCookie.NAME);
  }
}
