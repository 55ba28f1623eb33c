package org.trackmycrime.benchmarks;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.BulkOptions;
import org.trackmycrime.core.ingest.BulkReport;

/**
 * Bulk ingest of a generated stream through {@code tmc.ingest().bulkLoad}, next to plain JDBC batch
 * inserts of the rows that load left behind.
 */
final class IngestWorkload implements Workload {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final int CHUNK = 1000;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public long defaultSize() {
    return 1_000_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    long size = o.sizeOr(defaultSize());
    Path dir = Files.createTempDirectory("tmc-bench-ingest-");
    try {
      Path stream = dir.resolve("events.jsonl");
      long events = EventStreamGenerator.write(o.seed(), size, stream);
      Path warm = dir.resolve("warm.jsonl");
      EventStreamGenerator.write(
          o.seed() + 1, Math.min(5_000, Math.max(size / 10, Math.min(size, 500))), warm);
      Path rows = dir.resolve("rows.bin");
      for (Databases.Kind kind : o.databases()) {
        try (Databases.Db db = databases.create(kind)) {
          load(db, warm, new long[1]); // JIT warm-up, not measured
        }
        List<Double> sdk = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> sdkCpu = new ArrayList<>();
        List<Double> baseCpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads =
            java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> counts = null;
        for (int run = 0; run < o.runs(); run++) {
          try (Databases.Db db = databases.create(kind)) {
            BulkReport r;
            try (HeapWatch watch = new HeapWatch()) {
              long[] cpu = new long[1];
              r = load(db, stream, cpu);
              sdkCpu.add(events / (cpu[0] / 1e9));
              heap.add(watch.peakBytes() / (1024.0 * 1024.0));
            }
            if (r.rejected() > 0 || r.parked() > 0 || r.applied() != events) {
              throw new IllegalStateException("the generated stream did not apply cleanly: " + r);
            }
            sdk.add(events / (r.elapsed().toNanos() / 1e9));
            counts = RowCopy.counts(db.dataSource());
            RowCopy.dump(db.dataSource(), rows);
          }
          try (Databases.Db db = databases.create(kind)) {
            TrackMyCrime.migrate(db.dataSource());
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RowCopy.load(db.dataSource(), rows, CHUNK);
            base.add(events / ((System.nanoTime() - start) / 1e9));
            baseCpu.add(events / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9));
          }
        }
        double minRate = kind == Databases.Kind.H2 ? 10_000 : 6_000;
        Figure rate =
            new Figure(
                name() + " " + events + " events",
                kind.label(),
                "throughput",
                "events/s",
                Figure.of(sdk),
                Figure.of(base),
                true,
                String.format("≥ %,.0f/s and ratio ≥ 0.5", minRate),
                null,
                "rows written: " + counts + " (" + rowsPerEvent(counts, events) + " per event)");
        rate = withMet(rate, rate.sdkMedian() >= minRate && rate.ratio() >= 0.5);
        report.add(rate);
        if (kind == Databases.Kind.H2) {
          // embedded H2 works on the calling thread, so its CPU time is the whole cost: a figure
          // that other processes on a shared machine do not move
          report.add(
              new Figure(
                  name() + " " + events + " events",
                  kind.label(),
                  "events per CPU second of the loading thread",
                  "events/s",
                  Figure.of(sdkCpu),
                  Figure.of(baseCpu),
                  true,
                  null,
                  null,
                  null));
        }
        double[] heapMb = Figure.of(heap);
        report.add(
            new Figure(
                name() + " " + events + " events",
                kind.label(),
                "peak heap in use",
                "MB",
                heapMb,
                null,
                false,
                "≤ 512 MB",
                Figure.max(heapMb) <= 512,
                null));
      }
    } finally {
      Databases.deleteRecursively(dir);
    }
  }

  private static String rowsPerEvent(Map<String, Long> counts, long events) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return String.format(java.util.Locale.ROOT, "%.1f", total / (double) events);
  }

  static Figure withMet(Figure f, boolean met) {
    return new Figure(
        f.workload(),
        f.database(),
        f.metric(),
        f.unit(),
        f.sdk(),
        f.baseline(),
        f.higherIsBetter(),
        f.target(),
        met,
        f.note());
  }

  /**
   * A fresh SDK on the database, the bench force, and the stream bulk-loaded; {@code cpu[0]} is set
   * to the calling thread's CPU time for the load alone.
   */
  static BulkReport load(Databases.Db db, Path stream, long[] cpu) throws Exception {
    TrackMyCrime tmc = EventStreamGenerator.benchSdk(db.dataSource(), NOW);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    try (BufferedReader in = Files.newBufferedReader(stream, StandardCharsets.UTF_8)) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      BulkReport r = tmc.ingest().bulkLoad(in, BulkOptions.of("bench").withChunkSize(CHUNK));
      cpu[0] = threads.getCurrentThreadCpuTime() - cpu0;
      return r;
    }
  }
}
