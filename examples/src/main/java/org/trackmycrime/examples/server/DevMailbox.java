package org.trackmycrime.examples.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;

/**
 * Demo mode only: keeps the emails and texts the dispatcher sends, in memory, for the dev mailbox
 * page, instead of delivering them. Holds the newest {@code capacity} messages.
 */
public final class DevMailbox {
  /** One captured message. */
  public record Captured(long id, Instant at, OutgoingMessage message) {}

  private final Deque<Captured> messages = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong();
  private final int capacity;
  private final Clock clock;

  public DevMailbox(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /** The newest first. */
  public synchronized List<Captured> messages() {
    List<Captured> list = new ArrayList<>(messages);
    java.util.Collections.reverse(list);
    return list;
  }

  public synchronized int size() {
    return messages.size();
  }

  private synchronized String capture(OutgoingMessage message) {
    long id = ids.incrementAndGet();
    messages.addLast(new Captured(id, clock.instant(), message));
    while (messages.size() > capacity) {
      messages.removeFirst();
    }
    return "devmail-" + id;
  }

  /** A channel of the given kind that captures into this mailbox. */
  public NotificationChannel channel(Channel kind) {
    return new NotificationChannel() {
      @Override
      public String name() {
        return "dev-mailbox-" + kind.name().toLowerCase(java.util.Locale.ROOT);
      }

      @Override
      public Channel kind() {
        return kind;
      }

      @Override
      public SendResult send(OutgoingMessage message) {
        return new SendResult.Accepted(capture(message));
      }
    };
  }
}
