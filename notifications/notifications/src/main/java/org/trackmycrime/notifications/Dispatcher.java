package org.trackmycrime.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.internal.DispatchEngine;
import org.trackmycrime.notifications.internal.DispatchStore;
import org.trackmycrime.notifications.internal.Params;
import org.trackmycrime.notifications.internal.SafeLog;

/**
 * Delivers the outbox: every alert and staff message the SDK queued in the same transaction as the
 * change that caused it, on the channels the host provides.
 *
 * <pre>{@code
 * Dispatcher dispatcher = Dispatcher.builder()
 *     .trackMyCrime(tmc)
 *     .channel(smtp)                      // one channel per kind: email, text
 *     .channel(twilio)
 *     .config(DispatchConfig.builder()
 *         .defaultMessaging(ForceMessaging.builder("https://victims.example.org").build())
 *         .build())
 *     .listener(metrics)                  // optional, any number
 *     .build();
 * dispatcher.start();                     // worker threads; stop() finishes what they claimed
 * }</pre>
 *
 * <ul>
 *   <li><b>Exactly one sender per row.</b> Any number of dispatchers (threads, nodes) can share one
 *       database: a row is claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease; a
 *       node that dies mid-send loses nothing, as its rows are claimed again when the lease
 *       expires. The one window for a duplicate (the provider accepted, the node died before
 *       recording it) is covered by the row's idempotency key, passed to the channel.
 *   <li><b>Failures.</b> Transient failures retry with capped exponential backoff and jitter,
 *       honouring Retry-After; after {@link DispatchConfig#maxAttempts()} passes the row is
 *       dead-lettered ({@link #deadLetters}, {@link #retryDeadLetter}). A permanent failure marks
 *       the victim's channel unreachable, falls back to their other channel, and tells the Command
 *       Hub.
 *   <li><b>Victims.</b> Checked again when sent: the alert policy (enrolment, risk, opt-out) and
 *       the stop-contact switch ({@link #stopContact}). Update alerts for one victim and crime are
 *       coalesced; texts wait for the end of quiet hours (the victim's own, when they chose them in
 *       the portal), emails do not. Alerts go on the channels the victim chose, and a message
 *       queued for one channel ({@link QueuedMessage#forVictimOn}) on that one only.
 * </ul>
 *
 * <p>Thread-safe. Channels are the host's: the dispatcher does not close them.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final TrackMyCrime tmc;
  private final Clock clock;
  private final DispatchConfig config;
  private final DispatchEngine engine;
  private final DispatchStore store;
  private final Object lifecycle = new Object();
  private final Object idle = new Object();
  private volatile boolean running;
  private List<Thread> workers = List.of();

  private Dispatcher(Builder b, Map<Channel, NotificationChannel> channels) {
    this.tmc = b.tmc;
    this.clock = tmc.clock();
    this.config = b.config;
    this.engine =
        new DispatchEngine(
            tmc,
            channels,
            config,
            b.listeners,
            b.random,
            "dispatcher-" + UUID.randomUUID().toString().substring(0, 8));
    this.store = engine.store();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts {@link DispatchConfig#workers()} worker threads that claim and send until {@link
   * #stop()}.
   *
   * @throws IllegalStateException when already started
   */
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        throw new IllegalStateException("the dispatcher is already running");
      }
      running = true;
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < config.workers(); i++) {
        Thread t = new Thread(this::work, "tmc-dispatch-" + i);
        t.setDaemon(true);
        started.add(t);
        t.start();
      }
      workers = List.copyOf(started);
      LOG.info("dispatcher started with {} workers", workers.size());
    }
  }

  /**
   * Stops claiming, lets each worker finish the rows it has claimed, and waits for them up to
   * {@link DispatchConfig#shutdownTimeout()}. Rows still held then are claimed again when their
   * lease expires. Does nothing when not started.
   */
  public void stop() {
    List<Thread> stopping;
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      stopping = workers;
      workers = List.of();
    }
    synchronized (idle) {
      idle.notifyAll();
    }
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    for (Thread t : stopping) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long alive = stopping.stream().filter(Thread::isAlive).count();
    if (alive > 0) {
      LOG.warn("dispatcher stopped with {} workers still sending; their leases will expire", alive);
    } else {
      LOG.info("dispatcher stopped");
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** The configuration this dispatcher runs with (quiet hours, retries, messaging). */
  public DispatchConfig config() {
    return config;
  }

  /** Whether {@link #start()} was called and {@link #stop()} not yet. */
  public boolean isRunning() {
    return running;
  }

  /**
   * Claims and sends on the calling thread until nothing more is due now; for tests (with a
   * settable clock) and for hosts that schedule dispatch themselves. Safe alongside started workers
   * and other nodes.
   */
  public DispatchRun runOnce() {
    DispatchRun total = DispatchRun.NONE;
    DispatchRun batch;
    do {
      batch = engine.runBatch();
      total = total.plus(batch);
    } while (batch.claimed() > 0);
    return total;
  }

  private void work() {
    while (running) {
      DispatchRun batch;
      try {
        batch = engine.runBatch();
      } catch (RuntimeException e) {
        // a database outage, say: keep the worker, try again after the poll interval
        SafeLog.failure(LOG, "dispatch batch failed", e);
        batch = DispatchRun.NONE;
      }
      if (batch.claimed() == 0 && running) {
        synchronized (idle) {
          try {
            idle.wait(Math.max(1, config.pollInterval().toMillis()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /**
   * Queues a message for the dispatcher: an invitation, a reset link, a sign-in code, a reply alert
   * or a forwarded-message notice. Joins the caller's transaction when called inside {@link
   * TrackMyCrime#inTransaction}.
   *
   * @return false when a message with this idempotency key was queued before (nothing changes)
   * @throws NotFoundException when the force does not exist
   */
  public boolean queue(QueuedMessage message) {
    Objects.requireNonNull(message, "message");
    if (tmc.forces().find(message.force()).isEmpty()) {
      throw new NotFoundException(
          "No such force", Map.of(TrackMyCrimeException.FORCE, message.force()));
    }
    return store.insert(
        message.force(),
        message.idempotencyKey(),
        message.kind().name(),
        message.crimeReference(),
        message.victimRef(),
        message.aboutRef(),
        Params.write(message.parameters()),
        message.channel(),
        clock.instant());
  }

  /**
   * Stops all contact with a victim (for example when contact has become unsafe): everything queued
   * for them is cancelled at once, and nothing is sent to them until {@link #resumeContact}. The
   * switch is stored and checked again at send time; it is audited.
   *
   * @return the number of queued messages cancelled
   * @throws NotFoundException when the force has no such victim
   */
  public int stopContact(String force, String crimeReference, String victimRef, Actor by) {
    Objects.requireNonNull(by, "by");
    Instant now = clock.instant();
    return tmc.inTransaction(
        () -> {
          requireVictim(force, crimeReference, victimRef);
          Set<String> victimKinds =
              Arrays.stream(MessageKind.values())
                  .filter(MessageKind::toVictim)
                  .map(Enum::name)
                  .collect(Collectors.toSet());
          int cancelled =
              store.stopContact(force, crimeReference, victimRef, by.toString(), victimKinds, now);
          tmc.audit()
              .record(
                  new AuditEvent(
                      force,
                      now,
                      by,
                      AuditAction.ALTERATION,
                      "victim",
                      victimRef,
                      crimeReference,
                      "contact stopped; " + cancelled + " queued messages cancelled"));
          return cancelled;
        });
  }

  /**
   * Lifts {@link #stopContact}: new messages are sent again. Messages cancelled by the stop stay
   * cancelled. Audited.
   *
   * @return false when contact was not stopped
   */
  public boolean resumeContact(String force, String crimeReference, String victimRef, Actor by) {
    Objects.requireNonNull(by, "by");
    Instant now = clock.instant();
    return tmc.inTransaction(
        () -> {
          requireVictim(force, crimeReference, victimRef);
          boolean resumed = store.resumeContact(force, crimeReference, victimRef);
          if (resumed) {
            tmc.audit()
                .record(
                    new AuditEvent(
                        force,
                        now,
                        by,
                        AuditAction.ALTERATION,
                        "victim",
                        victimRef,
                        crimeReference,
                        "contact resumed"));
          }
          return resumed;
        });
  }

  /** Whether contact with the victim is stopped. */
  public boolean isContactStopped(String force, String crimeReference, String victimRef) {
    return store.contactStopped(force, crimeReference, victimRef);
  }

  /**
   * Records a provider's delivery receipt, by the id the channel returned in {@link
   * SendResult.Accepted#providerId()}; for channel artifacts and hosts that receive status
   * callbacks. The status only moves forward (a late "accepted" after "delivered" is ignored). A
   * receipt that arrives before the acceptance is recorded is kept and applied then.
   *
   * @param channelName the {@link NotificationChannel#name()} that sent the message
   * @return true when the status changed
   */
  public boolean recordReceipt(String channelName, String providerId, ReceiptStatus status) {
    Objects.requireNonNull(channelName, "channelName");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(status, "status");
    Instant now = clock.instant();
    if (!store.advanceReceipt(channelName, providerId, status, now)) {
      return false;
    }
    store
        .receiptTarget(channelName, providerId)
        .ifPresent(
            t -> {
              store.settleFromReceipts(t.force(), t.outboxId(), now);
              engine.receiptEvent(
                  t.force(),
                  t.outboxId(),
                  t.kind(),
                  t.channel(),
                  t.channelName(),
                  t.attempt(),
                  providerId,
                  status);
            });
    return true;
  }

  /** Dead-lettered messages of a force, most recent first. */
  public List<DeadLetter> deadLetters(String force, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be between 1 and 1000");
    }
    return store.deadLetters(force, limit);
  }

  /**
   * Puts a dead-lettered message back in the queue with a fresh set of attempts (after the cause,
   * such as a mail server's configuration, is fixed).
   *
   * @return false when the force has no dead letter with this id
   */
  public boolean retryDeadLetter(String force, long outboxId) {
    boolean retried = store.retryDeadLetter(force, outboxId, clock.instant());
    if (retried) {
      LOG.info("outbox {} ({}) taken out of the dead letters for another try", outboxId, force);
    }
    return retried;
  }

  /** What happened to an outbox message on each channel, with any receipts. */
  public List<Delivery> deliveries(String force, long outboxId) {
    return store.deliveries(force, outboxId);
  }

  private void requireVictim(String force, String crimeReference, String victimRef) {
    if (tmc.victims().find(force, crimeReference, victimRef).isEmpty()) {
      throw new NotFoundException(
          "No such victim",
          Map.of(
              TrackMyCrimeException.FORCE, String.valueOf(force),
              TrackMyCrimeException.CRIME_REFERENCE, String.valueOf(crimeReference),
              TrackMyCrimeException.VICTIM_REF, String.valueOf(victimRef)));
    }
  }

  /** Builds a {@link Dispatcher}; {@link #build()} reports every missing or bad setting at once. */
  public static final class Builder {
    private TrackMyCrime tmc;
    private DispatchConfig config;
    private final List<NotificationChannel> channels = new ArrayList<>();
    private final List<DispatchListener> listeners = new ArrayList<>();
    private RandomGenerator random = RandomGenerator.getDefault();

    private Builder() {}

    /** The SDK instance whose outbox is delivered. Required. */
    public Builder trackMyCrime(TrackMyCrime value) {
      this.tmc = value;
      return this;
    }

    /** A channel; at most one per kind ({@link Channel#EMAIL}, {@link Channel#SMS}). */
    public Builder channel(NotificationChannel value) {
      this.channels.add(value);
      return this;
    }

    /** How the dispatcher works and each force's messaging. Required. */
    public Builder config(DispatchConfig value) {
      this.config = value;
      return this;
    }

    /** A listener for monitoring; any number. */
    public Builder listener(DispatchListener value) {
      this.listeners.add(value);
      return this;
    }

    /** The jitter's randomness; tests pass a seeded one. */
    Builder random(RandomGenerator value) {
      this.random = value;
      return this;
    }

    /**
     * @throws ConfigurationException listing every problem
     */
    public Dispatcher build() {
      List<String> problems = new ArrayList<>();
      if (tmc == null) {
        problems.add("trackMyCrime: is required");
      }
      if (config == null) {
        problems.add("config: is required");
      }
      if (channels.isEmpty()) {
        problems.add("channel: at least one is required");
      }
      Map<Channel, NotificationChannel> byKind = new EnumMap<>(Channel.class);
      for (NotificationChannel c : channels) {
        if (c == null) {
          problems.add("channel: must not be null");
          continue;
        }
        if (c.kind() == null || c.name() == null || !c.name().matches("[a-z0-9][a-z0-9-]{0,31}")) {
          problems.add(
              "channel "
                  + c.getClass().getName()
                  + ": needs a kind and a name of 1-32 lower-case letters, digits or hyphens");
          continue;
        }
        if (byKind.putIfAbsent(c.kind(), c) != null) {
          problems.add("channel: two channels for " + c.kind() + ", at most one per kind");
        }
      }
      if (listeners.contains(null)) {
        problems.add("listener: must not be null");
      }
      if (!problems.isEmpty()) {
        throw new ConfigurationException("Dispatcher builder: " + String.join("; ", problems));
      }
      return new Dispatcher(this, byKind);
    }
  }
}
