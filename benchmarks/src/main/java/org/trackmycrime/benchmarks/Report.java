package org.trackmycrime.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table of a benchmark run, with the machine it ran on. */
final class Report {
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String command;

  Report(String command) {
    this.command = command;
  }

  synchronized void add(Figure f) {
    figures.add(f);
  }

  synchronized void note(String text) {
    notes.add(text);
  }

  synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  synchronized String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# TrackMyCrime benchmarks\n\n");
    b.append("- when: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
    b.append("- command: `").append(command).append("`\n");
    b.append("- machine: ").append(Machine.describe()).append('\n');
    b.append("- JDK: ")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append(", max heap ")
        .append(HeapWatch.maxHeapBytes() / (1024 * 1024))
        .append(" MB, JVM flags: ")
        .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
        .append('\n');
    b.append("- each figure: median (min–max) over the runs; ratio: SDK median over baseline")
        .append(" median for rates, baseline over SDK for times (above 1: the SDK did better)\n\n");
    b.append(
        "| workload | database | figure | SDK | baseline | ratio | target | met |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      b.append("| ")
          .append(f.workload())
          .append(" | ")
          .append(f.database())
          .append(" | ")
          .append(f.metric())
          .append(" (")
          .append(f.unit())
          .append(") | ")
          .append(spread(f.sdk()))
          .append(" | ")
          .append(f.baseline() == null ? "—" : spread(f.baseline()))
          .append(" | ")
          .append(Double.isNaN(f.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f", f.ratio()))
          .append(" | ")
          .append(f.target() == null ? "—" : f.target())
          .append(" | ")
          .append(f.met() == null ? "—" : f.met() ? "met" : "**not met**")
          .append(" |\n");
    }
    List<String> all = new ArrayList<>(notes);
    for (Figure f : figures) {
      if (f.note() != null) {
        all.add(f.workload() + " (" + f.database() + "): " + f.note());
      }
    }
    if (!all.isEmpty()) {
      b.append("\nNotes:\n\n");
      all.forEach(n -> b.append("- ").append(n).append('\n'));
    }
    return b.toString();
  }

  static String spread(double[] values) {
    if (values.length == 1) {
      return number(values[0]);
    }
    return number(Figure.median(values))
        + " ("
        + number(Figure.min(values))
        + "–"
        + number(Figure.max(values))
        + ")";
  }

  static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  Path write(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      Files.writeString(file, markdown(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
