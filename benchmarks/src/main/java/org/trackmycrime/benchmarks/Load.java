package org.trackmycrime.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A group of client threads, each on its own kept-alive connection, repeating one request until a
 * deadline and recording every request's latency and the kind of answer it got.
 */
final class Load {
  /** One request of one client thread; returns the kind of answer (for counting). */
  interface Step {
    String run(Http1 http) throws IOException;
  }

  /** What a group did: requests, the time it ran, latencies in ms, answers by kind. */
  record Result(long requests, double seconds, double[] latenciesMs, Map<String, Long> answers) {
    double perSecond() {
      return requests / seconds;
    }

    double percentile(int p) {
      return CadenceWorkload.percentile(latenciesMs, p);
    }
  }

  private final List<Thread> threads = new ArrayList<>();
  private final double[][] latencies;
  private final int[] counts;
  private final List<Map<String, Long>> answers = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long startNanos;
  private long endNanos;

  private Load(String name, int n, int port, IntFunction<Step> stepFor) {
    latencies = new double[n][];
    counts = new int[n];
    for (int t = 0; t < n; t++) {
      int index = t;
      Step step = stepFor.apply(t);
      Map<String, Long> seen = new HashMap<>();
      answers.add(seen);
      threads.add(
          new Thread(
              () -> {
                double[] lat = new double[4096];
                int count = 0;
                try (Http1 http = new Http1(port)) {
                  while (System.nanoTime() < endNanos) {
                    long t0 = System.nanoTime();
                    String kind = step.run(http);
                    long t1 = System.nanoTime();
                    if (count == lat.length) {
                      lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[count++] = (t1 - t0) / 1e6;
                    seen.merge(kind, 1L, Long::sum);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
                latencies[index] = lat;
                counts[index] = count;
              },
              name + "-" + t));
    }
  }

  /** Starts {@code n} threads, each running the step made for it, for {@code seconds}. */
  static Load start(String name, int n, int port, double seconds, IntFunction<Step> stepFor) {
    Load load = new Load(name, n, port, stepFor);
    load.startNanos = System.nanoTime();
    load.endNanos = load.startNanos + (long) (seconds * 1e9);
    load.threads.forEach(Thread::start);
    return load;
  }

  /** Waits for every thread; throws the first failure of any. */
  Result await() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
    long finished = System.nanoTime();
    Throwable f = failure.get();
    if (f != null) {
      throw new IllegalStateException("a load client failed: " + f, f);
    }
    int total = Arrays.stream(counts).sum();
    double[] all = new double[total];
    int at = 0;
    for (int t = 0; t < latencies.length; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Map<String, Long> merged = new HashMap<>();
    answers.forEach(m -> m.forEach((k, v) -> merged.merge(k, v, Long::sum)));
    return new Result(total, (finished - startNanos) / 1e9, all, merged);
  }

  static String expect200(Http1.Response r, String kind) {
    if (r.status() != 200) {
      throw new IllegalStateException(kind + " answered " + r.status());
    }
    return kind;
  }
}
