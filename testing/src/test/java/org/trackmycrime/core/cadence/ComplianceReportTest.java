package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.Events;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The compliance report on a generated force of thousands of crimes, fed live through the ingest
 * with the clock moved to each event, checked against figures worked out here directly from the
 * generated inputs with the rules written out plainly (no production calculator, calendar or
 * deadline class is used for the expected figures).
 */
class ComplianceReportTest {
  static final String FORCE = "gen-force";
  static final ZoneId UK = ZoneId.of("Europe/London");
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final Instant END = Instant.parse("2026-05-20T08:00:00Z");
  static final LocalDate FROM = LocalDate.parse("2026-02-01");
  static final LocalDate TO = LocalDate.parse("2026-05-31");
  static final int CRIMES = 2000;
  // England and Wales, 2026, from GOV.UK
  static final Set<LocalDate> BANK_HOLIDAYS =
      Set.of(
          LocalDate.parse("2026-01-01"),
          LocalDate.parse("2026-04-03"),
          LocalDate.parse("2026-04-06"),
          LocalDate.parse("2026-05-04"),
          LocalDate.parse("2026-05-25"),
          LocalDate.parse("2026-08-31"),
          LocalDate.parse("2026-12-25"),
          LocalDate.parse("2026-12-28"));
  static final String[] DECISIONS = {
    "SUSPECT_ARRESTED", "SUSPECT_INTERVIEWED", "SUSPECT_CHARGED", "NOT_INVESTIGATED"
  };

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2().startingAt(START);

  // ---- the generated force --------------------------------------------------------------------

  /** What the victim sees, and when it was published (events are ingested when they happen). */
  record Entry(String type, Instant occurredAt, Instant publishedAt) {}

  record GenVictim(
      String ref, boolean declined, boolean enhanced, Integer days, Instant unsuitable) {}

  record Assignment(Instant at, String officer) {}

  record GenCrime(
      String ref,
      Instant reported,
      List<GenVictim> victims,
      List<Assignment> officers,
      List<Entry> entries) {}

  /** One event to ingest with the clock at {@code at}. */
  record Timed(Instant at, String json) {}

  private final Random random = new Random(20260401L);
  private final Events ev = new Events("gen", FORCE);
  private final List<Timed> stream = new ArrayList<>();
  private int ids;

  private Instant hours(Instant from, int max) {
    return from.plus(Duration.ofHours(1 + random.nextInt(max)));
  }

  /** A time for the crime's next event, never shared with another of its events. */
  private Instant free(Set<Instant> used, Instant at) {
    Instant t = at;
    while (!used.add(t)) {
      t = t.plusSeconds(3600);
    }
    return t;
  }

  private GenCrime generate(int n) {
    String ref = "GEN/" + n;
    Set<Instant> used = new TreeSet<>();
    Instant reported = free(used, START.plus(Duration.ofHours(random.nextInt(24 * 110))));
    List<GenVictim> victims = new ArrayList<>();
    List<Assignment> officers = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int v = 1; v <= count; v++) {
      boolean declined = random.nextInt(8) == 0;
      Integer days = null;
      if (random.nextInt(5) == 0) {
        days = random.nextBoolean() ? 7 : 14;
      }
      Instant unsuitable =
          !declined && random.nextInt(8) == 0 ? free(used, hours(reported, 24 * 30)) : null;
      victims.add(new GenVictim("V" + v, declined, random.nextInt(4) == 0, days, unsuitable));
    }
    add(
        reported,
        ev.crimeRecorded(
            id(),
            ref,
            reported,
            "Burglary",
            array -> {
              for (GenVictim v : victims) {
                var node = Events.victim(array, v.ref(), "Test", "Victim");
                node.put("optedOut", v.declined()).put("enhanced", v.enhanced());
                if (v.days() != null) {
                  node.put("updateFrequencyDays", v.days());
                }
              }
            }));
    for (GenVictim v : victims) {
      if (v.unsuitable() != null) {
        add(v.unsuitable(), ev.riskAssessed(id(), ref, v.unsuitable(), v.ref(), false));
      } else if (!v.declined() && random.nextBoolean()) {
        Instant at = free(used, hours(reported, 24 * 10));
        add(at, ev.riskAssessed(id(), ref, at, v.ref(), true));
      }
    }
    if (random.nextInt(10) > 0) {
      Instant at = free(used, hours(reported, 48));
      officers.add(new Assignment(at, "O" + random.nextInt(12)));
      if (random.nextInt(5) == 0) {
        officers.add(new Assignment(free(used, hours(at, 24 * 60)), "O" + random.nextInt(12)));
      }
      for (Assignment a : officers) {
        int k = Integer.parseInt(a.officer().substring(1));
        entries.add(new Entry("OFFICER_ASSIGNED", a.at(), a.at()));
        add(a.at(), ev.officerAssigned(id(), ref, a.at(), a.officer(), "PC " + k, "U" + (k % 4)));
      }
    }
    for (int i = random.nextInt(5); i > 0; i--) {
      Instant at = free(used, hours(reported, 24 * 100));
      entries.add(new Entry("OFFICER_UPDATE", at, at));
      add(at, ev.officerUpdate(id(), ref, at, "We are still working on your case."));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      Instant told = free(used, hours(reported, 24 * 100));
      Instant happened =
          random.nextBoolean() ? told : told.minus(Duration.ofHours(random.nextInt(240)));
      if (happened.isBefore(reported)) {
        happened = reported;
      }
      String type = DECISIONS[random.nextInt(DECISIONS.length)];
      entries.add(new Entry(type, happened, told));
      Instant at = happened;
      add(
          told,
          ev.event(
              id(),
              ref,
              null,
              at,
              type,
              d -> {
                d.put("personRef", "S1");
                d.put("reason", "No lines of enquiry.");
                d.putArray("charges").add("Burglary (dwelling)");
              }));
    }
    if (random.nextInt(4) == 0) {
      Instant closed = free(used, hours(reported, 24 * 100));
      entries.add(new Entry("CASE_CLOSED", closed, closed));
      add(closed, ev.caseClosed(id(), ref, closed));
      if (random.nextInt(3) == 0) {
        Instant reopened = free(used, hours(closed, 24 * 30));
        entries.add(new Entry("CASE_REOPENED", reopened, reopened));
        add(reopened, ev.caseReopened(id(), ref, reopened));
      }
    }
    // what the records system has not sent by the end of the test never happened
    entries.removeIf(e -> e.publishedAt().isAfter(END));
    officers.removeIf(a -> a.at().isAfter(END));
    List<GenVictim> known = new ArrayList<>();
    for (GenVictim v : victims) {
      known.add(
          v.unsuitable() != null && v.unsuitable().isAfter(END)
              ? new GenVictim(v.ref(), v.declined(), v.enhanced(), v.days(), null)
              : v);
    }
    return new GenCrime(ref, reported, known, officers, entries);
  }

  private String id() {
    return "g" + (++ids);
  }

  private void add(Instant at, String json) {
    if (!at.isAfter(END)) {
      stream.add(new Timed(at, json));
    }
  }

  // ---- the rules, written out plainly
  // ------------------------------------------------------------

  static Instant endOfDay(LocalDate date) {
    return date.atTime(LocalTime.of(23, 59, 59)).atZone(UK).toInstant();
  }

  static LocalDate local(Instant at) {
    return LocalDate.ofInstant(at, UK);
  }

  static boolean working(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY
        && d.getDayOfWeek() != DayOfWeek.SUNDAY
        && !BANK_HOLIDAYS.contains(d);
  }

  static LocalDate plusWorkingDays(LocalDate day0, int n) {
    LocalDate d = day0;
    for (int counted = 0; counted < n; ) {
      d = d.plusDays(1);
      if (working(d)) {
        counted++;
      }
    }
    return d;
  }

  /** An obligation as the report counts it. */
  record Owed(String type, Instant due, String status, Instant met) {}

  /** Everything one victim was owed, as of the end of the test. */
  static List<Owed> owed(GenCrime c, GenVictim v) {
    List<Owed> out = new ArrayList<>();
    if (v.declined()) {
      return out;
    }
    Instant asOf = v.unsuitable() == null ? END : v.unsuitable();
    TreeSet<Instant> updates = new TreeSet<>();
    List<Instant[]> periods = new ArrayList<>(); // {start, end or null}
    Instant start = c.reported();
    boolean open = true;
    List<Entry> byTime = new ArrayList<>(c.entries());
    byTime.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    for (Entry e : byTime) {
      if (!e.publishedAt().isAfter(asOf)) {
        updates.add(e.publishedAt());
      }
      if (e.occurredAt().isAfter(asOf)) {
        continue;
      }
      if (open && e.type().equals("CASE_CLOSED")) {
        periods.add(new Instant[] {start, e.occurredAt()});
        open = false;
      } else if (!open && e.type().equals("CASE_REOPENED")) {
        start = e.occurredAt();
        open = true;
      }
    }
    if (open) {
      periods.add(new Instant[] {start, null});
    }
    int days = v.days() != null && v.days() < 28 ? v.days() : 28;
    for (Instant[] p : periods) {
      Instant from = p[0];
      for (Instant u : updates) {
        if (u.isBefore(p[0]) || (p[1] != null && u.isAfter(p[1]))) {
          continue;
        }
        Instant due = endOfDay(local(from).plusDays(days));
        out.add(new Owed("REGULAR_UPDATE", due, u.isAfter(due) ? "MET_LATE" : "MET_ON_TIME", u));
        from = u;
      }
      Instant due = endOfDay(local(from).plusDays(days));
      Instant until = p[1] != null ? p[1] : asOf;
      boolean passed = !until.isBefore(due.plusSeconds(1));
      String status =
          p[1] != null ? (passed ? "MISSED" : "ENDED") : (passed ? "OVERDUE" : "PENDING");
      out.add(new Owed("REGULAR_UPDATE", due, status, null));
    }
    for (Entry e : c.entries()) {
      if (!Arrays.asList(DECISIONS).contains(e.type()) || e.occurredAt().isAfter(asOf)) {
        continue;
      }
      Instant due = endOfDay(plusWorkingDays(local(e.occurredAt()), v.enhanced() ? 1 : 5));
      boolean told = !e.publishedAt().isAfter(asOf);
      String status =
          told
              ? (e.publishedAt().isAfter(due) ? "MET_LATE" : "MET_ON_TIME")
              : (!asOf.isBefore(due.plusSeconds(1)) ? "OVERDUE" : "PENDING");
      out.add(new Owed(e.type(), due, status, told ? e.publishedAt() : null));
    }
    if (v.unsuitable() != null) {
      // no longer owed: as if the crime had closed when the assessment was made
      out.replaceAll(
          o ->
              switch (o.status()) {
                case "PENDING" -> new Owed(o.type(), o.due(), "ENDED", null);
                case "OVERDUE" -> new Owed(o.type(), o.due(), "MISSED", null);
                default -> o;
              });
    }
    return out;
  }

  /**
   * Expected rows, keyed "SCOPE|ref|type", as "due met late holding missed overdue pending median".
   */
  Map<String, String> expected(List<GenCrime> crimes) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<Long>> lateness = new HashMap<>();
    for (GenCrime c : crimes) {
      String officer =
          c.officers().stream()
              .max((a, b) -> a.at().compareTo(b.at()))
              .map(Assignment::officer)
              .orElse(null);
      String unit = officer == null ? null : "U" + (Integer.parseInt(officer.substring(1)) % 4);
      for (GenVictim v : c.victims()) {
        for (Owed o : owed(c, v)) {
          LocalDate dueDate = local(o.due());
          if (o.status().equals("ENDED") || dueDate.isBefore(FROM) || dueDate.isAfter(TO)) {
            continue;
          }
          for (String key :
              List.of(
                  "FORCE|" + FORCE + "|" + o.type(),
                  "UNIT|" + unit + "|" + o.type(),
                  "OFFICER|" + officer + "|" + o.type())) {
            int[] n = counts.computeIfAbsent(key, k -> new int[7]);
            n[0]++;
            switch (o.status()) {
              case "MET_ON_TIME" -> n[1]++;
              case "MET_LATE" -> {
                n[2]++;
                lateness
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(Duration.between(o.due(), o.met()).getSeconds());
              }
              case "MISSED" -> n[4]++;
              case "OVERDUE" -> n[5]++;
              case "PENDING" -> n[6]++;
              default -> throw new IllegalStateException(o.status());
            }
          }
        }
      }
    }
    Map<String, String> rows = new TreeMap<>();
    counts.forEach(
        (key, n) -> {
          List<Long> late = new ArrayList<>(lateness.getOrDefault(key, List.of()));
          late.sort(null);
          String median = "-";
          if (!late.isEmpty()) {
            int m = late.size();
            long millis =
                m % 2 == 1 ? late.get(m / 2) * 1000 : (late.get(m / 2 - 1) + late.get(m / 2)) * 500;
            median = Duration.ofMillis(millis).toString();
          }
          rows.put(
              key,
              n[0] + " " + n[1] + " " + n[2] + " " + n[3] + " " + n[4] + " " + n[5] + " " + n[6]
                  + " " + median);
        });
    return rows;
  }

  static Map<String, String> actual(ComplianceReport report) {
    Map<String, String> rows = new TreeMap<>();
    for (ComplianceRow r : report.rows()) {
      rows.put(
          r.scope() + "|" + r.scopeRef() + "|" + r.type(),
          r.due()
              + " "
              + r.metOnTime()
              + " "
              + r.metLate()
              + " "
              + r.holding()
              + " "
              + r.missed()
              + " "
              + r.overdue()
              + " "
              + r.pending()
              + " "
              + (r.medianLateness() == null ? "-" : r.medianLateness().toString()));
    }
    return rows;
  }

  @Test
  void theReportAgreesWithFiguresWorkedOutDirectlyFromTheGeneratedCrimes() {
    List<GenCrime> crimes = new ArrayList<>();
    for (int n = 0; n < CRIMES; n++) {
      crimes.add(generate(n));
    }
    TrackMyCrime tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Generated Police", ForceSettings.defaults()));
    stream.sort((a, b) -> a.at().compareTo(b.at()));
    // one batch per instant, the clock at that instant; all in one transaction only to keep the
    // test quick (the database keeps its parsed statements within a connection)
    tmc.inTransaction(
        () -> {
          for (int i = 0; i < stream.size(); ) {
            Instant at = stream.get(i).at();
            List<RawEvent> batch = new ArrayList<>();
            for (; i < stream.size() && stream.get(i).at().equals(at); i++) {
              batch.add(new RawEvent(stream.get(i).json(), "gen"));
            }
            db.clock().set(at);
            assertThat(tmc.ingest().ingestAll(batch)).allMatch(IngestOutcome::accepted);
          }
          return null;
        });
    db.clock().set(END);

    ComplianceReport report = tmc.cadence().compliance(FORCE, FROM, TO);
    Map<String, String> expected = expected(crimes);
    assertThat(actual(report)).isEqualTo(expected);

    ComplianceRow regular =
        report.row(ComplianceRow.Scope.FORCE, FORCE, "REGULAR_UPDATE").orElseThrow();
    assertThat(regular.due()).as("a force of thousands").isGreaterThan(3000);
    assertThat(List.of(regular.metOnTime(), regular.metLate(), regular.missed()))
        .as("the generator exercises every outcome")
        .allMatch(n -> n > 10);
    assertThat(regular.overdue() + regular.pending()).isGreaterThan(10);
    assertThat(report.rows(ComplianceRow.Scope.UNIT))
        .extracting(ComplianceRow::scopeRef)
        .contains("U0", "U1", "U2", "U3", null);
    assertThat(report.rows(ComplianceRow.Scope.FORCE))
        .extracting(ComplianceRow::type)
        .containsExactly(
            "REGULAR_UPDATE",
            "SUSPECT_ARRESTED",
            "SUSPECT_INTERVIEWED",
            "SUSPECT_CHARGED",
            "NOT_INVESTIGATED");
    assertThat(report.rows(ComplianceRow.Scope.FORCE))
        .filteredOn(r -> r.decision() != null)
        .allMatch(r -> r.metLate() > 0 && r.medianLateness() != null);
    assertThat(report.toCsv().split("\r\n")).hasSize(report.rows().size() + 1);
  }
}
