package org.trackmycrime.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run measured: CPU model and core count from /proc/cpuinfo, and the OS. */
final class Machine {
  private Machine() {}

  static String describe() {
    String model = "unknown CPU";
    long processors = 0;
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("model name") && model.equals("unknown CPU")) {
          model = line.substring(line.indexOf(':') + 1).strip();
        }
        if (line.startsWith("processor")) {
          processors++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back on what the JVM says
    }
    return String.format(
        "%s, %d processors in /proc/cpuinfo, %d available to the JVM, %s %s",
        model,
        processors,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }
}
