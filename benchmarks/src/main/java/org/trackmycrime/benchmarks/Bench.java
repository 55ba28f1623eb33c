package org.trackmycrime.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark workloads and writes their Markdown table to {@code benchmarks/results/}.
 *
 * <pre>
 * java -Xmx512m -jar benchmarks/target/benchmarks.jar all
 * java -Xmx512m -jar benchmarks/target/benchmarks.jar --workload ingest --size 100000 --runs 3 --db h2
 * </pre>
 *
 * Options: {@code --workload} (ingest, cadence, email, sms, dispatch-nodes, portal, signin, jmh, or
 * all), {@code --size} (events, open crimes, messages or victims; default: the full size),
 * {@code --runs} (default 3), {@code --db} (h2, postgres or both; default both), {@code --seed}
 * (default 42), {@code --out} (folder).
 */
public final class Bench {
  static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

  static {
    for (Workload w :
        List.of(
            new IngestWorkload(),
            new CadenceWorkload(),
            new EmailWorkload(),
            new SmsWorkload(),
            new NodesWorkload(),
            new PortalWorkload(),
            new SignInWorkload(),
            new JmhWorkload())) {
      WORKLOADS.put(w.name(), w);
    }
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: Bench [all] [--workload ingest|cadence|email|sms|dispatch-nodes|portal|signin|jmh|all]"
              + " [--size N] [--runs R]"
              + " [--db h2|postgres|both] [--seed S] [--out DIR]");
      System.exit(2);
      return;
    }
    Report report = run(o, String.join(" ", args));
    Path file = report.write(o.out(), fileName(o));
    System.out.println(report.markdown());
    System.out.println("written to " + file);
    System.exit(0); // embedded PostgreSQL and HTTP server threads must not keep the JVM alive
  }

  static Report run(Options o, String command) throws Exception {
    Report report = new Report(command);
    List<Workload> chosen =
        o.workload().equals("all") ? List.copyOf(WORKLOADS.values()) : List.of(workload(o));
    try (Databases databases = new Databases()) {
      for (Workload w : chosen) {
        System.err.printf("running %s at size %,d%n", w.name(), o.sizeOr(w.defaultSize()));
        w.run(o, databases, report);
      }
    }
    return report;
  }

  private static Workload workload(Options o) {
    Workload w = WORKLOADS.get(o.workload());
    if (w == null) {
      throw new IllegalArgumentException(
          "--workload: one of " + WORKLOADS.keySet() + " or all, not " + o.workload());
    }
    return w;
  }

  static String fileName(Options o) {
    return LocalDate.now(ZoneOffset.UTC)
        + "-"
        + o.workload()
        + (o.size() > 0 ? "-size-" + o.size() : "-full")
        + "-runs-"
        + o.runs()
        + ".md";
  }

  static Options parse(String[] args) {
    String workload = null;
    long size = 0;
    int runs = 3;
    String db = "both";
    long seed = 42;
    Path out =
        Files.isDirectory(Path.of("benchmarks"))
            ? Path.of("benchmarks", "results")
            : Path.of("results");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("all")) {
        workload = "all";
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + ": needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--workload" -> workload = v;
        case "--size" -> size = positive(a, v);
        case "--runs" -> runs = (int) positive(a, v);
        case "--db" -> db = v;
        case "--seed" -> seed = Long.parseLong(v);
        case "--out" -> out = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (workload == null) {
      throw new IllegalArgumentException("--workload: required (or say all)");
    }
    List<Databases.Kind> kinds = new ArrayList<>();
    if (db.equals("both")) {
      kinds.add(Databases.Kind.H2);
      kinds.add(Databases.Kind.POSTGRES);
    } else {
      kinds.add(Databases.Kind.parse(db));
    }
    Options o = new Options(workload, size, runs, List.copyOf(kinds), seed, out);
    if (!workload.equals("all")) {
      workload(o);
    }
    return o;
  }

  private static long positive(String option, String value) {
    try {
      long v = Long.parseLong(value.replace("_", "").replace(",", ""));
      if (v < 1) {
        throw new IllegalArgumentException(option + ": must be at least 1, not " + value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a number: " + value, e);
    }
  }
}
