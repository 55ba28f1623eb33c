package org.trackmycrime.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.cadence.CaseObligation;

/**
 * Due-soon and overdue lists ({@code tmc.cadence().dueSoon/overdue}) over N open crimes, each with
 * one victim and one owed update, next to a full scan of the force's obligations that computes the
 * same page in Java. The answers are compared; a difference fails the run.
 */
final class CadenceWorkload implements Workload {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final int LIMIT = 50;
  private static final Duration WITHIN = Duration.ofDays(7);

  @Override
  public String name() {
    return "cadence";
  }

  @Override
  public long defaultSize() {
    return 1_000_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) throws Exception {
    int crimes = (int) o.sizeOr(defaultSize());
    int queries = 100;
    int scans = 5;
    for (Databases.Kind kind : o.databases()) {
      List<Double> soonP50 = new ArrayList<>();
      List<Double> soonP99 = new ArrayList<>();
      List<Double> overP50 = new ArrayList<>();
      List<Double> overP99 = new ArrayList<>();
      List<Double> scanP50 = new ArrayList<>();
      List<Double> scanP99 = new ArrayList<>();
      boolean equal = true;
      try (Databases.Db db = databases.create(kind)) {
        TrackMyCrime tmc = EventStreamGenerator.benchSdk(db.dataSource(), NOW);
        fill(db.dataSource(), crimes, o.seed());
        for (int i = 0; i < 50; i++) { // warm-up, not measured
          tmc.cadence().dueSoon(EventStreamGenerator.FORCE, WITHIN, LIMIT);
          tmc.cadence().overdue(EventStreamGenerator.FORCE, LIMIT);
        }
        scan(db.dataSource());
        for (int run = 0; run < o.runs(); run++) {
          double[] soon = new double[queries];
          double[] over = new double[queries];
          List<String> soonAnswer = null;
          List<String> overAnswer = null;
          for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            List<CaseObligation> s =
                tmc.cadence().dueSoon(EventStreamGenerator.FORCE, WITHIN, LIMIT);
            long t1 = System.nanoTime();
            List<CaseObligation> v = tmc.cadence().overdue(EventStreamGenerator.FORCE, LIMIT);
            long t2 = System.nanoTime();
            soon[i] = (t1 - t0) / 1e6;
            over[i] = (t2 - t1) / 1e6;
            soonAnswer = keys(s);
            overAnswer = keys(v);
          }
          soonP50.add(percentile(soon, 50));
          soonP99.add(percentile(soon, 99));
          overP50.add(percentile(over, 50));
          overP99.add(percentile(over, 99));
          double[] scanned = new double[scans];
          for (int i = 0; i < scans; i++) {
            long t0 = System.nanoTime();
            Answer answer = scan(db.dataSource());
            long t1 = System.nanoTime();
            // one scan answers both lists; each is charged the whole scan
            scanned[i] = (t1 - t0) / 1e6;
            equal &= answer.soon().equals(soonAnswer) && answer.overdue().equals(overAnswer);
          }
          scanP50.add(percentile(scanned, 50));
          scanP99.add(percentile(scanned, 99));
        }
      }
      if (!equal) {
        throw new IllegalStateException("cadence: the SDK's lists differ from the full scan's");
      }
      String w = name() + " " + crimes + " open crimes";
      String note = "answers equal to the full scan's (first " + LIMIT + " rows of each list)";
      note += "; baseline: " + scans + " full scans per run, each answering both lists";
      report.add(figure(w, kind, "due soon p50", soonP50, scanP50, null, note));
      report.add(figure(w, kind, "due soon p99", soonP99, scanP99, 20.0, null));
      report.add(figure(w, kind, "overdue p50", overP50, scanP50, null, null));
      report.add(figure(w, kind, "overdue p99", overP99, scanP99, 20.0, null));
    }
  }

  private static Figure figure(
      String workload,
      Databases.Kind kind,
      String metric,
      List<Double> sdk,
      List<Double> scan,
      Double maxMs,
      String note) {
    double[] s = Figure.of(sdk);
    return new Figure(
        workload,
        kind.label(),
        metric,
        "ms",
        s,
        Figure.of(scan),
        false,
        maxMs == null ? null : "≤ " + maxMs.intValue() + " ms; answers equal",
        maxMs == null ? null : Figure.median(s) <= maxMs,
        note);
  }

  static double percentile(double[] values, int p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }

  private static List<String> keys(List<CaseObligation> list) {
    return list.stream()
        .map(c -> c.crimeReference() + "|" + c.victimRef() + "|" + c.obligationKey())
        .toList();
  }

  /** One row per open obligation, read in full and sorted in Java: the naive answer. */
  /** The first rows of both lists, as crime|victim|key. */
  private record Answer(List<String> soon, List<String> overdue) {}

  private static Answer scan(DataSource ds) throws SQLException {
    record Row(Instant due, String crime, String victim, String key) {
      String id() {
        return crime + "|" + victim + "|" + key;
      }
    }
    Instant cutoff = NOW.truncatedTo(ChronoUnit.SECONDS);
    Instant until = NOW.plus(WITHIN);
    List<Row> soon = new ArrayList<>();
    List<Row> over = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT crime_ref, victim_ref, obligation_key, status, due_at FROM tmc_obligation"
                  + " WHERE force_slug = ?")) {
        ps.setFetchSize(10_000);
        ps.setString(1, EventStreamGenerator.FORCE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String status = rs.getString(4);
            if (!status.equals("PENDING") && !status.equals("OVERDUE")) {
              continue;
            }
            Instant due = rs.getObject(5, OffsetDateTime.class).toInstant();
            Row r = new Row(due, rs.getString(1), rs.getString(2), rs.getString(3));
            if (due.isBefore(cutoff)) {
              over.add(r);
            } else if (!due.isAfter(until)) {
              soon.add(r);
            }
          }
        }
      }
      c.commit();
    }
    Comparator<Row> order =
        Comparator.comparing(Row::due)
            .thenComparing(Row::crime)
            .thenComparing(Row::victim)
            .thenComparing(Row::key);
    return new Answer(
        soon.stream().sorted(order).limit(LIMIT).map(Row::id).toList(),
        over.stream().sorted(order).limit(LIMIT).map(Row::id).toList());
  }

  /**
   * Writes the crimes, victims and obligations with JDBC batches: loading a million crimes through
   * the ingest would take longer than the measurement.
   */
  static void fill(DataSource ds, int crimes, long seed) throws SQLException {
    SplittableRandom random = new SplittableRandom(seed);
    String force = EventStreamGenerator.FORCE;
    OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement crime =
              c.prepareStatement(
                  "INSERT INTO tmc_crime (force_slug, crime_ref, offence_category, reported_at,"
                      + " status, officer_ref, cadence_from) VALUES (?, ?, 'Burglary', ?, 'OPEN',"
                      + " ?, ?)");
          PreparedStatement victim =
              c.prepareStatement(
                  "INSERT INTO tmc_victim (force_slug, crime_ref, victim_ref, given_name,"
                      + " family_name, lang, enhanced, enhanced_reasons, unreachable_channels,"
                      + " consent, risk) VALUES (?, ?, 'V1', 'Alex', 'Morgan', 'en', FALSE, '',"
                      + " '', 'ENROLLED', 'SUITABLE')");
          PreparedStatement obligation =
              c.prepareStatement(
                  "INSERT INTO tmc_obligation (force_slug, crime_ref, victim_ref, obligation_key,"
                      + " kind, starts_at, due_at, due_date, status, explanation, officer_ref,"
                      + " computed_at) VALUES (?, ?, 'V1', ?, 'REGULAR_UPDATE', ?, ?, ?, ?,"
                      + " 'Update owed every 28 days', ?, ?)")) {
        for (int i = 0; i < crimes; i++) {
          String ref = "OPEN/" + i;
          String officer = "O" + (i % 200);
          // due from 60 days ago to 60 days ahead, at the end of a day as deadlines are
          LocalDate dueDate = LocalDate.of(2026, 3, 2).plusDays(random.nextInt(121) - 60);
          Instant due = dueDate.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
          Instant starts = due.minus(Duration.ofDays(28));
          // a fifth already met, as a live force's index holds
          String status =
              random.nextInt(5) == 0 ? "MET" : due.isBefore(NOW) ? "OVERDUE" : "PENDING";
          crime.setString(1, force);
          crime.setString(2, ref);
          crime.setObject(3, OffsetDateTime.ofInstant(starts, ZoneOffset.UTC));
          crime.setString(4, officer);
          crime.setObject(5, now);
          crime.addBatch();
          victim.setString(1, force);
          victim.setString(2, ref);
          victim.addBatch();
          obligation.setString(1, force);
          obligation.setString(2, ref);
          obligation.setString(3, "REGULAR_UPDATE@" + starts);
          obligation.setObject(4, OffsetDateTime.ofInstant(starts, ZoneOffset.UTC));
          obligation.setObject(5, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
          obligation.setObject(6, dueDate);
          obligation.setString(7, status);
          obligation.setString(8, officer);
          obligation.setObject(9, now);
          obligation.addBatch();
          if (i % 5_000 == 4_999 || i == crimes - 1) {
            crime.executeBatch();
            victim.executeBatch();
            obligation.executeBatch();
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
}
