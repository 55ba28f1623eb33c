package org.trackmycrime.benchmarks;

final class SmsWorkload implements Workload {
  @Override
  public String name() {
    return "sms";
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
