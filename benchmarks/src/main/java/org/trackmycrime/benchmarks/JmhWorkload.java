package org.trackmycrime.benchmarks;

final class JmhWorkload implements Workload {
  @Override
  public String name() {
    return "jmh";
  }

  @Override
  public long defaultSize() {
    return 100_000;
  }

  @Override
  public void run(Options o, Databases databases, Report report) {
    throw new UnsupportedOperationException("not yet");
  }
}
