package org.trackmycrime.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.trackmycrime.benchmarks.jmh.HotPaths;

/**
 * The JMH benchmarks of {@link HotPaths}: one fork, short warm-up and measurement iterations (the
 * size option is the number of measurement iterations, the runs option the number of forks).
 */
final class JmhWorkload implements Workload {
  @Override
  public String name() {
    return "jmh";
  }

  @Override
  public long defaultSize() {
    return 5;
  }

  @Override
  public void run(org.trackmycrime.benchmarks.Options o, Databases databases, Report report)
      throws Exception {
    Options jmh =
        new OptionsBuilder()
            .include(HotPaths.class.getName() + "\\.")
            .forks(o.runs())
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations((int) o.sizeOr(defaultSize()))
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend("-Xmx256m")
            .build();
    Collection<RunResult> results = new Runner(jmh).run();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      double[] perIteration =
          r.getBenchmarkResults().stream()
              .flatMap(b -> b.getIterationResults().stream())
              .mapToDouble(i -> i.getPrimaryResult().getScore())
              .toArray();
      report.add(
          new Figure(
              "jmh HotPaths." + method,
              "—",
              "throughput",
              "ops/s",
              perIteration,
              null,
              true,
              null,
              null,
              null));
    }
  }
}
