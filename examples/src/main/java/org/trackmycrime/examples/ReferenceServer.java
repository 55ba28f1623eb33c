package org.trackmycrime.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.guice.TrackMyCrimeModule;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.examples.server.DemoFeed;
import org.trackmycrime.examples.server.DemoStaff;
import org.trackmycrime.examples.server.DevMailbox;
import org.trackmycrime.examples.server.Invitations;
import org.trackmycrime.examples.server.PortalKey;
import org.trackmycrime.examples.server.ServerConfig;
import org.trackmycrime.examples.server.ServerPages;
import org.trackmycrime.examples.server.StartupException;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.ReceiptStatus;
import org.trackmycrime.notifications.govuknotify.NotifyConfig;
import org.trackmycrime.notifications.govuknotify.NotifyEmailChannel;
import org.trackmycrime.notifications.govuknotify.NotifySmsChannel;
import org.trackmycrime.notifications.guice.DispatcherModule;
import org.trackmycrime.notifications.smtp.SmtpChannel;
import org.trackmycrime.notifications.smtp.SmtpConfig;
import org.trackmycrime.notifications.twilio.DeliveryStatus;
import org.trackmycrime.notifications.twilio.TwilioConfig;
import org.trackmycrime.notifications.twilio.TwilioSmsChannel;
import org.trackmycrime.notifications.twilio.TwilioStatusCallbackHandler;
import org.trackmycrime.portal.Invitation;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.staff.DemoStaffIdentity;
import org.trackmycrime.portal.staff.StaffPortalWeb;
import org.trackmycrime.portal.web.VictimPortalWeb;
import org.trackmycrime.records.ConnectorHealth;
import org.trackmycrime.records.ConnectorRunner;
import org.trackmycrime.records.RunnerConfig;
import org.trackmycrime.records.filedrop.FileDropConfig;
import org.trackmycrime.records.filedrop.FileDropConnector;
import org.trackmycrime.records.webhook.WebhookConfig;
import org.trackmycrime.records.webhook.WebhookHandler;
import org.trackmycrime.records.webhook.WebhookHttpHandler;

/**
 * The reference server: the SDK wired with Guice behind the JDK's {@link HttpServer}. Configured by
 * {@code TMC_*} environment variables (or {@code --config FILE}); see {@code examples/README.md}.
 * Paths: {@code POST /records/events} (webhook connector), {@code POST /twilio/status} (Twilio
 * receipts), {@code GET /health}, {@code /dev/mailbox} (demo mode without real channels), and
 * placeholders at {@code /} and {@code /staff/} where the portal will be mounted.
 */
public final class ReferenceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Timings that tests shorten; the defaults suit a person watching the demo. */
  public record Tuning(
      Duration feedInterval,
      int newCrimesPerTick,
      Duration pollInterval,
      Duration reminderInterval) {
    public static Tuning defaults() {
      return new Tuning(Duration.ofSeconds(20), 2, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }
  }

  private final ServerConfig config;
  private final TrackMyCrime tmc;
  private final Dispatcher dispatcher;
  private final List<NotificationChannel> channels;
  private final DataSource dataSource;
  private final ConnectorRunner runner;
  private final WebhookHandler webhook;
  private final DevMailbox mailbox;
  private final VictimPortal victimPortal;
  private final Router portalRouter;
  private final DemoStaffIdentity demoStaff;
  private final Invitations invitations;
  private final HttpServer http;

  /** A request (line, headers, body) not fully arrived by then is cut off. */
  static final Duration SLOW_CLIENT_REQUEST_LIMIT = Duration.ofSeconds(30);

  /** A response the client has not taken by then is cut off. */
  static final Duration SLOW_CLIENT_RESPONSE_LIMIT = Duration.ofSeconds(60);

  private final ThreadPoolExecutor httpThreads;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();

  public static void main(String[] args) {
    // before the first HttpServer of the JVM: the JDK reads these limits once
    JdkHttpServerAdapter.limitSlowClients(SLOW_CLIENT_REQUEST_LIMIT, SLOW_CLIENT_RESPONSE_LIMIT);
    ReferenceServer server;
    try {
      ServerConfig config = ServerConfig.fromArgs(args, System.getenv());
      server = start(config, Tuning.defaults());
    } catch (ServerConfig.InvalidConfigException | StartupException e) {
      System.err.println("trackmycrime-server: cannot start. " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tmc-shutdown"));
    server.printAddresses();
  }

  /** Starts everything; throws {@link StartupException} with a clear message when it cannot. */
  public static ReferenceServer start(ServerConfig config, Tuning tuning) {
    return new ReferenceServer(config, tuning);
  }

  private ReferenceServer(ServerConfig config, Tuning tuning) {
    this.config = config;
    Clock clock = Clock.systemUTC();
    this.dataSource = dataSource(config);
    checkDatabase(dataSource, config);
    this.mailbox = config.usesDevMailbox() ? new DevMailbox(500, clock) : null;
    this.channels = channels(config, mailbox);
    DispatchConfig dispatchConfig = dispatchConfig(config, tuning);

    Injector injector =
        Guice.createInjector(
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(DataSource.class).toInstance(dataSource);
                bind(Clock.class).toInstance(clock);
                bind(DispatchConfig.class).toInstance(dispatchConfig);
                Multibinder<NotificationChannel> set =
                    Multibinder.newSetBinder(binder(), NotificationChannel.class);
                channels.forEach(c -> set.addBinding().toInstance(c));
              }
            },
            new TrackMyCrimeModule(),
            new DispatcherModule());
    try {
      this.tmc = injector.getInstance(TrackMyCrime.class);
    } catch (RuntimeException e) {
      throw new StartupException(
          "TMC_DB_URL: the database schema could not be prepared (" + rootType(e) + ")");
    }
    this.dispatcher = injector.getInstance(Dispatcher.class);
    if (tmc.forces().find(config.force()).isEmpty()) {
      // the served force must exist before its events arrive; a host names it properly later
      String name = config.demo() ? "Demo Police" : config.force();
      tmc.forces().save(new Force(config.force(), name, ForceSettings.defaults()));
    }

    // demo mode without TMC_PORTAL_SECRET: a key file beside the drop folder (./data by default)
    Path dataDir =
        config.recordsDropDir() == null
            ? Path.of("data")
            : config.recordsDropDir().toAbsolutePath().getParent();
    byte[] portalKey = PortalKey.resolve(config, dataDir.resolve("portal.key"));
    this.victimPortal =
        VictimPortal.builder(tmc).dispatcher(dispatcher).secretKey(portalKey).build();
    String portalUrl = portalUrl(config);
    this.invitations = new Invitations(dataSource, victimPortal, config.force(), portalUrl);
    this.demoStaff =
        config.demo()
            ? new DemoStaffIdentity(DemoStaff.accounts(config.force()), DemoStaff.PASSWORD, clock)
            : null;
    this.portalRouter = new Router();
    if (demoStaff != null) {
      StaffPortalWeb.builder(tmc, demoStaff).basePath("/staff/").build().registerOn(portalRouter);
    }
    // registered last, so its "page not found" answers every address neither portal has
    VictimPortalWeb.builder(tmc, victimPortal)
        .basePath("/")
        .force(config.force())
        .secretKey(portalKey)
        .publicBaseUrl(portalUrl)
        .build()
        .registerOn(portalRouter);

    this.runner = fileDropRunner(config, tuning);
    this.webhook =
        config
            .webhook()
            .map(
                s ->
                    WebhookHandler.builder(tmc.ingest(), WebhookConfig.builder(s).build())
                        .clock(clock)
                        .build())
            .orElse(null);

    this.httpThreads =
        new ThreadPoolExecutor(
            2,
            16,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(200),
            r -> {
              Thread t = new Thread(r, "tmc-http");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      this.http = HttpServer.create(new InetSocketAddress(config.httpPort()), 100);
    } catch (IOException e) {
      throw new StartupException(
          "TMC_HTTP_PORT: cannot listen on port "
              + config.httpPort()
              + " ("
              + e.getMessage()
              + ")");
    }
    http.setExecutor(httpThreads);
    mount(config);
    http.start();

    dispatcher.start();
    if (runner != null) {
      runner.start();
    }
    this.scheduler =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "tmc-scheduler");
              t.setDaemon(true);
              return t;
            });
    if (config.demo()) {
      seedDemoVictim(config, clock);
    }
    scheduler.scheduleWithFixedDelay(
        this::runInvitations,
        tuning.pollInterval().toMillis(),
        Math.max(1000, tuning.pollInterval().toMillis() * 5),
        TimeUnit.MILLISECONDS);
    // retention: personal data of crimes closed longer than the force's period is erased daily
    scheduler.scheduleWithFixedDelay(this::runRetention, 10, 24 * 60, TimeUnit.MINUTES);
    long reminders = tuning.reminderInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        this::runReminders, reminders, reminders, TimeUnit.MILLISECONDS);
    if (config.demo() && config.recordsDropDir() != null) {
      DemoFeed feed =
          new DemoFeed(
              config.recordsDropDir(),
              config.force(),
              clock,
              tuning.newCrimesPerTick(),
              ref -> tmc.crimes().find(config.force(), ref).isPresent());
      long every = tuning.feedInterval().toMillis();
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              feed.tick();
            } catch (RuntimeException e) {
              LOG.warn("demo feed tick failed: {}", e.getClass().getSimpleName());
            }
          },
          0,
          every,
          TimeUnit.MILLISECONDS);
    }
    LOG.info("reference server started: {}", config);
  }

  /** The port the server listens on (the real one when {@code TMC_HTTP_PORT=0}). */
  public int port() {
    return http.getAddress().getPort();
  }

  public URI localAddress() {
    return URI.create("http://localhost:" + port());
  }

  public TrackMyCrime trackMyCrime() {
    return tmc;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  void printAddresses() {
    System.out.println("TrackMyCrime reference server on " + localAddress());
    System.out.println("  health:        " + localAddress() + "/health");
    System.out.println("  victim portal: " + localAddress() + "/");
    System.out.println("  staff portal:  " + localAddress() + "/staff/");
    if (webhook != null) {
      System.out.println("  records:       POST " + localAddress() + "/records/events");
    }
    if (mailbox != null) {
      System.out.println("  dev mailbox:   " + localAddress() + "/dev/mailbox  (demo only)");
    }
    if (config.recordsDropDir() != null) {
      System.out.println("  drop folder:   " + config.recordsDropDir().toAbsolutePath());
    }
    if (config.demo()) {
      System.out.println(
          "  demo: force " + config.force() + ", simulated City of London crimes arriving");
      System.out.println(
          "  demo victim:   "
              + DEMO_VICTIM_EMAIL
              + " / "
              + DEMO_VICTIM_PASSWORD
              + "  (new victims' invitations arrive in the dev mailbox)");
      System.out.println(
          "  demo staff:    "
              + String.join(", ", demoStaff.accounts().stream().map(m -> m.id()).toList())
              + " / "
              + DemoStaff.PASSWORD);
    }
    System.out.println("Ctrl-C stops it gracefully.");
  }

  /** The demo victim's sign-in: shown on start-up, demo mode only. */
  public static final String DEMO_VICTIM_EMAIL = "demo.victim@example.org";

  /** The demo victim's password (demo mode only). */
  public static final String DEMO_VICTIM_PASSWORD = "correct-horse-demo-victim";

  /**
   * Demo mode: a victim with an account already, so that the portal can be tried at once. Their
   * crime is recorded through the ingest like any other; the account is made from a real
   * invitation.
   */
  private void seedDemoVictim(ServerConfig config, Clock clock) {
    if (tmc.crimes().find(config.force(), DemoFeed.DEMO_VICTIM_CRIME).isPresent()) {
      return;
    }
    DemoFeed events = new DemoFeed(config.recordsDropDir(), config.force(), clock, 0, ref -> false);
    List<RawEvent> raw =
        events.demoVictimEvents(DEMO_VICTIM_EMAIL).stream()
            .map(json -> new RawEvent(json, "demo-seed"))
            .toList();
    tmc.ingest().ingestAll(raw);
    Invitation invitation =
        victimPortal.invite(
            config.force(), DemoFeed.DEMO_VICTIM_CRIME, "V1", Channel.EMAIL, Actor.system());
    victimPortal.activate(invitation.token(), DemoFeed.DEMO_VICTIM_CRIME, DEMO_VICTIM_PASSWORD);
  }

  private void runRetention() {
    try {
      var run = tmc.retention().run();
      LOG.info("retention run: {} crimes erased", run.crimesErased());
    } catch (RuntimeException e) {
      LOG.warn("retention run failed: {}", e.getClass().getSimpleName());
    }
  }

  private void runInvitations() {
    try {
      int sent = invitations.run();
      if (sent > 0) {
        LOG.info("invitation run: {} invitations queued", sent);
      }
    } catch (RuntimeException e) {
      LOG.warn("invitation run failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Dev mailbox aid: the crime references of the victims with this email address or mobile. */
  private String crimesOf(String contact) {
    String sql =
        "SELECT crime_ref FROM tmc_victim WHERE force_slug = ? AND (LOWER(email) = LOWER(?) OR"
            + " mobile = ?) ORDER BY crime_ref";
    List<String> refs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, config.force());
      ps.setString(2, contact);
      ps.setString(3, contact);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          refs.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      return "?";
    }
    return String.join(", ", refs);
  }

  private static String portalUrl(ServerConfig config) {
    String base = config.publicBaseUrl().toString();
    return base.endsWith("/") ? base : base + "/";
  }

  private void runReminders() {
    try {
      var run = tmc.cadence().runReminders();
      LOG.info("reminder run: {} messages queued", run.messages());
    } catch (RuntimeException e) {
      LOG.warn("reminder run failed: {}", e.getClass().getSimpleName());
    }
  }

  private void mount(ServerConfig config) {
    ServerPages pages = new ServerPages(mailbox, this::crimesOf);
    // one adapter at the root serves both portals: their pages carry their own base paths
    JdkHttpServerAdapter.mount(http, portalRouter);
    if (demoStaff == null) {
      http.createContext("/staff/", pages::staffNeedsSignIn);
    }
    http.createContext("/health", this::health);
    if (webhook != null) {
      http.createContext("/records/events", new WebhookHttpHandler(webhook));
    }
    if (mailbox != null) {
      http.createContext("/dev/mailbox", pages::mailbox);
    }
    if (config.twilioConfigured()) {
      twilioConfig(config)
          .filter(t -> t.statusCallbackUrl() != null)
          .ifPresent(
              t ->
                  http.createContext(
                      "/twilio/status",
                      new TwilioStatusCallbackHandler(
                              t,
                              r -> {
                                ReceiptStatus s = receipt(r.status());
                                if (s != null) {
                                  dispatcher.recordReceipt("twilio", r.messageSid(), s);
                                }
                              })
                          .asHttpHandler()));
    }
  }

  private static ReceiptStatus receipt(DeliveryStatus s) {
    return switch (s) {
      case ACCEPTED, SCHEDULED, QUEUED, SENDING, SENT -> ReceiptStatus.ACCEPTED;
      case DELIVERED, READ -> ReceiptStatus.DELIVERED;
      case UNDELIVERED, FAILED, CANCELED -> ReceiptStatus.FAILED;
      default -> null;
    };
  }

  private void health(HttpExchange ex) throws IOException {
    if (!"GET".equals(ex.getRequestMethod())) {
      ServerPages.send(ex, 405, "text/plain; charset=utf-8", "GET only");
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    boolean db;
    try (Connection c = dataSource.getConnection()) {
      db = c.isValid(2);
    } catch (SQLException e) {
      db = false;
    }
    root.put("database", db ? "UP" : "DOWN");
    ArrayNode connectors = root.putArray("connectors");
    List<ConnectorHealth> all = new ArrayList<>();
    if (runner != null) {
      all.addAll(runner.health());
    }
    if (webhook != null) {
      all.add(webhook.health());
    }
    for (ConnectorHealth h : all) {
      ObjectNode n = connectors.addObject();
      n.put("name", h.connector());
      n.put("status", h.status().name());
      n.put("consecutiveFailures", h.consecutiveFailures());
      if (h.lastCommittedAt() != null) {
        n.put("lastCommittedAt", h.lastCommittedAt().toString());
      }
    }
    if (db) {
      try {
        root.put(
            "outboxBacklog",
            tmc.outbox().byStatus(config.force(), OutboxMessage.Status.PENDING, 1000).size());
        root.put("deadLetters", dispatcher.deadLetters(config.force(), 1000).size());
      } catch (RuntimeException e) {
        db = false;
        root.put("database", "DOWN");
      }
    }
    root.put("dispatcher", dispatcher.isRunning() ? "UP" : "DOWN");
    boolean up = db && all.stream().allMatch(h -> h.status().name().equals("UP"));
    root.put("status", up ? "UP" : "DEGRADED");
    ServerPages.send(ex, db ? 200 : 503, "application/json", root.toString());
  }

  /**
   * Stops taking requests, then stops connectors and the dispatcher (they finish what they hold).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("reference server stopping");
    http.stop(1);
    scheduler.shutdownNow();
    if (runner != null) {
      runner.close();
    }
    dispatcher.stop();
    channels.forEach(
        c -> {
          try {
            c.close();
          } catch (RuntimeException e) {
            LOG.warn("channel {} did not close cleanly", c.name());
          }
        });
    httpThreads.shutdown();
    try {
      httpThreads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("reference server stopped");
  }

  public boolean isClosed() {
    return closed.get();
  }

  private ConnectorRunner fileDropRunner(ServerConfig config, Tuning tuning) {
    Path dir = config.recordsDropDir();
    if (dir == null) {
      return null;
    }
    try {
      if (config.demo()) {
        Files.createDirectories(dir);
      }
      FileDropConnector drop = FileDropConnector.create(FileDropConfig.builder(dir).build());
      return ConnectorRunner.builder(tmc.ingest())
          .connector(drop)
          .config(RunnerConfig.builder().pollInterval(tuning.pollInterval()).build())
          .build();
    } catch (IOException | RuntimeException e) {
      throw new StartupException("TMC_RECORDS_DROP_DIR: " + e.getMessage());
    }
  }

  private static DataSource dataSource(ServerConfig config) {
    if (config.dbUrl().startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(config.dbUrl());
      ds.setConnectTimeout(5);
      ds.setLoginTimeout(5);
      ds.setSocketTimeout(60);
      if (config.dbUser() != null) {
        ds.setUser(config.dbUser());
      }
      if (config.dbPassword() != null) {
        ds.setPassword(config.dbPassword());
      }
      return ds;
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(durableH2(config.dbUrl()));
    ds.setUser(config.dbUser() == null ? "sa" : config.dbUser());
    ds.setPassword(config.dbPassword() == null ? "" : config.dbPassword());
    return ds;
  }

  /**
   * H2 keeps committed changes in memory for up to half a second before writing them (its write
   * delay); a killed process then loses transactions it reported committed, while a connector's
   * checkpoint on disk has moved past them. Unless the URL says otherwise, every commit is written
   * at once.
   */
  static String durableH2(String url) {
    if (url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")
        || url.startsWith("jdbc:h2:mem:")) {
      return url;
    }
    return url + ";WRITE_DELAY=0";
  }

  private static void checkDatabase(DataSource ds, ServerConfig config) {
    try (Connection c = ds.getConnection()) {
      if (!c.isValid(5)) {
        throw new SQLException("connection not valid");
      }
    } catch (SQLException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (config.dbPassword() != null && !config.dbPassword().isEmpty()) {
        reason = reason.replace(config.dbPassword(), "***");
      }
      throw new StartupException(
          "TMC_DB_URL: cannot reach the database at "
              + config.dbUrl().replaceAll("\\?.*$", "")
              + " ("
              + reason
              + ")");
    }
  }

  private static List<NotificationChannel> channels(ServerConfig config, DevMailbox mailbox) {
    List<NotificationChannel> list = new ArrayList<>();
    if (mailbox != null) {
      list.add(mailbox.channel(Channel.EMAIL));
      list.add(mailbox.channel(Channel.SMS));
      return list;
    }
    try {
      if (config.smtpConfigured()) {
        SmtpConfig.Builder b =
            SmtpConfig.builder(config.smtpHost(), config.smtpFrom()).port(config.smtpPort());
        if (config.smtpPort() == 25 || isLoopback(config.smtpHost())) {
          b.security(SmtpConfig.Security.NONE);
        } else if (config.smtpPort() == 465) {
          b.security(SmtpConfig.Security.TLS);
        }
        list.add(SmtpChannel.create(b.build()));
      }
      twilioConfig(config).ifPresent(t -> list.add(TwilioSmsChannel.create(t)));
      if (config.notifyConfigured()) {
        NotifyConfig.Builder b = NotifyConfig.builder().apiKey(config.notifyApiKey());
        if (config.notifyBaseUrl() != null) {
          b.baseUrl(config.notifyBaseUrl());
        }
        NotifyConfig n = b.build();
        if (!config.smtpConfigured()) {
          list.add(NotifyEmailChannel.create(n));
        }
        if (!config.twilioConfigured()) {
          list.add(NotifySmsChannel.create(n));
        }
      }
    } catch (RuntimeException e) {
      throw new StartupException("channel configuration: " + e.getMessage());
    }
    return list;
  }

  private static java.util.Optional<TwilioConfig> twilioConfig(ServerConfig config) {
    if (!config.twilioConfigured()) {
      return java.util.Optional.empty();
    }
    TwilioConfig.Builder b =
        TwilioConfig.builder()
            .accountSid(config.twilioAccountSid())
            .authToken(config.twilioAuthToken());
    if (config.twilioFrom().startsWith("MG")) {
      b.messagingServiceSid(config.twilioFrom());
    } else {
      b.fromNumber(config.twilioFrom());
    }
    if (config.twilioBaseUrl() != null) {
      b.apiBaseUrl(config.twilioBaseUrl());
    }
    if ("https".equals(config.publicBaseUrl().getScheme())) {
      b.statusCallbackUrl(config.publicBaseUrl().resolve("/twilio/status"));
    }
    return java.util.Optional.of(b.build());
  }

  private static DispatchConfig dispatchConfig(ServerConfig config, Tuning tuning) {
    // https in production (ServerConfig insists); plain http is accepted on localhost only.
    String portal = config.publicBaseUrl().toString();
    DispatchConfig.Builder b =
        DispatchConfig.builder()
            .workers(2)
            .pollInterval(tuning.pollInterval())
            .coalesceWindow(config.alertCoalesce())
            .lease(config.dispatchLease())
            // the first wait is 30 s, or the cap when that is shorter
            .backoff(
                min(Duration.ofSeconds(30), config.dispatchMaxBackoff()),
                config.dispatchMaxBackoff())
            .shutdownTimeout(Duration.ofSeconds(10));
    if (config.quietFrom() == null) {
      b.noQuietHours();
    } else {
      b.quietHours(config.quietFrom(), config.quietUntil());
    }
    try {
      return b.force(config.force(), ForceMessaging.builder(portal).build()).build();
    } catch (RuntimeException e) {
      throw new StartupException("TMC_PUBLIC_BASE_URL: " + e.getMessage());
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A relay on this machine: plain SMTP is fine, the traffic never leaves it. */
  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  private static String rootType(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
