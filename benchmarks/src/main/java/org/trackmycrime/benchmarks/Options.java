package org.trackmycrime.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run was asked for.
 *
 * @param size the workload's size (events, open crimes or messages); 0: the workload's default
 * @param runs measured runs per figure (their median and spread are reported)
 */
record Options(
    String workload, long size, int runs, List<Databases.Kind> databases, long seed, Path out) {

  long sizeOr(long fallback) {
    return size > 0 ? size : fallback;
  }
}
