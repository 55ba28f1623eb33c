package org.trackmycrime.benchmarks.jmh;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.trackmycrime.core.cadence.CadenceReport;
import org.trackmycrime.core.cadence.CaseHistory;
import org.trackmycrime.core.cadence.KeyDecision;
import org.trackmycrime.core.cadence.ObligationCalculator;
import org.trackmycrime.core.cadence.StatusChange;
import org.trackmycrime.core.cadence.VictimTerms;
import org.trackmycrime.core.cadence.WorkingCalendar;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.Depersonaliser;
import org.trackmycrime.core.text.PersonNames;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.template.MessageTemplates;
import org.trackmycrime.notifications.template.RenderedMessage;

/** The small hot paths every event or message goes through, measured by JMH. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPaths {
  static final String TEXT =
      "We spoke to Jordan Blake and to J. Blake's neighbour on 07700 900123 and at"
          + " jordan.blake@example.org; the car AB12 CDE was seen near BS7 8AA. CCTV is being"
          + " reviewed and we will update you within 28 days.";
  static final List<PersonNames> PEOPLE =
      List.of(PersonNames.suspect("Jordan Blake", "J. Blake"), PersonNames.witness("Casey Nowak"));

  final Depersonaliser depersonaliser = Depersonaliser.create();
  final ObligationCalculator calculator = ObligationCalculator.forForce(ForceSettings.defaults());
  final WorkingCalendar calendar = WorkingCalendar.forForce(ForceSettings.defaults());
  final Instant reported = Instant.parse("2025-01-06T10:00:00Z");
  final CaseHistory history =
      new CaseHistory(
          reported,
          List.of(StatusChange.closed(Instant.parse("2025-11-03T10:00:00Z"))),
          List.of(
              Instant.parse("2025-02-01T10:00:00Z"),
              Instant.parse("2025-03-10T10:00:00Z"),
              Instant.parse("2025-06-01T10:00:00Z")),
          List.of(
              new KeyDecision(
                  TimelineKind.SUSPECT_ARRESTED,
                  Instant.parse("2025-02-10T07:45:00Z"),
                  "suspect arrested",
                  Instant.parse("2025-02-11T10:00:00Z")),
              new KeyDecision(
                  TimelineKind.SUSPECT_CHARGED,
                  Instant.parse("2025-05-02T16:00:00Z"),
                  "suspect charged",
                  null)));
  final Instant asOf = Instant.parse("2025-12-01T09:00:00Z");
  final MessageTemplates templates = MessageTemplates.defaults();
  final Map<String, String> values =
      Map.of(
          "portalUrl", "https://victims.example.org",
          "crimeRef", "43/987654/26",
          "victimName", "Alex Morgan",
          "offence", "Burglary",
          "officerName", "PC Patel");

  @Benchmark
  public Depersonalised depersonalise() {
    return depersonaliser.depersonalise(TEXT, PEOPLE);
  }

  @Benchmark
  public CadenceReport obligationsOfAYear() {
    return calculator.calculate(history, VictimTerms.standard(), asOf);
  }

  @Benchmark
  public LocalDate tenWorkingDays() {
    return calendar.plusWorkingDays(LocalDate.of(2025, 12, 19), 10);
  }

  @Benchmark
  public RenderedMessage renderUpdateAlert() {
    return templates.render(MessageKind.VICTIM_UPDATE, Language.CY, values);
  }
}
