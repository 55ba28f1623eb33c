package org.trackmycrime.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.testing.TmcDatabase;

/**
 * Real published data: City of London Police, February 2023 street-level crimes and the outcomes
 * recorded February to June 2023 (data.police.uk, Open Government Licence v3.0), turned into record
 * events and bulk loaded.
 */
class PoliceUkDataTest {
  static final String FORCE = "city-of-london";

  @RegisterExtension
  final TmcDatabase db = TmcDatabase.h2().startingAt(Instant.parse("2023-07-01T09:00:00Z"));

  /** One CSV line into fields; the files quote no field but may hold empty ones. */
  private static String[] fields(String line) {
    return line.split(",", -1);
  }

  @Test
  void everyCrimeWithAnIdExistsWithItsLatestOutcomeExplained() {
    Events ev = new Events("police-uk", FORCE);
    List<String> events = new ArrayList<>();
    Map<String, String> latestOutcome = new LinkedHashMap<>();
    Map<String, String> category = new HashMap<>();
    List<String> street = Streams.lines("/police-uk/2023-02-city-of-london-street.csv");
    int row = 0;
    int withoutId = 0;
    Instant recorded = YearMonth.of(2023, 2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (String line : street.subList(1, street.size())) {
      String[] f = fields(line);
      String id = f[0];
      Instant at = recorded.plusSeconds(60L * row++);
      withoutId += id.isEmpty() ? 1 : 0;
      events.add(
          ev.crimeRecorded(
              "street-" + row,
              id,
              at,
              f[9],
              v -> Events.victim(v, "V1", "Test", "Victim").put("email", "victim@example.org")));
      category.put(id, f[9]);
      if (!id.isEmpty() && !f[10].isEmpty()) {
        Instant asAt = YearMonth.of(2023, 2).atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC);
        events.add(outcome(ev, "street-outcome-" + row, id, asAt, f[10]));
        latestOutcome.put(id, f[10]);
      }
    }
    int parkedOutcomes = 0;
    for (int month = 2; month <= 6; month++) {
      List<String> lines =
          Streams.lines("/police-uk/2023-0" + month + "-city-of-london-outcomes.csv");
      Instant monthEnd =
          YearMonth.of(2023, month).atEndOfMonth().atTime(18, 0).toInstant(ZoneOffset.UTC);
      for (int i = 1; i < lines.size(); i++) {
        String[] f = fields(lines.get(i));
        events.add(outcome(ev, "outcome-" + month + "-" + i, f[0], monthEnd.plusSeconds(i), f[9]));
        if (category.containsKey(f[0])) {
          latestOutcome.put(f[0], f[9]);
        } else {
          parkedOutcomes++;
        }
      }
    }

    TrackMyCrime tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "City of London Police", ForceSettings.defaults()));
    BulkReport report =
        tmc.ingest()
            .bulkLoad(
                new java.io.BufferedReader(new java.io.StringReader(String.join("\n", events))),
                BulkOptions.of("police-uk").withChunkSize(500));

    assertThat(withoutId).as("anti-social behaviour rows").isEqualTo(88);
    assertThat(report.rejected()).isEqualTo(withoutId);
    assertThat(report.parked()).isEqualTo(parkedOutcomes);
    assertThat(tmc.ingest().rejected().list(FORCE, RejectedEvent.Status.OPEN, 0, 1000))
        .hasSize(withoutId)
        .allSatisfy(
            r ->
                assertThat(r.problems())
                    .containsExactly(
                        new Problem("crimeReference", "is required and must not be empty")));

    int crimes = category.size() - (category.containsKey("") ? 1 : 0);
    assertThat(tmc.crimes().list(FORCE, 0, 10_000)).hasSize(crimes);
    for (Map.Entry<String, String> e : latestOutcome.entrySet()) {
      Crime c = tmc.crimes().find(FORCE, e.getKey()).orElseThrow();
      assertThat(c.outcome()).as("latest outcome of %s", e.getKey()).isEqualTo(e.getValue());
      assertThat(c.offenceCategory()).isEqualTo(category.get(e.getKey()));
      TimelineEntry last =
          tmc.timeline().list(FORCE, e.getKey()).stream()
              .filter(t -> t.kind() == TimelineKind.OUTCOME)
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(last.text().en())
          .as("the outcome is explained, not only named")
          .hasSizeGreaterThan(e.getValue().length() + 20);
      assertThat(last.text().cy()).isNotEqualTo(last.text().en());
    }
  }

  private static String outcome(Events ev, String id, String crimeRef, Instant at, String label) {
    return ev.event(
        id,
        crimeRef,
        null,
        at,
        "OUTCOME_RECORDED",
        d -> d.put("outcome", label).put("finalised", false));
  }
}
