package org.trackmycrime.testing.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.records.Batch;
import org.trackmycrime.records.PullConnector;

/**
 * A records system held in memory (a list of lines) and a "durable" checkpoint that survives
 * connectors, for testing the kit itself. Its connector can be made to break the contract in the
 * ways the kit must catch.
 */
final class MemoryFeed {
  /** Ways a connector can get the contract wrong. */
  enum Flaw {
    NONE,
    /** Stores the checkpoint when it hands out a batch, before the commit. */
    CHECKPOINTS_ON_POLL,
    /** Keeps its checkpoint in memory only, so a restart starts from the beginning. */
    FORGETS_ON_RESTART,
    /** Drops lines that are not JSON objects instead of delivering them. */
    DROPS_MALFORMED
  }

  final List<String> lines = new ArrayList<>();
  final AtomicInteger durableCheckpoint = new AtomicInteger();

  synchronized void publish(List<KitEvent> events) {
    events.forEach(e -> lines.add(e.json()));
  }

  Connector connector(int batchSize, Flaw flaw) {
    return new Connector(batchSize, flaw);
  }

  final class Connector implements PullConnector<Integer> {
    private final int batchSize;
    private final Flaw flaw;
    private int memoryCheckpoint;

    private Connector(int batchSize, Flaw flaw) {
      this.batchSize = batchSize;
      this.flaw = flaw;
    }

    @Override
    public String name() {
      return "memory";
    }

    private int checkpoint() {
      return flaw == Flaw.FORGETS_ON_RESTART ? memoryCheckpoint : durableCheckpoint.get();
    }

    @Override
    public Optional<Batch<Integer>> poll() {
      synchronized (MemoryFeed.this) {
        int from = checkpoint();
        if (from >= lines.size()) {
          return Optional.empty();
        }
        int to = Math.min(lines.size(), from + batchSize);
        List<RawEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
          String line = lines.get(i);
          if (flaw == Flaw.DROPS_MALFORMED && !line.endsWith("}")) {
            continue;
          }
          events.add(new RawEvent(line, "memory:" + (i + 1)));
        }
        if (flaw == Flaw.CHECKPOINTS_ON_POLL) {
          durableCheckpoint.set(to);
        }
        return Optional.of(new Batch<>(events, to));
      }
    }

    @Override
    public void acknowledge(Integer checkpoint, List<IngestOutcome> outcomes) {
      if (flaw == Flaw.FORGETS_ON_RESTART) {
        memoryCheckpoint = checkpoint;
      } else {
        durableCheckpoint.set(checkpoint);
      }
    }
  }
}
