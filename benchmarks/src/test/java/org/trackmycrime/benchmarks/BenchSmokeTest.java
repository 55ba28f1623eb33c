package org.trackmycrime.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny sizes only: the harness works and its table says what it must. */
class BenchSmokeTest {
  @TempDir Path dir;

  @Test
  void theGeneratorIsDeterministicAndCoversEveryType() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    long events = EventStreamGenerator.write(7, 3_000, a);
    EventStreamGenerator.write(7, 3_000, b);

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    List<String> lines = Files.readAllLines(a);
    assertThat(lines).hasSize((int) events);
    Matcher type = Pattern.compile("\"type\":\"([A-Z_]+)\"").matcher(String.join("\n", lines));
    Set<String> types = new java.util.HashSet<>();
    while (type.find()) {
      types.add(type.group(1));
    }
    assertThat(types).hasSize(17);
    long crimes = lines.stream().filter(l -> l.contains("\"CRIME_RECORDED\"")).count();
    assertThat(events / (double) crimes).isBetween(9.0, 11.0);
  }

  @Test
  void anIngestRunWritesATableWithTheBaselineAndTheTarget() throws Exception {
    Options o =
        Bench.parse(
            new String[] {
              "--workload",
              "ingest",
              "--size",
              "60",
              "--runs",
              "1",
              "--db",
              "h2",
              "--out",
              dir.toString()
            });
    Report report = Bench.run(o, "smoke");
    Path file = report.write(o.out(), Bench.fileName(o));

    String table = Files.readString(file);
    assertThat(file.getFileName().toString()).endsWith("-ingest-size-60-runs-1.md");
    assertThat(table).contains("- machine: ").contains("- JDK: ");
    assertThat(table)
        .containsPattern(
            "\\| ingest [0-9]+ events \\| H2 2.x file \\| throughput \\(events/s\\)"
                + " \\| [0-9.,]+ \\| [0-9.,]+ \\| [0-9.]+ \\| ≥ 10,000/s and ratio ≥ 0.5 \\| ");
    assertThat(table).contains("peak heap in use (MB)").contains("≤ 512 MB");
    Figure rate = report.figures().get(0);
    assertThat(Figure.min(rate.sdk())).isPositive();
    assertThat(Figure.min(rate.baseline())).isPositive();
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> Bench.parse(new String[] {"--workload", "nope"}))
        .hasMessageContaining("--workload");
    assertThatThrownBy(() -> Bench.parse(new String[] {"all", "--runs", "0"}))
        .hasMessageContaining("--runs");
    assertThatThrownBy(() -> Bench.parse(new String[] {"all", "--db", "oracle"}))
        .hasMessageContaining("--db");
  }

  @Test
  void spreadsAndRatiosReadBothWays() {
    double[] sdk = {10, 30, 20};
    Figure rate = new Figure("w", "d", "m", "u", sdk, new double[] {40}, true, null, null, null);
    Figure time = new Figure("w", "d", "m", "u", sdk, new double[] {40}, false, null, null, null);

    assertThat(Report.spread(sdk)).isEqualTo("20.0 (10.0–30.0)");
    assertThat(rate.ratio()).isEqualTo(0.5);
    assertThat(time.ratio()).isEqualTo(2.0);
    assertThat(Figure.median(new double[] {1, 2, 3, 4})).isEqualTo(2.5);
  }
}
