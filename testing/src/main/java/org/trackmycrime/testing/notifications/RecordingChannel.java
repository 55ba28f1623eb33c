package org.trackmycrime.testing.notifications;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;

/**
 * An in-memory channel for tests: it records what a provider would have received and answers as
 * scripted (accept by default). Thread-safe.
 *
 * <pre>{@code
 * RecordingChannel email = RecordingChannel.email();
 * email.failNext(new SendResult.Transient("421", "try later", null));   // then accepts again
 * ... dispatcher.runOnce() ...
 * assertThat(email.received()).hasSize(1);
 * assertThat(email.countByKey()).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
 * }</pre>
 */
public final class RecordingChannel implements NotificationChannel {
  /**
   * Thrown by a channel scripted to "crash": an {@link Error}, so the dispatcher does not classify
   * it as a failed send but is cut short, as if its process had died there.
   */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  private final String name;
  private final Channel kind;
  private final Deque<Function<OutgoingMessage, SendResult>> script = new ArrayDeque<>();
  private Function<OutgoingMessage, SendResult> always;
  private final List<OutgoingMessage> received = new ArrayList<>();
  private final List<OutgoingMessage> attempts = new ArrayList<>();
  private final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private RecordingChannel(String name, Channel kind) {
    this.name = name;
    this.kind = kind;
  }

  /** An email channel named {@code recording-email}. */
  public static RecordingChannel email() {
    return new RecordingChannel("recording-email", Channel.EMAIL);
  }

  /** A text channel named {@code recording-sms}. */
  public static RecordingChannel sms() {
    return new RecordingChannel("recording-sms", Channel.SMS);
  }

  public static RecordingChannel of(String name, Channel kind) {
    return new RecordingChannel(Objects.requireNonNull(name), Objects.requireNonNull(kind));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Channel kind() {
    return kind;
  }

  @Override
  public SendResult send(OutgoingMessage message) {
    Function<OutgoingMessage, SendResult> next;
    synchronized (this) {
      attempts.add(message);
      next = script.isEmpty() ? always : script.poll();
    }
    return next == null ? accept(message) : next.apply(message);
  }

  /** Records the message as received by the provider and answers with a new provider id. */
  public SendResult.Accepted accept(OutgoingMessage message) {
    synchronized (this) {
      received.add(message);
    }
    byKey.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
    return new SendResult.Accepted(name + "-" + ids.incrementAndGet());
  }

  /** The next send answers with this result (sends after it: as before). */
  public synchronized RecordingChannel failNext(SendResult result) {
    script.add(m -> result);
    return this;
  }

  /** The next send is handled by this function (which may call {@link #accept}). */
  public synchronized RecordingChannel onNext(Function<OutgoingMessage, SendResult> behaviour) {
    script.add(behaviour);
    return this;
  }

  /** Every send not scripted with {@code failNext}/{@code onNext} answers so; null to accept. */
  public synchronized RecordingChannel always(Function<OutgoingMessage, SendResult> behaviour) {
    this.always = behaviour;
    return this;
  }

  /** Every unscripted send fails transiently with this code. */
  public RecordingChannel alwaysFailTransiently(String code, Duration retryAfter) {
    return always(m -> new SendResult.Transient(code, "scripted transient failure", retryAfter));
  }

  /** The next send dies before the provider sees the message. */
  public RecordingChannel crashBeforeSending() {
    return onNext(
        m -> {
          throw new SimulatedCrash("before the provider had the message");
        });
  }

  /** The next send reaches the provider, then dies before the dispatcher hears it was accepted. */
  public RecordingChannel crashAfterSending() {
    return onNext(
        m -> {
          accept(m);
          throw new SimulatedCrash("after the provider accepted the message");
        });
  }

  /** Messages the provider received (accepted), in order. */
  public synchronized List<OutgoingMessage> received() {
    return List.copyOf(received);
  }

  /** Every send, received or not, in order. */
  public synchronized List<OutgoingMessage> attempts() {
    return List.copyOf(attempts);
  }

  /** How many times the provider received each idempotency key. */
  public Map<String, Integer> countByKey() {
    Map<String, Integer> counts = new TreeMap<>();
    byKey.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  /** Forgets what was received and the script. */
  public synchronized void clear() {
    received.clear();
    attempts.clear();
    byKey.clear();
    script.clear();
    always = null;
  }

  @Override
  public String toString() {
    return "RecordingChannel[" + name + " " + kind + "]";
  }
}
