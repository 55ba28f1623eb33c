package org.trackmycrime.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.AlertChannels;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.DispatchRun;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.template.MessageTemplates;
import org.trackmycrime.notifications.template.RenderedMessage;

/**
 * N update alerts, one per victim, sent through the real {@link Dispatcher} and a channel to a
 * server on loopback, next to the provider's own client sending the same messages in a plain loop.
 * Messages per second; the ratio is the dispatcher's over the loop's.
 */
abstract class DispatchWorkload implements Workload {
  /** Midday in London: no quiet hours in the way of texts. */
  static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

  static final String PORTAL = "https://victims.bench.example";

  /** A server on loopback that the channel and the baseline both send to. */
  interface Server extends AutoCloseable {
    /** What it received, per recipient. */
    Tally tally();

    @Override
    void close();
  }

  abstract boolean email();

  abstract Server start() throws Exception;

  abstract NotificationChannel channel(Server server) throws Exception;

  /** Sends {@code recipients} the rendered message the plain way; returns when all were sent. */
  abstract void baseline(Server server, List<String> recipients, RenderedMessage message)
      throws Exception;

  @Override
  public long defaultSize() {
    return 100_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    int n = (int) o.sizeOr(defaultSize());
    List<String> recipients = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      recipients.add(email() ? "victim" + i + "@bench.example" : String.format("+4477009%05d", i));
    }
    RenderedMessage rendered =
        MessageTemplates.defaults()
            .render(MessageKind.VICTIM_UPDATE, Language.EN, Map.of("portalUrl", PORTAL));
    for (Databases.Kind kind : o.databases()) {
      List<Double> onOneThread = new ArrayList<>();
      List<Double> started = new ArrayList<>();
      List<Double> base = new ArrayList<>();
      try (Server server = start()) {
        // warm-up of every arm the same way (an untimed round of each), then the measured runs
        List<String> warm = recipients.subList(0, Math.min(n, WARM_UP));
        sdkRun(databases, kind, server, warm, false);
        sdkRun(databases, kind, server, warm, true);
        baselineRun(server, warm, rendered);
        for (int run = 0; run < o.runs(); run++) {
          onOneThread.add(sdkRun(databases, kind, server, recipients, false));
          started.add(sdkRun(databases, kind, server, recipients, true));
          base.add(baselineRun(server, recipients, rendered));
        }
      }
      report.add(figure(n, kind, "runOnce() on one thread", onOneThread, base));
      report.add(
          figure(
              n,
              kind,
              "started, its default " + DispatchConfig.builder().build().workers() + " workers",
              started,
              base));
    }
  }

  private Figure figure(
      int n, Databases.Kind kind, String how, List<Double> sdk, List<Double> baseline) {
    Figure f =
        new Figure(
            name() + " " + n + " messages, dispatcher " + how,
            kind.label(),
            "throughput",
            "messages/s",
            Figure.of(sdk),
            Figure.of(baseline),
            true,
            "ratio ≥ 0.8",
            null,
            null);
    return IngestWorkload.withMet(f, f.ratio() >= 0.8);
  }

  /** Messages in the untimed warm-up round of each arm. */
  static final int WARM_UP = 200;

  /**
   * One run of the dispatcher over {@code recipients} in a fresh database; messages per second.
   * Either {@link Dispatcher#runOnce()} on this thread, or {@link Dispatcher#start() started} with
   * its default workers, as a host runs it, until the server has every message.
   */
  private double sdkRun(
      Databases databases,
      Databases.Kind kind,
      Server server,
      List<String> recipients,
      boolean started)
      throws Exception {
    int n = recipients.size();
    try (Databases.Db db = databases.create(kind)) {
      TrackMyCrime tmc = EventStreamGenerator.benchSdk(db.dataSource(), NOW);
      fill(db.dataSource(), recipients, email());
      NotificationChannel channel = channel(server);
      try (Dispatcher dispatcher =
          Dispatcher.builder()
              .trackMyCrime(tmc)
              .channel(channel)
              .config(
                  DispatchConfig.builder()
                      .defaultMessaging(ForceMessaging.builder(PORTAL).build())
                      .noQuietHours()
                      .coalesceWindow(Duration.ZERO)
                      .alertChannels(
                          email() ? AlertChannels.PREFER_EMAIL : AlertChannels.PREFER_SMS)
                      .build())
              .build()) {
        server.tally().reset();
        long start = System.nanoTime();
        double seconds;
        if (started) {
          dispatcher.start();
          long deadline = start + Duration.ofHours(1).toNanos();
          while (server.tally().received() < n && System.nanoTime() < deadline) {
            Thread.sleep(2);
          }
          seconds = (System.nanoTime() - start) / 1e9;
          dispatcher.stop(); // lets the workers finish: a message sent twice would show now
          check(name() + ": the started dispatcher", server.tally(), n);
        } else {
          DispatchRun r = dispatcher.runOnce();
          seconds = (System.nanoTime() - start) / 1e9;
          check(name() + ": the dispatcher (" + r + ")", server.tally(), n);
          if (r.sent() != n) {
            throw new IllegalStateException(name() + ": the dispatcher sent " + r);
          }
        }
        return n / seconds;
      } finally {
        channel.close();
      }
    }
  }

  /** One run of the plain loop over {@code recipients}; messages per second. */
  private double baselineRun(Server server, List<String> recipients, RenderedMessage rendered)
      throws Exception {
    server.tally().reset();
    long start = System.nanoTime();
    baseline(server, recipients, rendered);
    double seconds = (System.nanoTime() - start) / 1e9;
    check(name() + ": the baseline", server.tally(), recipients.size());
    return recipients.size() / seconds;
  }

  /**
   * Fails unless the server received exactly one message for each of {@code n} recipients: a
   * message lost or sent twice stops the benchmark.
   */
  static void check(String who, Tally tally, int n) {
    if (tally.received() != n || tally.recipients() != n) {
      throw new IllegalStateException(
          who
              + ": the server received "
              + tally.received()
              + " messages for "
              + tally.recipients()
              + " different recipients; expected "
              + n
              + " for "
              + n);
    }
  }

  /** One crime per recipient, its victim enrolled and found suitable, and one update alert. */
  static void fill(DataSource ds, List<String> recipients, boolean email) throws SQLException {
    String force = EventStreamGenerator.FORCE;
    OffsetDateTime enrolled =
        OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC);
    OffsetDateTime created =
        OffsetDateTime.ofInstant(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC);
    String actor = Actor.officer("4321").toString();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement crime =
              c.prepareStatement(
                  "INSERT INTO tmc_crime (force_slug, crime_ref, offence_category, reported_at,"
                      + " status, officer_ref) VALUES (?, ?, 'Burglary', ?, 'OPEN', '4321')");
          PreparedStatement victim =
              c.prepareStatement(
                  "INSERT INTO tmc_victim (force_slug, crime_ref, victim_ref, given_name,"
                      + " family_name, email, mobile, lang, enhanced, enhanced_reasons,"
                      + " unreachable_channels, consent, risk) VALUES (?, ?, 'V1', 'Alex',"
                      + " 'Morgan', ?, ?, 'en', FALSE, '', '', 'ENROLLED', 'SUITABLE')");
          PreparedStatement history =
              c.prepareStatement(
                  "INSERT INTO tmc_enrolment_history (force_slug, crime_ref, victim_ref, seq,"
                      + " enrolment_action, effective_at, actor, reason_codes) VALUES (?, ?, 'V1',"
                      + " ?, ?, ?, ?, '')");
          PreparedStatement outbox =
              c.prepareStatement(
                  "INSERT INTO tmc_outbox (force_slug, idempotency_key, message_kind, crime_ref,"
                      + " victim_ref, entry_key, status, created_at, updated_at) VALUES (?, ?,"
                      + " 'VICTIM_UPDATE', ?, 'V1', 'e1', 'PENDING', ?, ?)")) {
        for (int i = 0; i < recipients.size(); i++) {
          String ref = "MSG/" + i;
          crime.setString(1, force);
          crime.setString(2, ref);
          crime.setObject(3, enrolled);
          crime.addBatch();
          victim.setString(1, force);
          victim.setString(2, ref);
          victim.setString(3, email ? recipients.get(i) : null);
          victim.setString(4, email ? null : recipients.get(i));
          victim.addBatch();
          String[] actions = {"ENROL", "ASSESS_SUITABLE"};
          for (int seq = 0; seq < 2; seq++) {
            history.setString(1, force);
            history.setString(2, ref);
            history.setInt(3, seq);
            history.setString(4, actions[seq]);
            history.setObject(5, enrolled);
            history.setString(6, actor);
            history.addBatch();
          }
          outbox.setString(1, force);
          outbox.setString(2, String.join("|", "VICTIM_UPDATE", force, ref, "V1", "e1"));
          outbox.setString(3, ref);
          outbox.setObject(4, created);
          outbox.setObject(5, created);
          outbox.addBatch();
          if (i % 2_000 == 1_999 || i == recipients.size() - 1) {
            crime.executeBatch();
            victim.executeBatch();
            history.executeBatch();
            outbox.executeBatch();
            c.commit();
          }
        }
      }
    }
  }
}
