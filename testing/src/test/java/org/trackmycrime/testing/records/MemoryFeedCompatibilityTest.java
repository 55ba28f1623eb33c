package org.trackmycrime.testing.records;

import java.util.List;
import org.trackmycrime.records.PullConnector;

/** A correct in-memory connector passes the whole kit. */
class MemoryFeedCompatibilityTest extends PullConnectorCompatibilityKit {
  private final MemoryFeed feed = new MemoryFeed();

  @Override
  protected void publish(List<KitEvent> events) {
    feed.publish(events);
  }

  @Override
  protected PullConnector<?> connect() {
    return feed.connector(batchSize(), MemoryFeed.Flaw.NONE);
  }
}
