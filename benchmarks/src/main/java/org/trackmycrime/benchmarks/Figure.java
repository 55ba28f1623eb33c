package org.trackmycrime.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * One measured figure of a workload: its values over the runs, the baseline's over the same runs
 * (when there is one), and the target it is judged by.
 *
 * @param ratioOfBaseline how the ratio reads: SDK over baseline for rates, baseline over SDK for
 *     times (so above 1 is always "the SDK did better")
 * @param met whether the target was met; null when the figure has no target
 */
record Figure(
    String workload,
    String database,
    String metric,
    String unit,
    double[] sdk,
    double[] baseline,
    boolean higherIsBetter,
    String target,
    Boolean met,
    String note) {

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  static double[] of(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  double sdkMedian() {
    return median(sdk);
  }

  /** SDK over baseline for rates, baseline over SDK for times; NaN without a baseline. */
  double ratio() {
    if (baseline == null || baseline.length == 0) {
      return Double.NaN;
    }
    double s = median(sdk);
    double b = median(baseline);
    return higherIsBetter ? s / b : b / s;
  }
}
