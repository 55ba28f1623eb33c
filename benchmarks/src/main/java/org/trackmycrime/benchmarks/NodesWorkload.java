package org.trackmycrime.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.notifications.AlertChannels;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.NotificationChannel;

/**
 * N update alerts by email dispatched by 1, 2 and 3 nodes sharing one database. A node is a {@link
 * Dispatcher} with its own {@link TrackMyCrime}, connection pool and SMTP channel, started with one
 * worker thread; the nodes run in this JVM (separate processes would add nothing the database sees:
 * each node already has its own connections). Messages per second from the start of the nodes until
 * GreenMail has received every message; the "baseline" column is one node, so the ratio is the
 * speed-up. Always on PostgreSQL (the setting), whatever {@code --db} says. Fails if any
 * recipient gets a message twice or none.
 */
final class NodesWorkload implements Workload {
  static final int WORKERS_PER_NODE = 1;
  private static final int MAX_NODES = 3;

  @Override
  public String name() {
    return "dispatch-nodes";
  }

  @Override
  public long defaultSize() {
    return 100_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    int n = (int) o.sizeOr(defaultSize());
    List<String> recipients = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      recipients.add("victim" + i + "@bench.example");
    }
    EmailWorkload email = new EmailWorkload();
    // the issue asks for nodes sharing one PostgreSQL: --db does not apply
    for (Databases.Kind kind : List.of(Databases.Kind.POSTGRES)) {
      List<List<Double>> rates = new ArrayList<>();
      for (int nodes = 1; nodes <= MAX_NODES; nodes++) {
        rates.add(new ArrayList<>());
      }
      try (DispatchWorkload.Server server = email.start()) {
        for (int run = 0; run < o.runs(); run++) {
          for (int nodes = 1; nodes <= MAX_NODES; nodes++) {
            rates.get(nodes - 1).add(once(email, server, databases, kind, recipients, nodes));
          }
        }
      }
      double[] one = Figure.of(rates.get(0));
      for (int nodes = 1; nodes <= MAX_NODES; nodes++) {
        Figure f =
            new Figure(
                name() + " " + n + " emails, " + nodes + (nodes == 1 ? " node" : " nodes"),
                kind.label(),
                "throughput",
                "messages/s",
                Figure.of(rates.get(nodes - 1)),
                one,
                true,
                nodes == 1 ? "zero duplicates" : "grows with nodes; zero duplicates",
                null,
                WORKERS_PER_NODE + " worker per node; baseline column: 1 node");
        boolean grows = nodes == 1 || f.ratio() > 1.0;
        // a duplicate or a lost message fails the run (check), so reaching here means none
        report.add(IngestWorkload.withMet(f, grows));
      }
    }
  }

  private static double once(
      EmailWorkload email,
      DispatchWorkload.Server server,
      Databases databases,
      Databases.Kind kind,
      List<String> recipients,
      int nodes)
      throws Exception {
    int n = recipients.size();
    try (Databases.Db db = databases.create(kind)) {
      TrackMyCrime setup = EventStreamGenerator.benchSdk(db.dataSource(), DispatchWorkload.NOW);
      DispatchWorkload.fill(db.dataSource(), recipients, true);
      List<NotificationChannel> channels = new ArrayList<>();
      List<Dispatcher> dispatchers = new ArrayList<>();
      try {
        for (int i = 0; i < nodes; i++) {
          TrackMyCrime tmc =
              TrackMyCrime.builder()
                  .dataSource(db.morePools().get())
                  .clock(Clock.fixed(DispatchWorkload.NOW, ZoneOffset.UTC))
                  .build();
          NotificationChannel channel = email.channel(server);
          channels.add(channel);
          dispatchers.add(
              Dispatcher.builder()
                  .trackMyCrime(tmc)
                  .channel(channel)
                  .config(
                      DispatchConfig.builder()
                          .defaultMessaging(ForceMessaging.builder(DispatchWorkload.PORTAL).build())
                          .noQuietHours()
                          .coalesceWindow(Duration.ZERO)
                          .alertChannels(AlertChannels.PREFER_EMAIL)
                          .workers(WORKERS_PER_NODE)
                          .build())
                  .build());
        }
        server.tally().reset();
        long start = System.nanoTime();
        dispatchers.forEach(Dispatcher::start);
        long deadline = start + Duration.ofMinutes(60).toNanos();
        while (server.tally().received() < n && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        dispatchers.forEach(Dispatcher::stop);
        // anything sent after the last expected message would be a duplicate: give it a moment
        Thread.sleep(200);
        DispatchWorkload.check("dispatch on " + nodes + " nodes", server.tally(), n);
        long sent = sentRows(db.dataSource());
        if (sent != n) {
          throw new IllegalStateException(
              "dispatch on " + nodes + " nodes: " + sent + " outbox rows sent, expected " + n);
        }
        return n / seconds;
      } finally {
        dispatchers.forEach(Dispatcher::stop);
        for (NotificationChannel c : channels) {
          c.close();
        }
      }
    }
  }

  private static long sentRows(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM tmc_outbox WHERE status = 'SENT'"
                    + " AND dispatch_lease_owner IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
