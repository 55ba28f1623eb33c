package org.trackmycrime.benchmarks;

/** One benchmark workload: it measures the SDK and its baseline and adds figures to the report. */
interface Workload {
  String name();

  /** The size it runs at when none is given (the full size). */
  long defaultSize();

  void run(Options options, Databases databases, Report report) throws Exception;
}
