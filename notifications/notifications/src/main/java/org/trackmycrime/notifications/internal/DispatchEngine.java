package org.trackmycrime.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.enrolment.AlertPolicy;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiVictimPreferenceStore;
import org.trackmycrime.core.internal.jdbi.JdbiVictimStore;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AlertBlock;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.model.VictimPreferences;
import org.trackmycrime.core.outbox.OutboxMessage.Status;
import org.trackmycrime.notifications.AlertChannels;
import org.trackmycrime.notifications.Delivery;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.DispatchEvent;
import org.trackmycrime.notifications.DispatchListener;
import org.trackmycrime.notifications.DispatchRun;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.NotificationException;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.ReceiptStatus;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.template.RenderedMessage;

/**
 * Claims outbox rows and delivers them: the dispatcher's work, one batch at a time. Safe to run on
 * many threads and many nodes against one database: a row is claimed by one worker at a time
 * (SELECT ... FOR UPDATE SKIP LOCKED, then a lease), and every write a worker makes while holding
 * it checks its claim token.
 *
 * <p>Delivery is at least once. The only window for a duplicate is a worker dying after a provider
 * accepted a message and before the acceptance was recorded; the retry carries the same idempotency
 * key, so the provider can recognise it.
 */
public final class DispatchEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DispatchEngine.class);
  private static final Set<AlertBlock> CONSENT_BLOCKS =
      EnumSet.of(AlertBlock.NOT_ENROLLED, AlertBlock.DECLINED, AlertBlock.OPTED_OUT);
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>@\"]+@[^\\s<>@\"]+");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");

  /** How one row ended this pass. */
  enum Result {
    SENT,
    RETRYING,
    DEFERRED,
    FAILED,
    DEAD,
    CANCELLED,
    LEASE_LOST
  }

  private final TrackMyCrime tmc;
  private final Clock clock;
  private final DispatchStore store;
  private final JdbiVictimStore victims;
  private final JdbiVictimPreferenceStore preferences;
  private final Map<Channel, NotificationChannel> channels;
  private final DispatchConfig config;
  private final Listeners listeners;
  private final Backoff backoff;
  private final QuietHours quietHours;
  private final List<String> kinds;
  private final String node;
  private final AtomicLong claims = new AtomicLong();
  private final AtomicInteger forceCursor = new AtomicInteger();

  /** When each channel's provider was first found unreachable in the current outage. */
  private final Map<Channel, Instant> channelDownSince = new ConcurrentHashMap<>();

  public DispatchEngine(
      TrackMyCrime tmc,
      Map<Channel, NotificationChannel> channels,
      DispatchConfig config,
      List<DispatchListener> listeners,
      RandomGenerator random,
      String node) {
    this.tmc = tmc;
    this.clock = tmc.clock();
    Db db = Db.of(tmc);
    this.store = new DispatchStore(db);
    this.victims = new JdbiVictimStore(db);
    this.preferences = new JdbiVictimPreferenceStore(db);
    this.channels = new EnumMap<>(channels);
    this.config = config;
    this.listeners = new Listeners(listeners);
    this.backoff =
        new Backoff(config.initialBackoff(), config.maxBackoff(), config.maxRetryAfter(), random);
    this.quietHours =
        config.hasQuietHours() ? new QuietHours(config.quietFrom(), config.quietUntil()) : null;
    this.kinds = Arrays.stream(MessageKind.values()).map(Enum::name).toList();
    this.node = node;
  }

  public DispatchStore store() {
    return store;
  }

  public Listeners listeners() {
    return listeners;
  }

  /** Claims up to a batch of rows across the forces (taking turns) and processes them. */
  public DispatchRun runBatch() {
    Instant now = clock.instant();
    String token = node + ":" + claims.incrementAndGet();
    Instant leaseUntil = now.plus(config.lease());
    Instant windowStart = now.minus(config.coalesceWindow());
    List<Force> forces = tmc.forces().list();
    if (forces.isEmpty()) {
      return new DispatchRun(0, 0, 0, 0, 0, 0, 0, 0);
    }
    int start = Math.floorMod(forceCursor.getAndIncrement(), forces.size());
    Map<String, Force> bySlug = new LinkedHashMap<>();
    List<OutboxRow> rows = new ArrayList<>();
    int coalesced = 0;
    for (int i = 0; i < forces.size() && rows.size() < config.batchSize(); i++) {
      Force force = forces.get((start + i) % forces.size());
      bySlug.put(force.slug(), force);
      DispatchStore.Claim claim =
          store.claim(
              force.slug(),
              kinds,
              now,
              windowStart,
              config.batchSize() - rows.size(),
              token,
              leaseUntil);
      rows.addAll(claim.rows());
      coalesced += claim.coalesced();
    }
    int[] counts = new int[Result.values().length];
    ClaimReads reads = read(rows);
    for (OutboxRow row : rows) {
      Result r;
      try {
        // one connection for the row's reads and writes (they nest), not one per statement
        r =
            store
                .db()
                .with(
                    "dispatch outbox row",
                    h -> process(row, bySlug.get(row.force()), token, reads));
      } catch (RuntimeException e) {
        // the lease runs out and another pass takes the row again
        SafeLog.failure(
            LOG,
            "dispatch of outbox "
                + row.id()
                + " ("
                + row.force()
                + ") failed; it is retried when its lease expires",
            e);
        r = Result.LEASE_LOST;
      }
      counts[r.ordinal()]++;
    }
    earlyReceipts(reads.accepted);
    return new DispatchRun(
        rows.size(),
        counts[Result.SENT.ordinal()],
        counts[Result.RETRYING.ordinal()],
        counts[Result.DEFERRED.ordinal()],
        counts[Result.FAILED.ordinal()],
        counts[Result.DEAD.ordinal()],
        counts[Result.CANCELLED.ordinal()],
        coalesced);
  }

  /**
   * What sending the claimed rows needs that can be read for all of them at once, at claim time
   * (within the lease): their deliveries so far, which victims' contact is stopped, and the victims
   * of victim messages (with their enrolment history) and their preferences. Acceptances with a
   * provider id are collected here so that receipts which overtook them are looked up in one read
   * after the claim's sends.
   */
  private static final class ClaimReads {
    final Map<Long, Map<Channel, Delivery>> deliveries = new HashMap<>();
    final Map<String, Set<String>> stopped = new HashMap<>();
    final Map<String, Map<JdbiVictimStore.Key, Victim>> victims = new HashMap<>();
    final Map<String, Map<JdbiVictimStore.Key, VictimPreferences>> preferences = new HashMap<>();
    final List<Acceptance> accepted = new ArrayList<>();

    Optional<Victim> victim(OutboxRow row) {
      return Optional.ofNullable(victims.getOrDefault(row.force(), Map.of()).get(key(row)));
    }

    VictimPreferences preferences(OutboxRow row) {
      return preferences
          .getOrDefault(row.force(), Map.of())
          .getOrDefault(key(row), VictimPreferences.NONE);
    }

    static JdbiVictimStore.Key key(OutboxRow row) {
      return new JdbiVictimStore.Key(row.crimeRef(), row.victimRef());
    }

    Map<Channel, Delivery> deliveries(OutboxRow row) {
      Map<Channel, Delivery> copy = new EnumMap<>(Channel.class);
      copy.putAll(deliveries.getOrDefault(row.id(), Map.of()));
      return copy;
    }

    boolean stopped(OutboxRow row) {
      return stopped
          .getOrDefault(row.force(), Set.of())
          .contains(DispatchStore.stopKey(row.crimeRef(), row.victimRef()));
    }
  }

  /**
   * An acceptance with a provider id, whose early receipt (if any) is looked up after the sends.
   */
  private record Acceptance(
      OutboxRow row,
      MessageKind kind,
      Channel channel,
      String channelName,
      int attempt,
      String providerId) {}

  /**
   * Per force: one read for the deliveries of the claimed rows, one for the stop switches, and for
   * the victim messages two for the victims with their enrolment history and one for their
   * preferences.
   */
  private ClaimReads read(List<OutboxRow> rows) {
    ClaimReads reads = new ClaimReads();
    Map<String, List<OutboxRow>> byForce = new LinkedHashMap<>();
    for (OutboxRow row : rows) {
      byForce.computeIfAbsent(row.force(), k -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<OutboxRow>> e : byForce.entrySet()) {
      List<Long> ids = e.getValue().stream().map(OutboxRow::id).toList();
      store
          .deliveries(e.getKey(), ids)
          .forEach(
              (id, list) -> {
                Map<Channel, Delivery> byChannel = new EnumMap<>(Channel.class);
                for (Delivery d : list) {
                  byChannel.put(d.channel(), d);
                }
                reads.deliveries.put(id, byChannel);
              });
      List<String> crimes =
          e.getValue().stream()
              .filter(r -> r.crimeRef() != null && r.victimRef() != null)
              .map(OutboxRow::crimeRef)
              .distinct()
              .toList();
      reads.stopped.put(e.getKey(), store.stoppedAmong(e.getKey(), crimes));
      Set<JdbiVictimStore.Key> keys =
          e.getValue().stream()
              .filter(r -> r.crimeRef() != null && r.victimRef() != null)
              .filter(r -> MessageKind.ofKey(r.kind()).filter(MessageKind::toVictim).isPresent())
              .map(ClaimReads::key)
              .collect(Collectors.toCollection(LinkedHashSet::new));
      if (!keys.isEmpty()) {
        reads.victims.put(e.getKey(), victims.findAll(e.getKey(), keys));
        reads.preferences.put(e.getKey(), preferences.findAll(e.getKey(), keys));
      }
    }
    return reads;
  }

  /** Tells the listeners about receipts that arrived before their acceptance was recorded. */
  private void earlyReceipts(List<Acceptance> accepted) {
    Map<String, List<Acceptance>> byChannel = new LinkedHashMap<>();
    for (Acceptance a : accepted) {
      byChannel.computeIfAbsent(a.channelName(), k -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<String, List<Acceptance>> e : byChannel.entrySet()) {
      Map<String, ReceiptStatus> early;
      try {
        early =
            store.receipts(e.getKey(), e.getValue().stream().map(Acceptance::providerId).toList());
      } catch (RuntimeException ex) {
        // the rows are recorded and settled already; only these listener calls are missed
        SafeLog.failure(LOG, "reading early receipts for " + e.getKey() + " failed", ex);
        continue;
      }
      for (Acceptance a : e.getValue()) {
        ReceiptStatus s = early.get(a.providerId());
        if (s != null) {
          receiptEvent(
              a.row().force(),
              a.row().id(),
              a.kind().name(),
              a.channel(),
              a.channelName(),
              a.attempt(),
              a.providerId(),
              s);
        }
      }
    }
  }

  private Result process(OutboxRow row, Force force, String token, ClaimReads reads) {
    MessageKind kind = MessageKind.ofKey(row.kind()).orElseThrow();
    Optional<ForceMessaging> messaging = config.messagingFor(row.force());
    if (messaging.isEmpty()) {
      return dead(row, token, row.attempts(), "NO_MESSAGING_CONFIGURED");
    }
    Map<String, String> params;
    try {
      params = Params.read(row.params());
    } catch (NotificationException e) {
      return dead(row, token, row.attempts(), "BAD_PARAMETERS");
    }
    return kind.toVictim()
        ? processVictim(row, kind, force, messaging.get(), params, token, reads)
        : processStaff(row, kind, force, messaging.get(), params, token, reads);
  }

  // ---- victims ----

  private Result processVictim(
      OutboxRow row,
      MessageKind kind,
      Force force,
      ForceMessaging messaging,
      Map<String, String> params,
      String token,
      ClaimReads reads) {
    int attempt = row.attempts() + 1;
    boolean tried = false;
    Set<Channel> handled = EnumSet.noneOf(Channel.class);
    Instant retryAt = null;
    String retryError = null;
    boolean onlyChannelsDown = true;
    Instant deferUntil = null;
    Set<Channel> usable = Set.of();
    Map<Channel, Delivery> done = Map.of();
    // results recorded in this pass: only the lease holder records, so these and the last read
    // are every result there is (no read back at the end)
    Map<Channel, Delivery.Outcome> recorded = new EnumMap<>(Channel.class);
    // the last acceptance, until it is written: with the row's finish when nothing else follows it
    // (one round trip), else on its own before the next send or read
    Pending pending = null;
    // a permanent failure makes the victim's other channel a target: look again, at most twice
    for (int round = 0; round < Channel.values().length + 1; round++) {
      if (pending != null) {
        if (!record(row, token, pending, reads)) {
          return leaseLost(row);
        }
        pending = null;
      }
      Instant now = clock.instant();
      // the first round uses the victim read for the claim (within the lease); a later round
      // reads again, so the policy is always decided on state read after the claim
      Optional<Victim> found =
          round == 0
              ? reads.victim(row)
              : tmc.victims().find(row.force(), row.crimeRef(), row.victimRef());
      if (found.isEmpty()) {
        return finish(row, token, Status.CANCELLED, tried ? attempt : row.attempts(), "NO_VICTIM");
      }
      Victim victim = found.get();
      // the first round uses what was read for the claim; a later round (after a permanent
      // failure marked a channel unreachable) reads again
      boolean stopped =
          round == 0
              ? reads.stopped(row)
              : store.contactStopped(row.force(), row.crimeRef(), row.victimRef());
      if (stopped) {
        return finish(
            row, token, Status.CANCELLED, tried ? attempt : row.attempts(), "CONTACT_STOPPED");
      }
      List<AlertBlock> blocks =
          AlertPolicy.decide(victim, now).blocks().stream()
              .filter(b -> b != AlertBlock.NO_USABLE_CHANNEL)
              .filter(b -> !(kind.requestedByVictim() && CONSENT_BLOCKS.contains(b)))
              .toList();
      if (!blocks.isEmpty()) {
        return finish(
            row,
            token,
            Status.CANCELLED,
            tried ? attempt : row.attempts(),
            "NOT_ALLOWED " + blocks);
      }
      done = round == 0 ? reads.deliveries(row) : deliveries(row);
      VictimPreferences preferences =
          round == 0
              ? reads.preferences(row)
              : tmc.preferences().find(row.force(), row.crimeRef(), row.victimRef());
      usable = channelsFor(row, victim, preferences);
      QuietHours quiet = quietHoursFor(preferences);
      Set<Channel> targets = targets(kind, usable, done);
      targets.removeAll(handled);
      if (targets.isEmpty()) {
        break;
      }
      boolean permanent = false;
      for (Channel channel : targets) {
        if (pending != null) {
          if (!record(row, token, pending, reads)) {
            return leaseLost(row);
          }
          pending = null;
        }
        handled.add(channel);
        if (channel == Channel.SMS && quiet != null && !kind.requestedByVictim()) {
          Instant allowed = quiet.nextAllowed(now, force.settings().zone());
          if (allowed.isAfter(now)) {
            deferUntil = earliest(deferUntil, allowed);
            continue;
          }
        }
        String to = channel == Channel.EMAIL ? victim.email() : victim.mobile();
        Map<String, String> values = new LinkedHashMap<>(params);
        values.put("portalUrl", messaging.portalUrl().toString());
        OutgoingMessage message;
        try {
          message = message(row, kind, channel, to, victim.language(), messaging, values);
        } catch (NotificationException e) {
          LOG.error(
              "outbox {} ({} {}) cannot be rendered: {}",
              row.id(),
              row.force(),
              kind,
              e.getMessage());
          return dead(row, token, tried ? attempt : row.attempts(), "TEMPLATE");
        }
        tried = true;
        SendResult result = send(row, channel, message);
        if (result instanceof SendResult.Accepted a) {
          pending = acceptance(kind, channel, attempt, a);
          recorded.put(channel, Delivery.Outcome.ACCEPTED);
        } else if (result instanceof SendResult.Permanent p) {
          if (!permanentVictimFailure(row, kind, token, channel, to, attempt, p)) {
            return leaseLost(row);
          }
          recorded.put(channel, Delivery.Outcome.REJECTED);
          permanent = true;
        } else if (result instanceof SendResult.Transient t) {
          transientFailure(row, kind, channel, attempt, t);
          retryAt = earliest(retryAt, now.plus(retryDelay(channel, attempt, t)));
          retryError = transientError(t);
          onlyChannelsDown &= t.channelDown();
        }
      }
      if (!permanent) {
        break;
      }
    }
    boolean anyAccepted =
        recorded.containsValue(Delivery.Outcome.ACCEPTED)
            || done.values().stream().anyMatch(d -> d.outcome() == Delivery.Outcome.ACCEPTED);
    int attempts = tried ? attempt : row.attempts();
    boolean finishingSent =
        anyAccepted
            && (retryAt == null
                ? deferUntil == null
                : !onlyChannelsDown && attempt >= config.maxAttempts());
    if (pending != null && !finishingSent) {
      if (!record(row, token, pending, reads)) {
        return leaseLost(row);
      }
      pending = null;
    }
    if (retryAt != null && onlyChannelsDown) {
      // an outage of the provider: the alert waits for it without using up an attempt
      return reschedule(
          row, token, row.attempts(), earliest(retryAt, deferUntil), retryError, Result.RETRYING);
    }
    if (retryAt != null) {
      if (attempt >= config.maxAttempts()) {
        return anyAccepted
            ? finishSent(
                row, token, attempts, "GAVE_UP_ON_OTHER_CHANNEL " + retryError, pending, reads)
            : dead(row, token, attempts, retryError);
      }
      return reschedule(
          row, token, attempts, earliest(retryAt, deferUntil), retryError, Result.RETRYING);
    }
    if (deferUntil != null) {
      return reschedule(row, token, attempts, deferUntil, "QUIET_HOURS", Result.DEFERRED);
    }
    if (anyAccepted) {
      return finishSent(row, token, attempts, null, pending, reads);
    }
    Set<Channel> unconfigured = EnumSet.noneOf(Channel.class);
    unconfigured.addAll(usable);
    unconfigured.removeAll(done.keySet());
    unconfigured.removeAll(recorded.keySet());
    unconfigured.removeAll(channels.keySet());
    if (!unconfigured.isEmpty()) {
      return dead(row, token, attempts, "NO_CHANNEL_CONFIGURED " + unconfigured);
    }
    return finish(row, token, Status.FAILED, attempts, "UNREACHABLE");
  }

  /**
   * The channels a victim message may go on: the one it was queued for, if any (never another),
   * else the victim's chosen channels (see {@link AlertPolicy#alertChannels}).
   */
  private static Set<Channel> channelsFor(
      OutboxRow row, Victim victim, VictimPreferences preferences) {
    if (row.channel() == null) {
      return AlertPolicy.alertChannels(victim, preferences);
    }
    Set<Channel> pinned = EnumSet.noneOf(Channel.class);
    pinned.addAll(AlertPolicy.usableChannels(victim));
    pinned.retainAll(Set.of(row.channel()));
    return pinned;
  }

  /** The victim's own quiet hours for texts when they chose any (or none), else the default. */
  private QuietHours quietHoursFor(VictimPreferences preferences) {
    VictimPreferences.QuietHours own = preferences.quietHours();
    if (own == null) {
      return quietHours;
    }
    return own.none() ? null : new QuietHours(own.from(), own.until());
  }

  /**
   * The channels to send on now: of the victim's usable channels that this dispatcher can send on,
   * those without a result yet; for single-channel kinds, the first by preference unless one was
   * accepted.
   */
  private Set<Channel> targets(MessageKind kind, Set<Channel> usable, Map<Channel, Delivery> done) {
    Set<Channel> open = new LinkedHashSet<>();
    List<Channel> order =
        switch (choice(kind)) {
          case PREFER_SMS -> List.of(Channel.SMS, Channel.EMAIL);
          default -> List.of(Channel.EMAIL, Channel.SMS);
        };
    for (Channel c : order) {
      if (usable.contains(c) && channels.containsKey(c) && !done.containsKey(c)) {
        open.add(c);
      }
    }
    if (choice(kind) == AlertChannels.ALL || open.isEmpty()) {
      return open;
    }
    boolean anyAccepted =
        done.values().stream().anyMatch(d -> d.outcome() == Delivery.Outcome.ACCEPTED);
    Set<Channel> one = new LinkedHashSet<>();
    if (!anyAccepted) {
      one.add(open.iterator().next());
    }
    return one;
  }

  private AlertChannels choice(MessageKind kind) {
    return switch (kind) {
      case VICTIM_INVITATION, VICTIM_PASSWORD_RESET -> AlertChannels.PREFER_EMAIL;
      case VICTIM_SIGN_IN_CODE -> AlertChannels.PREFER_SMS;
      default -> config.alertChannels();
    };
  }

  /**
   * A permanent failure on a victim's channel: recorded, the channel marked unreachable (when the
   * contact detail is still the one that failed), the Command Hub told. One transaction.
   */
  private boolean permanentVictimFailure(
      OutboxRow row,
      MessageKind kind,
      String token,
      Channel channel,
      String to,
      int attempt,
      SendResult.Permanent p) {
    Instant now = clock.instant();
    String name = channels.get(channel).name();
    boolean recorded =
        store
            .db()
            .inTransaction(
                "record permanent failure",
                h -> {
                  if (!store.recordDelivery(
                      row,
                      token,
                      channel,
                      name,
                      Delivery.Outcome.REJECTED,
                      null,
                      attempt,
                      truncate(p.code(), 64),
                      now)) {
                    return false;
                  }
                  Victim fresh =
                      tmc.victims().find(row.force(), row.crimeRef(), row.victimRef()).orElse(null);
                  String current =
                      fresh == null
                          ? null
                          : channel == Channel.EMAIL ? fresh.email() : fresh.mobile();
                  if (fresh != null
                      && Objects.equals(current, to)
                      && !fresh.unreachableChannels().contains(channel)) {
                    Set<Channel> unreachable = EnumSet.of(channel);
                    unreachable.addAll(fresh.unreachableChannels());
                    Victim marked = fresh.toBuilder().unreachableChannels(unreachable).build();
                    tmc.victims().save(marked);
                    tmc.audit()
                        .record(
                            new AuditEvent(
                                row.force(),
                                now,
                                Actor.system(),
                                AuditAction.ALTERATION,
                                "victim",
                                row.victimRef(),
                                row.crimeRef(),
                                channel + " unreachable: " + truncate(p.code(), 40)));
                    Set<Channel> remaining = AlertPolicy.usableChannels(marked);
                    store.insert(
                        row.force(),
                        MessageKind.HUB_VICTIM_UNREACHABLE.name()
                            + "|"
                            + row.force()
                            + "|"
                            + row.crimeRef()
                            + "|"
                            + row.victimRef()
                            + "|"
                            + channel
                            + "|"
                            + row.id(),
                        MessageKind.HUB_VICTIM_UNREACHABLE.name(),
                        row.crimeRef(),
                        row.victimRef(),
                        null,
                        Params.write(
                            Map.of(
                                "channel",
                                channel.name(),
                                "remaining",
                                remaining.stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .collect(Collectors.joining(",")))),
                        now);
                  }
                  return true;
                });
    if (recorded) {
      LOG.info(
          "outbox {} ({} {}) refused for good on {} (code {}): channel marked unreachable",
          row.id(),
          row.force(),
          kind,
          channel,
          p.code());
      listeners.failed(
          new DispatchEvent.Failed(
              row.id(),
              row.force(),
              kind.name(),
              channel,
              name,
              attempt,
              DispatchEvent.Failure.PERMANENT,
              p.code(),
              now));
    }
    return recorded;
  }

  // ---- staff ----

  private Result processStaff(
      OutboxRow row,
      MessageKind kind,
      Force force,
      ForceMessaging messaging,
      Map<String, String> params,
      String token,
      ClaimReads reads) {
    int attempt = row.attempts() + 1;
    Delivery done = reads.deliveries(row).get(Channel.EMAIL);
    if (done != null) {
      // sent before a crash left the row claimed
      return done.outcome() == Delivery.Outcome.ACCEPTED
          ? finishSent(row, token, row.attempts(), null)
          : finish(row, token, Status.FAILED, row.attempts(), "PERMANENT " + done.errorCode());
    }
    String to = staffRecipient(row, kind, force, messaging);
    if (to == null) {
      return finish(row, token, Status.CANCELLED, row.attempts(), "NO_RECIPIENT");
    }
    if (!channels.containsKey(Channel.EMAIL)) {
      return dead(row, token, row.attempts(), "NO_CHANNEL_CONFIGURED [EMAIL]");
    }
    Language language = messaging.staffLanguage();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("crimeRef", row.crimeRef() == null ? "" : row.crimeRef());
    values.put("victimRef", row.victimRef() == null ? "" : row.victimRef());
    values.put("staffPortalUrl", messaging.staffPortalUrl().toString());
    OutgoingMessage message;
    try {
      if (kind == MessageKind.HUB_VICTIM_UNREACHABLE) {
        values.put(
            "failedChannel", Words.channel(Channel.valueOf(params.get("channel")), language));
        Set<Channel> remaining = EnumSet.noneOf(Channel.class);
        for (String c : params.getOrDefault("remaining", "").split(",")) {
          if (!c.isBlank()) {
            remaining.add(Channel.valueOf(c));
          }
        }
        values.put("remainingChannels", Words.remaining(remaining, language));
      }
      message = message(row, kind, Channel.EMAIL, to, language, messaging, values);
    } catch (NotificationException | IllegalArgumentException | NullPointerException e) {
      LOG.error("outbox {} ({} {}) cannot be rendered", row.id(), row.force(), kind);
      return dead(row, token, row.attempts(), "TEMPLATE");
    }
    Instant now = clock.instant();
    SendResult result = send(row, Channel.EMAIL, message);
    if (result instanceof SendResult.Accepted a) {
      return finishSent(
          row, token, attempt, null, acceptance(kind, Channel.EMAIL, attempt, a), reads);
    }
    if (result instanceof SendResult.Permanent p) {
      String name = channels.get(Channel.EMAIL).name();
      if (!store.recordDelivery(
          row,
          token,
          Channel.EMAIL,
          name,
          Delivery.Outcome.REJECTED,
          null,
          attempt,
          truncate(p.code(), 64),
          now)) {
        return leaseLost(row);
      }
      listeners.failed(
          new DispatchEvent.Failed(
              row.id(),
              row.force(),
              kind.name(),
              Channel.EMAIL,
              name,
              attempt,
              DispatchEvent.Failure.PERMANENT,
              p.code(),
              now));
      LOG.warn(
          "outbox {} ({} {}) refused for good by the staff mail server (code {})",
          row.id(),
          row.force(),
          kind,
          p.code());
      return finish(row, token, Status.FAILED, attempt, error("PERMANENT " + p.code(), p.reason()));
    }
    SendResult.Transient t = (SendResult.Transient) result;
    transientFailure(row, kind, Channel.EMAIL, attempt, t);
    String err = transientError(t);
    if (!t.channelDown() && attempt >= config.maxAttempts()) {
      return dead(row, token, attempt, err);
    }
    return reschedule(
        row,
        token,
        t.channelDown() ? row.attempts() : attempt,
        now.plus(retryDelay(Channel.EMAIL, attempt, t)),
        err,
        Result.RETRYING);
  }

  /**
   * Who a staff message goes to: the officer (the message's assignee, else the crime's officer in
   * charge), the supervisors of the officer's unit, or the Command Hub when there is nobody more
   * specific.
   */
  private String staffRecipient(
      OutboxRow row, MessageKind kind, Force force, ForceMessaging messaging) {
    String hub = force.settings().hubEmail();
    String slug = row.force();
    Optional<String> crimeOfficer =
        Optional.ofNullable(row.crimeRef())
            .flatMap(c -> tmc.crimes().find(slug, c))
            .map(Crime::officerRef);
    return switch (kind) {
      case HUB_VICTIM_UNREACHABLE -> hub;
      case OFFICER_MESSAGE -> {
        Optional<String> assignee =
            Optional.ofNullable(row.entryKey())
                .flatMap(id -> tmc.messages().find(slug, id))
                .map(VictimMessage::assignedOfficerRef);
        yield assignee
            .or(() -> crimeOfficer)
            .flatMap(ref -> tmc.officers().find(slug, ref))
            .map(Officer::email)
            .orElse(hub);
      }
      case OFFICER_DUE_SOON, OFFICER_OVERDUE ->
          crimeOfficer
              .flatMap(ref -> tmc.officers().find(slug, ref))
              .map(Officer::email)
              .orElse(hub);
      case SUPERVISOR_ESCALATION ->
          crimeOfficer
              .flatMap(ref -> tmc.officers().find(slug, ref))
              .map(Officer::unit)
              .map(messaging::supervisorEmail)
              .orElse(hub);
      default -> throw new IllegalStateException("not a staff kind: " + kind);
    };
  }

  // ---- shared ----

  private OutgoingMessage message(
      OutboxRow row,
      MessageKind kind,
      Channel channel,
      String to,
      Language language,
      ForceMessaging messaging,
      Map<String, String> values) {
    RenderedMessage r = messaging.templates().render(kind, language, values);
    return channel == Channel.EMAIL
        ? new OutgoingMessage(
            row.idempotencyKey(),
            Channel.EMAIL,
            to,
            messaging.senderName(),
            language,
            r.subject(),
            r.text(),
            r.html(),
            kind.name(),
            values)
        : new OutgoingMessage(
            row.idempotencyKey(),
            Channel.SMS,
            to,
            messaging.smsSenderId(),
            language,
            null,
            r.sms(),
            null,
            kind.name(),
            values);
  }

  private SendResult send(OutboxRow row, Channel channel, OutgoingMessage message) {
    NotificationChannel ch = channels.get(channel);
    try {
      SendResult r = ch.send(message);
      if (r == null) {
        return new SendResult.Transient("NO_RESULT", "the channel returned null", null);
      }
      if (!(r instanceof SendResult.Transient t && t.channelDown())) {
        channelDownSince.remove(channel); // the provider answered: any outage is over
      }
      if (r instanceof SendResult.Permanent p
          && p.code() != null
          && p.code().startsWith("config-")) {
        // the force's own setup is wrong (credentials, sender, template map), not the victim's
        // address: retry, and dead-letter in the end, but never mark the victim unreachable
        LOG.error(
            "channel {} is misconfigured ({}) sending outbox {}", ch.name(), p.code(), row.id());
        return new SendResult.Transient(p.code(), p.reason(), null);
      }
      return r;
    } catch (RuntimeException e) {
      // channels should classify, not throw; a bug in one is treated as worth retrying
      LOG.warn(
          "channel {} threw {} sending outbox {}", ch.name(), e.getClass().getName(), row.id());
      return new SendResult.Transient("EXCEPTION", e.getClass().getName(), null);
    }
  }

  /** An acceptance by a provider, not yet written. */
  private record Pending(
      MessageKind kind, Channel channel, String name, int attempt, String providerId) {}

  private Pending acceptance(
      MessageKind kind, Channel channel, int attempt, SendResult.Accepted a) {
    String providerId = a.providerId() == null ? null : truncate(a.providerId(), 200);
    return new Pending(kind, channel, channels.get(channel).name(), attempt, providerId);
  }

  /** Records an acceptance on its own (another send or a reschedule follows). */
  private boolean record(OutboxRow row, String token, Pending p, ClaimReads reads) {
    Instant now = clock.instant();
    if (!store.recordDelivery(
        row,
        token,
        p.channel(),
        p.name(),
        Delivery.Outcome.ACCEPTED,
        p.providerId(),
        p.attempt(),
        null,
        now)) {
      return false;
    }
    announce(row, p, reads, now);
    return true;
  }

  /** Tells the listeners about a recorded acceptance. */
  private void announce(OutboxRow row, Pending p, ClaimReads reads, Instant now) {
    LOG.debug(
        "outbox {} ({} {}) accepted on {} by {}",
        row.id(),
        row.force(),
        p.kind(),
        p.channel(),
        p.name());
    listeners.sent(
        new DispatchEvent.Sent(
            row.id(),
            row.force(),
            p.kind().name(),
            p.channel(),
            p.name(),
            p.attempt(),
            p.providerId(),
            now));
    if (p.providerId() != null) {
      // a receipt may have overtaken the acceptance: looked up for the whole claim after its sends
      reads.accepted.add(
          new Acceptance(row, p.kind(), p.channel(), p.name(), p.attempt(), p.providerId()));
    }
  }

  /** Tells the listeners about a final receipt status. */
  public void receiptEvent(
      String force,
      long outboxId,
      String kind,
      Channel channel,
      String channelName,
      int attempt,
      String providerId,
      ReceiptStatus status) {
    Instant now = clock.instant();
    switch (status) {
      case DELIVERED ->
          listeners.delivered(
              new DispatchEvent.Delivered(
                  outboxId, force, kind, channel, channelName, providerId, now));
      case FAILED ->
          listeners.failed(
              new DispatchEvent.Failed(
                  outboxId,
                  force,
                  kind,
                  channel,
                  channelName,
                  attempt,
                  DispatchEvent.Failure.RECEIPT,
                  "RECEIPT_FAILED",
                  now));
      case ACCEPTED -> {}
    }
  }

  private void transientFailure(
      OutboxRow row, MessageKind kind, Channel channel, int attempt, SendResult.Transient t) {
    String name = channels.get(channel).name();
    LOG.info(
        "outbox {} ({} {}) failed on {} (attempt {}, code {}); will retry",
        row.id(),
        row.force(),
        kind,
        channel,
        attempt,
        t.code());
    listeners.failed(
        new DispatchEvent.Failed(
            row.id(),
            row.force(),
            kind.name(),
            channel,
            name,
            attempt,
            DispatchEvent.Failure.TRANSIENT,
            t.code(),
            clock.instant()));
  }

  /**
   * How long a message waits after a transient failure. While a channel's provider cannot be
   * reached, the wait grows with the length of the outage (every message waiting on it alike), not
   * with the message's attempts, which the outage does not use up.
   */
  private Duration retryDelay(Channel channel, int attempt, SendResult.Transient t) {
    if (!t.channelDown()) {
      return backoff.delay(attempt, t.retryAfter());
    }
    Instant now = clock.instant();
    Instant since = channelDownSince.merge(channel, now, (old, ignored) -> old);
    return backoff.delayInOutage(Duration.between(since, now));
  }

  private static String transientError(SendResult.Transient t) {
    return error((t.channelDown() ? "CHANNEL_DOWN " : "TRANSIENT ") + t.code(), t.reason());
  }

  private Map<Channel, Delivery> deliveries(OutboxRow row) {
    Map<Channel, Delivery> byChannel = new EnumMap<>(Channel.class);
    for (Delivery d : store.deliveries(row.force(), row.id())) {
      byChannel.put(d.channel(), d);
    }
    return byChannel;
  }

  /**
   * Finishes a row accepted on some channel; {@code pending} (if not null) is the acceptance just
   * made, recorded in the same round trip.
   */
  private Result finishSent(
      OutboxRow row, String token, int attempts, String note, Pending pending, ClaimReads reads) {
    if (pending == null) {
      return finishSent(row, token, attempts, note);
    }
    Instant now = clock.instant();
    if (!store.recordAcceptedAndFinish(
        row,
        token,
        pending.channel(),
        pending.name(),
        pending.providerId(),
        pending.attempt(),
        attempts,
        truncate(note, 400),
        now)) {
      return leaseLost(row);
    }
    announce(row, pending, reads, now);
    return Result.SENT;
  }

  private Result finishSent(OutboxRow row, String token, int attempts, String note) {
    return store.finishSent(row, token, attempts, truncate(note, 400), clock.instant())
        ? Result.SENT
        : leaseLost(row);
  }

  private Result finish(OutboxRow row, String token, Status status, int attempts, String error) {
    if (!store.finish(row, token, status, attempts, truncate(error, 400), clock.instant())) {
      return leaseLost(row);
    }
    LOG.debug("outbox {} ({} {}) {}: {}", row.id(), row.force(), row.kind(), status, error);
    return status == Status.FAILED ? Result.FAILED : Result.CANCELLED;
  }

  private Result dead(OutboxRow row, String token, int attempts, String error) {
    Instant now = clock.instant();
    if (!store.finish(row, token, Status.DEAD, attempts, truncate(error, 400), now)) {
      return leaseLost(row);
    }
    LOG.warn(
        "outbox {} ({} {}) dead-lettered after {} attempts",
        row.id(),
        row.force(),
        row.kind(),
        attempts);
    listeners.deadLettered(
        new DispatchEvent.DeadLettered(
            row.id(), row.force(), row.kind(), attempts, truncate(error, 400), now));
    return Result.DEAD;
  }

  private Result reschedule(
      OutboxRow row, String token, int attempts, Instant next, String error, Result result) {
    if (!store.reschedule(row, token, attempts, next, truncate(error, 400), clock.instant())) {
      return leaseLost(row);
    }
    return result;
  }

  private Result leaseLost(OutboxRow row) {
    LOG.warn(
        "outbox {} ({}): lease lost to another worker; leaving the row to it",
        row.id(),
        row.force());
    return Result.LEASE_LOST;
  }

  /** A failure for the outbox row: the code, and the reason without addresses or numbers. */
  static String error(String code, String reason) {
    if (reason == null || reason.isBlank()) {
      return truncate(code, 400);
    }
    String scrubbed =
        NUMBER.matcher(ADDRESS.matcher(reason).replaceAll("[address]")).replaceAll("[number]");
    return truncate(code + ": " + scrubbed.replaceAll("\\s+", " "), 400);
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }
}
