package org.trackmycrime.testing.records;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The tests every records connector must pass, in the shape of Micrometer's {@code
 * MeterRegistryCompatibilityKit}: a connector's own test extends this class, implements how to
 * publish events in its records system, how to let the connector deliver them, and how to restart
 * it, and inherits the tests. Pull connectors extend {@link PullConnectorCompatibilityKit}, which
 * already knows how to deliver and restart.
 *
 * <p>What the tests prove:
 *
 * <ul>
 *   <li>every published event is delivered, including events published after a first delivery;
 *   <li>the checkpoint moves only after the ingest has committed: when the ingest fails, the events
 *       are offered again, with or without a restart;
 *   <li>a restart resumes where the last commit left off: across restarts every event is {@code
 *       APPLIED} exactly once, nothing is lost, and only the batch in hand at a crash is offered
 *       again (and comes back {@code DUPLICATE});
 *   <li>a malformed event comes back {@code REJECTED} and does not block the good events around it.
 * </ul>
 *
 * <p>For a push connector (the webhook), "checkpoint" means the success response, and "restart"
 * means the sender retrying what it was not told had succeeded; such a connector declares the
 * {@linkplain #capabilities() capabilities} it has, and the tests that need one it lacks are
 * skipped with the reason.
 *
 * <p>Each test gets a fresh ingest from {@link #createIngest()}: by default the SDK's real ingest
 * on its own H2 database, so the outcomes are the ones a host would see. The connector's test must
 * give each test a fresh records system (a new folder, a new table) in its own {@code @BeforeEach}.
 */
public abstract class RecordConnectorCompatibilityKit {

  /** What a connector can do; the kit skips tests that need a capability the connector lacks. */
  public enum Capability {
    /**
     * The connector stores its own durable checkpoint, so after a restart it does not offer
     * committed events again. A push connector relies on its sender for this.
     */
    DURABLE_CHECKPOINT
  }

  @RegisterExtension final TmcDatabase sdk = TmcDatabase.h2();

  private FaultyIngest ingest;
  private int nextGood = 1;
  private int nextMalformed = 1;

  // ---- what a connector's test provides ----------------------------------------------------

  /**
   * Makes these events available in the records system the connector reads, in this order (a new
   * file in the drop folder, rows in the change table, requests queued at the sender). A malformed
   * event must be published in a form the connector cannot turn into a valid event.
   */
  protected abstract void publish(List<KitEvent> events);

  /**
   * Lets the connector deliver what has been published to {@code ingest}, and returns when it has
   * caught up or after its first failure (without waiting for retries). Within one test, {@code
   * ingest} is always the same object; the kit makes it fail when a test needs that.
   */
  protected abstract void deliver(RecordIngest ingest);

  /**
   * Simulates the host crashing and starting again: whatever the connector holds in memory is lost,
   * what it stored durably is kept. The next {@link #deliver} uses the restarted connector.
   */
  protected abstract void restart();

  /** The capabilities the connector has. Default: all of them. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /**
   * The batch size the connector is configured with in this test; tests publish more events than
   * fit in one batch. Default: 4.
   */
  protected int batchSize() {
    return 4;
  }

  /**
   * The ingest behind the kit's fault injection, made once per test. Default: the SDK's own ingest
   * ({@code TrackMyCrime#ingest()}) on a fresh, migrated H2 database that serves the force {@link
   * KitEvent#FORCE}.
   */
  protected RecordIngest createIngest() {
    TrackMyCrime tmc = sdk.trackMyCrime();
    tmc.forces()
        .save(new Force(KitEvent.FORCE, "Compatibility Kit Police", ForceSettings.defaults()));
    return tmc.ingest();
  }

  /**
   * The SDK's database of this test (fresh for every test), for connectors that keep their
   * checkpoint in it.
   */
  protected final TmcDatabase sdkDatabase() {
    return sdk;
  }

  // ---- helpers for connector tests -------------------------------------------------------

  /** The next {@code count} good events, with ids unique within the test. */
  protected final List<KitEvent> goodEvents(int count) {
    List<KitEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(KitEvent.good(nextGood++));
    }
    return events;
  }

  /** The next malformed event. */
  protected final KitEvent malformedEvent() {
    return KitEvent.malformed(nextMalformed++);
  }

  /** The ingest this test hands to the connector (with the kit's fault injection). */
  protected final FaultyIngest kitIngest() {
    return ingest;
  }

  @BeforeEach
  final void createKitIngest() {
    ingest = new FaultyIngest(createIngest());
  }

  // ---- the tests ---------------------------------------------------------------------------

  @Test
  @DisplayName("delivers every published event, each with an origin")
  void deliversEveryPublishedEvent() {
    List<KitEvent> events = goodEvents(batchSize() * 2 + 1);
    publish(events);

    deliver(ingest);

    assertEachAppliedOnce(events);
    for (RawEvent offered : ingest.offered()) {
      assertTrue(
          offered.origin() != null && !offered.origin().isBlank(),
          "every event needs an origin (a file and line, a request) for reports");
    }
  }

  @Test
  @DisplayName(
      "delivers events published after an earlier delivery, without offering the first ones again")
  void deliversEventsPublishedAfterAnEarlierDelivery() {
    List<KitEvent> first = goodEvents(batchSize() + 1);
    publish(first);
    deliver(ingest);
    List<KitEvent> second = goodEvents(batchSize() + 2);
    publish(second);

    deliver(ingest);

    List<KitEvent> all = new ArrayList<>(first);
    all.addAll(second);
    assertEachAppliedOnce(all);
    assertEquals(0, count(IngestStatus.DUPLICATE), "nothing committed may be offered again");
  }

  @Test
  @DisplayName("delivers nothing, and does not fail, when nothing is published")
  void deliversNothingWhenNothingIsPublished() {
    deliver(ingest);

    assertTrue(ingest.offered().isEmpty(), "nothing to offer");
  }

  @Test
  @DisplayName(
      "does not advance the checkpoint when the ingest fails: the events are offered again")
  void doesNotAdvanceTheCheckpointWhenTheIngestFails() {
    List<KitEvent> events = goodEvents(batchSize() + 3);
    publish(events);
    ingest.failFromCall(1);
    deliver(ingest);
    assertTrue(ingest.committed().isEmpty(), "the failing ingest committed nothing");

    ingest.healthy();
    deliver(ingest);

    assertEachAppliedOnce(events);
  }

  @Test
  @DisplayName("offers uncommitted events again after a restart")
  void offersUncommittedEventsAgainAfterARestart() {
    List<KitEvent> events = goodEvents(batchSize() + 3);
    publish(events);
    ingest.failFromCall(1);
    deliver(ingest);

    restart();
    ingest.healthy();
    deliver(ingest);

    assertEachAppliedOnce(events);
  }

  @Test
  @DisplayName("resumes after a restart from the last commit: nothing lost, nothing applied twice")
  void resumesAfterARestartWithoutLossOrDuplicates() {
    List<KitEvent> events = goodEvents(batchSize() * 3);
    publish(events);
    ingest.failFromCall(2);
    deliver(ingest);
    assertEquals(
        batchSize(),
        ingest.committed().size(),
        "exactly the first batch committed before the failure");

    restart();
    ingest.healthy();
    deliver(ingest);

    assertEachAppliedOnce(events);
    assertEquals(
        0,
        count(IngestStatus.DUPLICATE),
        "the batch committed before the failure must not be offered again");
  }

  @Test
  @DisplayName("after a crash between commit and checkpoint, offers only the batch in hand again")
  void offersOnlyTheBatchInHandAgainAfterACrashBetweenCommitAndCheckpoint() {
    List<KitEvent> events = goodEvents(batchSize() * 3);
    publish(events);
    ingest.crashAfterCommitOfCall(2);
    deliver(ingest);

    restart();
    ingest.healthy();
    deliver(ingest);

    assertEachAppliedOnce(events);
    long duplicates = count(IngestStatus.DUPLICATE);
    assertTrue(
        duplicates >= 1,
        "the batch committed just before the crash was never acknowledged, so it must be offered"
            + " again (and come back DUPLICATE); none was: was the checkpoint stored before the"
            + " commit?");
    assertTrue(
        duplicates <= batchSize(),
        "only the batch in hand at the crash may be offered again, but "
            + duplicates
            + " events came back DUPLICATE");
  }

  @Test
  @DisplayName("after a restart, never applies committed events again")
  void neverAppliesCommittedEventsAgainAfterARestart() {
    List<KitEvent> events = goodEvents(batchSize() * 2);
    publish(events);
    deliver(ingest);
    int offeredBefore = ingest.offered().size();

    restart();
    deliver(ingest);

    if (capabilities().contains(Capability.DURABLE_CHECKPOINT)) {
      assertEquals(
          offeredBefore,
          ingest.offered().size(),
          "a restarted connector with its own checkpoint must resume after it");
    }
    // without one (a push connector's sender may send again), anything re-offered is a no-op
    assertEachAppliedOnce(events);
  }

  @Test
  @DisplayName("reports a malformed event as REJECTED without blocking the good ones around it")
  void rejectsAMalformedEventWithoutBlockingTheGoodOnesAroundIt() {
    List<KitEvent> before = goodEvents(2);
    KitEvent bad = malformedEvent();
    List<KitEvent> after = goodEvents(batchSize() + 1);
    List<KitEvent> published = new ArrayList<>(before);
    published.add(bad);
    published.addAll(after);
    publish(published);

    deliver(ingest);
    List<KitEvent> later = goodEvents(1);
    publish(later);
    deliver(ingest);

    List<KitEvent> good = new ArrayList<>(before);
    good.addAll(after);
    good.addAll(later);
    assertEachAppliedOnce(good);
    List<IngestOutcome> rejected =
        ingest.committed().stream().filter(o -> o.status() == IngestStatus.REJECTED).toList();
    assertEquals(1, rejected.size(), "exactly the malformed event is rejected");
    IngestOutcome outcome = rejected.get(0);
    assertAll(
        () ->
            assertTrue(
                outcome.eventId() == null || outcome.eventId().equals(bad.eventId()),
                "the rejected outcome is the malformed event's, not " + outcome.eventId()),
        () -> assertFalse(outcome.problems().isEmpty(), "a rejection says why"));
  }

  // ---- assertions ------------------------------------------------------------------------

  /**
   * Every one of {@code events} was APPLIED exactly once in this test, across restarts, and nothing
   * else was applied.
   */
  protected final void assertEachAppliedOnce(List<KitEvent> events) {
    Map<String, Long> applied =
        ingest.committed().stream()
            .filter(o -> o.status() == IngestStatus.APPLIED)
            .collect(Collectors.groupingBy(IngestOutcome::eventId, Collectors.counting()));
    List<Executable> checks = new ArrayList<>();
    for (KitEvent event : events) {
      long times = applied.getOrDefault(event.eventId(), 0L);
      checks.add(
          () ->
              assertEquals(
                  1L,
                  times,
                  () ->
                      "event "
                          + event.eventId()
                          + " must be APPLIED exactly once, but was "
                          + (times == 0
                              ? "never delivered (lost)"
                              : "applied " + times + " times")));
    }
    long total = applied.values().stream().mapToLong(Long::longValue).sum();
    checks.add(
        () ->
            assertEquals(
                events.size(),
                total,
                "APPLIED outcomes across restarts must equal the number of distinct events"));
    assertAll(checks);
  }

  private long count(IngestStatus status) {
    return ingest.committed().stream().filter(o -> o.status() == status).count();
  }
}
