package org.trackmycrime.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Other pages while sign-in is flooded: {@value #FLOODERS} clients post wrong passwords to the
 * sign-in form without pause (each attempt for another account, so the per-account limit never
 * stops them, and with the per-client limit lifted as if they came from many addresses) while
 * {@value #READERS} signed-in victims read their crime page and the start page in turn. The p99 of
 * those pages is compared with the same readers' p99 without the flood.
 */
final class SignInWorkload implements Workload {
  static final int FLOODERS = 16;
  static final int READERS = 12;
  static final String CSRF = "b".repeat(43);
  private static final String REFUSED = "too many attempts";
  private static final String WRONG = "is not right";

  @Override
  public String name() {
    return "signin";
  }

  @Override
  public long defaultSize() {
    return 100_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    int victims = (int) o.sizeOr(defaultSize());
    double seconds = PortalWorkload.RUN_SECONDS;
    for (Databases.Kind kind : o.databases()) {
      List<Double> floodedP99 = new ArrayList<>();
      List<Double> quietP99 = new ArrayList<>();
      List<Double> attempts = new ArrayList<>();
      List<Double> heap = new ArrayList<>();
      long checked = 0;
      long refused = 0;
      try (Databases.Db db = databases.create(kind);
          PortalFixture site = new PortalFixture(db.dataSource(), victims, o.seed(), true)) {
        List<PortalFixture.Client> clients = site.signIn(READERS, o.seed() + 1);
        int port = site.port();
        AtomicLong next = new AtomicLong();
        readers(port, clients, PortalWorkload.WARM_UP_SECONDS).await();
        flood(port, victims, next, 2).await();
        for (int run = 0; run < o.runs(); run++) {
          Load.Result quiet = readers(port, clients, seconds).await();
          Load.Result flooded;
          Load.Result floodResult;
          try (HeapWatch watch = new HeapWatch()) {
            Load flood = flood(port, victims, next, seconds + 2);
            Thread.sleep(1_000); // let the flood fill the hashing queue first
            flooded = readers(port, clients, seconds).await();
            floodResult = flood.await();
            heap.add(watch.peakBytes() / (1024.0 * 1024.0));
          }
          Map<String, Long> a = floodResult.answers();
          checked += a.getOrDefault("checked", 0L);
          refused += a.getOrDefault("refused", 0L);
          System.err.printf(
              "signin %s run %d: pages p99 %.1f ms flooded, %.1f ms quiet; sign-in %.0f/s %s%n",
              kind, run, flooded.percentile(99), quiet.percentile(99), floodResult.perSecond(), a);
          quietP99.add(quiet.percentile(99));
          floodedP99.add(flooded.percentile(99));
          attempts.add(floodResult.perSecond());
        }
      }
      String w = name() + " flood, " + victims + " victims";
      double[] p99 = Figure.of(floodedP99);
      report.add(
          new Figure(
              w,
              kind.label(),
              "crime and start page p99 while sign-in is flooded",
              "ms",
              p99,
              Figure.of(quietP99),
              false,
              "≤ 100 ms",
              Figure.median(p99) <= 100,
              "baseline: the same "
                  + READERS
                  + " readers without the flood; "
                  + FLOODERS
                  + " flooding clients; Argon2id m=19456 KiB t=2 p=1"));
      report.add(
          new Figure(
              w,
              kind.label(),
              "bad sign-ins answered",
              "per s",
              Figure.of(attempts),
              null,
              true,
              null,
              null,
              String.format(
                  "over all runs %,d checked (hashed) and %,d refused at once (hashing busy)",
                  checked, refused)));
      report.add(
          new Figure(
              w,
              kind.label(),
              "peak heap during the flood",
              "MB",
              Figure.of(heap),
              null,
              false,
              null,
              null,
              "-Xmx of the run: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
    }
  }

  static Load readers(int port, List<PortalFixture.Client> clients, double seconds) {
    return Load.start(
        "reader",
        clients.size(),
        port,
        seconds,
        t -> {
          PortalFixture.Client c = clients.get(t);
          boolean[] crime = {t % 2 == 0};
          return http -> {
            crime[0] = !crime[0];
            return crime[0]
                ? Load.expect200(http.get(c.crimePath(), c.cookie()), "crime page")
                : Load.expect200(http.get("/", null), "start page");
          };
        });
  }

  static Load flood(int port, int victims, AtomicLong next, double seconds) {
    return Load.start(
        "flood",
        FLOODERS,
        port,
        seconds,
        t ->
            http -> {
              String login = PortalFixture.login((int) (next.getAndIncrement() % victims));
              Http1.Response r =
                  http.post(
                      "/sign-in",
                      "__Host-tmc-csrf=" + CSRF,
                      "login="
                          + URLEncoder.encode(login, StandardCharsets.UTF_8)
                          + "&password=not+the+right+password+at+all&csrf="
                          + CSRF);
              String body = Load.expect200(r, "sign-in").isEmpty() ? "" : r.text();
              if (body.contains(REFUSED)) {
                return "refused";
              }
              if (body.contains(WRONG)) {
                return "checked";
              }
              throw new IllegalStateException(
                  "sign-in answered neither refusal nor wrong password");
            });
  }
}
