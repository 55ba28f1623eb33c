package org.trackmycrime.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.portal.PasswordHasher;
import org.trackmycrime.portal.SignInResult;
import org.trackmycrime.portal.SignInThrottle;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.portal.web.VictimPortalWeb;

/**
 * The portal under load: N victims (one crime each, with its officer, timeline and owed update, and
 * a portal account) written with JDBC batches from the seed, and the real {@link VictimPortalWeb}
 * served by {@link JdkHttpServerAdapter} on a JDK {@code HttpServer} on loopback, next to a handler
 * at {@value #FIXED_PATH} that returns a fixed page of the crime page's size (the baseline). Every
 * account has the same password; its Argon2id hash is computed once with the portal's own hasher
 * and stored for all.
 */
final class PortalFixture implements AutoCloseable {
  static final String FORCE = EventStreamGenerator.FORCE;
  static final String PASSWORD = "benchmark horse battery staple";
  static final String FIXED_PATH = "/bench-fixed";
  static final String SESSION_COOKIE = "__Host-tmc-session";
  static final int HTTP_THREADS = 16;
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Pattern CRIME_LINK = Pattern.compile("/crimes/([A-Za-z0-9_-]{22})\"");
  private static final String[] OFFENCES = {
    "Burglary", "Theft of a vehicle", "Criminal damage", "Theft from the person", "Fraud"
  };
  private static final TimelineKind[] KINDS = {
    TimelineKind.OFFICER_ASSIGNED,
    TimelineKind.OFFICER_UPDATE,
    TimelineKind.SUSPECT_IDENTIFIED,
    TimelineKind.SUSPECT_ARRESTED,
    TimelineKind.SUSPECT_INTERVIEWED,
    TimelineKind.HOLDING_UPDATE,
    TimelineKind.PROPERTY_UPDATED
  };

  final TrackMyCrime tmc;
  final VictimPortal portal;
  final int victims;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private volatile byte[] fixedPage = "<!DOCTYPE html><title>fixed</title>".getBytes();

  /**
   * @param lenientPerClient true to lift the per-client sign-in limit, as if a flood came from many
   *     addresses (on loopback every request has the same one)
   */
  PortalFixture(DataSource ds, int victims, long seed, boolean lenientPerClient)
      throws SQLException, IOException {
    this.victims = victims;
    this.tmc = TrackMyCrime.builder().dataSource(ds).clock(Clock.systemUTC()).build();
    tmc.forces().save(new Force(FORCE, "Bench Police", ForceSettings.defaults()));
    VictimPortal.Builder pb = VictimPortal.builder(tmc).secretKey(new byte[32]);
    if (lenientPerClient) {
      pb.throttle(
          new SignInThrottle(
              tmc.clock(),
              SignInThrottle.DEFAULT_PER_ACCOUNT,
              new SignInThrottle.Limit(Integer.MAX_VALUE, Duration.ofMillis(1))));
    }
    this.portal = pb.build();
    String hash = PasswordHasher.defaults().hash(PASSWORD);
    fill(ds, victims, seed, hash);
    this.httpThreads = Executors.newFixedThreadPool(HTTP_THREADS);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(httpThreads);
    JdkHttpServerAdapter.mount(
        server,
        VictimPortalWeb.builder(tmc, portal).force(FORCE).secretKey(new byte[32]).build().routes());
    server.createContext(
        FIXED_PATH,
        exchange -> {
          try (exchange) {
            byte[] body = fixedPage;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  static String login(int victim) {
    return "victim" + victim + "@example.org";
  }

  /** A signed-in victim: the session cookie and the path of their crime page. */
  record Client(String cookie, String crimePath) {}

  /**
   * Signs {@code n} different victims in through {@link VictimPortal#signIn} (the real sign-in,
   * with its Argon2id verification) and reads each one's crime link from their crime list.
   */
  List<Client> signIn(int n, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
    List<Client> clients = new ArrayList<>();
    try (Http1 http = new Http1(port())) {
      for (int i = 0; i < n; i++) {
        int victim = (int) ((random.nextLong(victims) + (long) i * victims / n) % victims);
        SignInResult r = portal.signIn(FORCE, login(victim), PASSWORD, null, null);
        if (!r.signedIn()) {
          throw new IllegalStateException("bench sign-in failed: " + r.status());
        }
        String cookie = SESSION_COOKIE + "=" + r.sessionId().orElseThrow();
        Http1.Response list = http.get("/crimes", cookie);
        Matcher m = CRIME_LINK.matcher(list.text());
        if (list.status() != 200 || !m.find()) {
          throw new IllegalStateException("crime list without a crime link: " + list.status());
        }
        clients.add(new Client(cookie, "/crimes/" + m.group(1)));
      }
      // the baseline's page is as long as a real crime page
      Http1.Response page = http.get(clients.get(0).crimePath(), clients.get(0).cookie());
      if (page.status() != 200) {
        throw new IllegalStateException("crime page answered " + page.status());
      }
      fixedPage = page.body();
    }
    return clients;
  }

  /** Crimes, victims, officers, timelines, owed updates and accounts, in JDBC batches. */
  private static void fill(DataSource ds, int victims, long seed, String passwordHash)
      throws SQLException {
    SplittableRandom random = new SplittableRandom(seed);
    OffsetDateTime created = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement officer =
          c.prepareStatement(
              "INSERT INTO tmc_officer (force_slug, officer_ref, display_name, officer_rank, unit)"
                  + " VALUES (?, ?, ?, 'Police Constable', 'Neighbourhood team')")) {
        for (int o = 0; o < 500; o++) {
          officer.setString(1, FORCE);
          officer.setString(2, "O" + o);
          officer.setString(3, "PC " + (1000 + o));
          officer.addBatch();
        }
        officer.executeBatch();
      }
      try (PreparedStatement crime =
              c.prepareStatement(
                  "INSERT INTO tmc_crime (force_slug, crime_ref, offence_category,"
                      + " offence_description, reported_at, status, officer_ref, cadence_from)"
                      + " VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)");
          PreparedStatement victim =
              c.prepareStatement(
                  "INSERT INTO tmc_victim (force_slug, crime_ref, victim_ref, given_name,"
                      + " family_name, email, lang, enhanced, enhanced_reasons,"
                      + " unreachable_channels, consent, risk) VALUES (?, ?, 'V1', 'Alex',"
                      + " 'Morgan', ?, 'en', FALSE, '', '', 'ENROLLED', 'SUITABLE')");
          PreparedStatement timeline =
              c.prepareStatement(
                  "INSERT INTO tmc_timeline_entry (force_slug, crime_ref, entry_key, kind,"
                      + " text_en, occurred_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement obligation =
              c.prepareStatement(
                  "INSERT INTO tmc_obligation (force_slug, crime_ref, victim_ref, obligation_key,"
                      + " kind, starts_at, due_at, due_date, status, explanation, officer_ref,"
                      + " computed_at) VALUES (?, ?, 'V1', ?, 'REGULAR_UPDATE', ?, ?, ?,"
                      + " 'PENDING', 'Update owed every 28 days', ?, ?)");
          PreparedStatement account =
              c.prepareStatement(
                  "INSERT INTO tmc_portal_account (force_slug, account_id, login_kind, login,"
                      + " password_hash, created_at, password_at) VALUES (?, ?, 'EMAIL', ?, ?, ?,"
                      + " ?)");
          PreparedStatement link =
              c.prepareStatement(
                  "INSERT INTO tmc_portal_account_victim (force_slug, account_id, crime_ref,"
                      + " victim_ref, linked_at) VALUES (?, ?, ?, 'V1', ?)")) {
        for (int i = 0; i < victims; i++) {
          String ref = "PB/" + i;
          String officerRef = "O" + random.nextInt(500);
          Instant reported = T0.minus(Duration.ofHours(random.nextInt(24 * 300)));
          crime.setString(1, FORCE);
          crime.setString(2, ref);
          crime.setString(3, OFFENCES[random.nextInt(OFFENCES.length)]);
          crime.setString(4, "Reported at a home address; entry through a rear window.");
          crime.setObject(5, OffsetDateTime.ofInstant(reported, ZoneOffset.UTC));
          crime.setString(6, officerRef);
          crime.setObject(7, OffsetDateTime.ofInstant(reported, ZoneOffset.UTC));
          crime.addBatch();
          victim.setString(1, FORCE);
          victim.setString(2, ref);
          victim.setString(3, login(i));
          victim.addBatch();
          int entries = 2 + random.nextInt(7);
          for (int e = 0; e < entries; e++) {
            Instant at = reported.plus(Duration.ofHours(12L * e + random.nextInt(12)));
            timeline.setString(1, FORCE);
            timeline.setString(2, ref);
            timeline.setString(3, "E" + e);
            timeline.setString(4, (e == 0 ? TimelineKind.CRIME_RECORDED : pick(random)).name());
            timeline.setString(
                5,
                "The officer in charge has reviewed the enquiries made so far and will contact"
                    + " you again when there is news. Entry "
                    + e
                    + " of this crime.");
            timeline.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            timeline.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            timeline.addBatch();
          }
          LocalDate dueDate = LocalDate.of(2026, 3, 2).plusDays(random.nextInt(60));
          Instant due = dueDate.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
          Instant starts = due.minus(Duration.ofDays(28));
          obligation.setString(1, FORCE);
          obligation.setString(2, ref);
          obligation.setString(3, "REGULAR_UPDATE@" + starts);
          obligation.setObject(4, OffsetDateTime.ofInstant(starts, ZoneOffset.UTC));
          obligation.setObject(5, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
          obligation.setObject(6, dueDate);
          obligation.setString(7, officerRef);
          obligation.setObject(8, created);
          obligation.addBatch();
          account.setString(1, FORCE);
          account.setString(2, "A" + i);
          account.setString(3, login(i));
          account.setString(4, passwordHash);
          account.setObject(5, created);
          account.setObject(6, created);
          account.addBatch();
          link.setString(1, FORCE);
          link.setString(2, "A" + i);
          link.setString(3, ref);
          link.setObject(4, created);
          link.addBatch();
          if (i % 2_000 == 1_999 || i == victims - 1) {
            crime.executeBatch();
            victim.executeBatch();
            timeline.executeBatch();
            obligation.executeBatch();
            account.executeBatch();
            link.executeBatch();
            c.commit();
          }
        }
      }
      try (PreparedStatement analyze = c.prepareStatement("ANALYZE")) {
        analyze.execute();
      }
      c.commit();
    }
  }

  private static TimelineKind pick(SplittableRandom random) {
    return KINDS[random.nextInt(KINDS.length)];
  }

  @Override
  public void close() {
    server.stop(0);
    httpThreads.shutdownNow();
    try {
      httpThreads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
