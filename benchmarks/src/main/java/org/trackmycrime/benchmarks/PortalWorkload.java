package org.trackmycrime.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The victim's crime page under 64 concurrent signed-in clients, each a different victim reading
 * their own crime page over and over, next to the same clients reading a fixed page of the same
 * size from a plain handler on the same server.
 */
final class PortalWorkload implements Workload {
  static final int CLIENTS = 64;
  static final double WARM_UP_SECONDS = 8;
  static final double RUN_SECONDS = 10;

  @Override
  public String name() {
    return "portal";
  }

  @Override
  public long defaultSize() {
    return 100_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    int victims = (int) o.sizeOr(defaultSize());
    for (Databases.Kind kind : o.databases()) {
      List<Double> sdkRate = new ArrayList<>();
      List<Double> baseRate = new ArrayList<>();
      List<Double> sdkP50 = new ArrayList<>();
      List<Double> baseP50 = new ArrayList<>();
      List<Double> sdkP99 = new ArrayList<>();
      List<Double> baseP99 = new ArrayList<>();
      try (Databases.Db db = databases.create(kind);
          PortalFixture site = new PortalFixture(db.dataSource(), victims, o.seed(), false)) {
        List<PortalFixture.Client> clients = site.signIn(CLIENTS, o.seed());
        int port = site.port();
        // warm-up, not measured
        crimePages(port, clients, WARM_UP_SECONDS).await();
        fixedPages(port, WARM_UP_SECONDS / 4).await();
        for (int run = 0; run < o.runs(); run++) {
          Load.Result sdk = crimePages(port, clients, RUN_SECONDS).await();
          Load.Result base = fixedPages(port, RUN_SECONDS).await();
          System.err.printf(
              "portal %s run %d: crime page %.0f/s p50 %.1f p99 %.1f ms; fixed page %.0f/s p99"
                  + " %.1f ms%n",
              kind,
              run,
              sdk.perSecond(),
              sdk.percentile(50),
              sdk.percentile(99),
              base.perSecond(),
              base.percentile(99));
          sdkRate.add(sdk.perSecond());
          baseRate.add(base.perSecond());
          sdkP50.add(sdk.percentile(50));
          baseP50.add(base.percentile(50));
          sdkP99.add(sdk.percentile(99));
          baseP99.add(base.percentile(99));
        }
      }
      String w = name() + " " + victims + " victims, " + CLIENTS + " clients";
      double[] rate = Figure.of(sdkRate);
      double[] baseline = Figure.of(baseRate);
      double rateMedian = Figure.median(rate);
      double ratio = rateMedian / Figure.median(baseline);
      report.add(
          new Figure(
              w,
              kind.label(),
              "crime page requests/s",
              "requests/s",
              rate,
              baseline,
              true,
              "≥ 2,000/s, ratio ≥ 0.3",
              rateMedian >= 2_000 && ratio >= 0.3,
              "baseline: a fixed page of the crime page's size from a plain handler on the same"
                  + " JDK HttpServer (same 16 threads); "
                  + RUN_SECONDS
                  + " s per run after "
                  + WARM_UP_SECONDS
                  + " s warm-up; clients on kept-alive loopback sockets"));
      report.add(
          new Figure(
              w,
              kind.label(),
              "crime page p50",
              "ms",
              Figure.of(sdkP50),
              Figure.of(baseP50),
              false,
              null,
              null,
              null));
      double[] p99 = Figure.of(sdkP99);
      report.add(
          new Figure(
              w,
              kind.label(),
              "crime page p99",
              "ms",
              p99,
              Figure.of(baseP99),
              false,
              "≤ 50 ms",
              Figure.median(p99) <= 50,
              null));
    }
  }

  static Load crimePages(int port, List<PortalFixture.Client> clients, double seconds) {
    return Load.start(
        "crime-page",
        clients.size(),
        port,
        seconds,
        t -> {
          PortalFixture.Client c = clients.get(t);
          return http -> Load.expect200(http.get(c.crimePath(), c.cookie()), "crime page");
        });
  }

  static Load fixedPages(int port, double seconds) {
    return Load.start(
        "fixed-page",
        CLIENTS,
        port,
        seconds,
        t -> http -> Load.expect200(http.get(PortalFixture.FIXED_PATH, null), "fixed page"));
  }
}
