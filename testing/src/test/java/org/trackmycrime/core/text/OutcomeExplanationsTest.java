package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trackmycrime.core.model.LocalizedText;

class OutcomeExplanationsTest {
  private static final List<String> OUTCOME_COLUMNS =
      List.of("Last outcome category", "Outcome type");

  @Test
  void everyOutcomeLabelInThePublishedDataIsExplained() throws Exception {
    List<Path> directories = dataDirectories();
    Set<String> labels = new TreeSet<>();
    for (Path directory : directories) {
      try (Stream<Path> files = Files.list(directory)) {
        files.filter(f -> f.toString().endsWith(".csv")).forEach(f -> labels.addAll(labelsIn(f)));
      }
    }
    assertThat(labels).as("labels read from %s", directories).hasSizeGreaterThanOrEqualTo(12);
    assertThat(labels)
        .as("labels without an explanation")
        .filteredOn(label -> OutcomeExplanations.explain(label).isEmpty())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Investigation complete; no suspect identified",
        "Unable to prosecute suspect",
        "Offender given a caution",
        "Suspect charged",
        "Offender given suspended prison sentence",
        "Local resolution",
        "Formal action is not in the public interest",
        "Further investigation is not in the public interest",
        "Action to be taken by another organisation",
        "Court result unavailable",
        "Under investigation",
        "Status update unavailable",
        "Awaiting court outcome",
        "Offender sent to prison",
        "Offender fined",
        "Offender given community sentence",
        "Offender given conditional discharge",
        "Offender given absolute discharge",
        "Offender given penalty notice",
        "Offender deprived of property",
        "Offender ordered to pay compensation",
        "Offender otherwise dealt with",
        "Defendant found not guilty",
        "Court case unable to proceed",
        "Defendant sent to Crown Court",
        "Suspect charged as part of another case",
        "Offender given a drugs possession warning"
      })
  void everyDataPoliceUkOutcomeCategoryIsExplainedInEnglishAndWelsh(String label) {
    LocalizedText explanation = OutcomeExplanations.explain(label).orElseThrow();
    LocalizedText name = OutcomeExplanations.label(label).orElseThrow();
    assertThat(explanation.en()).hasSizeGreaterThan(40);
    assertThat(explanation.cy()).as("Welsh present").isNotBlank().isNotEqualTo(explanation.en());
    assertThat(name.en()).isEqualTo(label);
    assertThat(name.cy()).as("Welsh name present").isNotBlank().isNotEqualTo(name.en());
    assertThat(OutcomeExplanations.knownLabels()).contains(label);
  }

  @Test
  void noSuspectIdentifiedSaysTheCaseCanBeReopened() {
    LocalizedText text =
        OutcomeExplanations.explain("Investigation complete; no suspect identified").orElseThrow();
    assertThat(text.en())
        .contains("finished")
        .contains("not been able to find out who did it")
        .contains("reopened if new information comes to light");
    assertThat(text.cy()).contains("ailagor");
  }

  @Test
  void matchingIgnoresCaseAndSpacing() {
    assertThat(OutcomeExplanations.explain("  unable TO prosecute   suspect \n"))
        .isEqualTo(OutcomeExplanations.explain("Unable to prosecute suspect"))
        .isPresent();
  }

  @Test
  void unknownWordingIsEmptySoTheCallerShowsItAsGiven() {
    assertThat(OutcomeExplanations.explain("Referred to the force's own panel")).isEmpty();
    assertThat(OutcomeExplanations.label("Referred to the force's own panel")).isEmpty();
    assertThat(OutcomeExplanations.explain(null)).isEmpty();
    assertThat(OutcomeExplanations.explain("")).isEmpty();
    assertThat(OutcomeExplanations.explain("x".repeat(10_000))).isEmpty();
  }

  @Test
  void olderWordingsFindTheSameExplanation() {
    assertThat(OutcomeExplanations.explain("Offender given a penalty notice"))
        .isEqualTo(OutcomeExplanations.explain("Offender given penalty notice"));
    assertThat(OutcomeExplanations.label("Offender given a penalty notice").orElseThrow().en())
        .isEqualTo("Offender given penalty notice");
  }

  @Test
  void explanationsAreDistinct() {
    Set<String> english = new TreeSet<>();
    Set<String> welsh = new TreeSet<>();
    for (String label : OutcomeExplanations.knownLabels()) {
      LocalizedText text = OutcomeExplanations.explain(label).orElseThrow();
      english.add(text.en());
      welsh.add(text.cy());
    }
    assertThat(english).hasSameSizeAs(OutcomeExplanations.knownLabels());
    assertThat(welsh).hasSameSizeAs(OutcomeExplanations.knownLabels());
  }

  /**
   * The copy under test resources (present on every clone), and the shared data folder when this
   * checkout sits beside one (or {@code -Dtmc.policeUkData=…}).
   */
  private static List<Path> dataDirectories() throws URISyntaxException {
    List<Path> directories = new ArrayList<>();
    URL copy = OutcomeExplanationsTest.class.getResource("/police-uk");
    assertThat(copy).as("test resources police-uk").isNotNull();
    directories.add(Paths.get(copy.toURI()));
    String configured = System.getProperty("tmc.policeUkData");
    if (configured != null) {
      directories.add(Paths.get(configured));
    } else {
      for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
        Path shared = p.resolve("shared/data/police-uk");
        if (Files.isDirectory(shared)) {
          directories.add(shared);
          break;
        }
      }
    }
    return directories;
  }

  private static Set<String> labelsIn(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      List<String> header = parseCsvLine(lines.get(0).replace("\ufeff", ""));
      List<Integer> columns = new ArrayList<>();
      for (String column : OUTCOME_COLUMNS) {
        if (header.contains(column)) {
          columns.add(header.indexOf(column));
        }
      }
      Set<String> labels = new TreeSet<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = parseCsvLine(line);
        for (int column : columns) {
          if (column < fields.size() && !fields.get(column).isBlank()) {
            labels.add(fields.get(column));
          }
        }
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One CSV line: commas separate fields, double quotes wrap fields that hold commas. */
  private static List<String> parseCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
