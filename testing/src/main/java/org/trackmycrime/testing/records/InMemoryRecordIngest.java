package org.trackmycrime.testing.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;

/**
 * A {@link RecordIngest} held in memory, for testing connectors without a database. It keeps the
 * ingest's contract where a connector can see it, and checks only the envelope:
 *
 * <ul>
 *   <li>a document that is not a JSON object, or lacks a {@code source} or {@code eventId} string,
 *       or has a {@code data} that is not an object, comes back {@code REJECTED} and is kept in
 *       {@link #rejected()};
 *   <li>the first delivery of a {@code (source, eventId)} is {@code APPLIED}, every later one
 *       {@code DUPLICATE} (also within one batch);
 *   <li>{@link #ingestAll} is all or nothing: {@link #failNext(int)} and {@link
 *       #failAlways(boolean)} make it throw a {@link PersistenceException} and commit nothing, like
 *       a database failure.
 * </ul>
 *
 * <p>It never parks events. Thread-safe.
 */
public final class InMemoryRecordIngest implements RecordIngest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An event kept in the rejected list.
   *
   * @param id its id in the list, as given in the outcome's {@code rejectedId}
   * @param origin where the connector said it came from
   * @param json its text as received
   * @param problems why it was rejected
   */
  public record Rejected(long id, String origin, String json, List<Problem> problems) {
    public Rejected {
      problems = List.copyOf(problems);
    }

    /** Leaves the event's text out: it may hold a victim's details. */
    @Override
    public String toString() {
      return "Rejected[id=" + id + ", origin=" + origin + ", problems=" + problems + "]";
    }
  }

  private final Set<String> applied = new HashSet<>();
  private final List<String> appliedEventIds = new ArrayList<>();
  private final List<IngestOutcome> outcomes = new ArrayList<>();
  private final List<Rejected> rejected = new ArrayList<>();
  private int failuresToCome;
  private boolean failAlways;
  private int calls;

  /**
   * The next {@code calls} calls to {@link #ingest} or {@link #ingestAll} fail and commit nothing.
   */
  public synchronized InMemoryRecordIngest failNext(int calls) {
    this.failuresToCome = calls;
    return this;
  }

  /** While true, every call fails and commits nothing. */
  public synchronized InMemoryRecordIngest failAlways(boolean value) {
    this.failAlways = value;
    return this;
  }

  @Override
  public IngestOutcome ingest(RawEvent event) {
    return ingestAll(List.of(event)).get(0);
  }

  @Override
  public synchronized List<IngestOutcome> ingestAll(List<RawEvent> events) {
    calls++;
    if (failAlways || failuresToCome > 0) {
      if (failuresToCome > 0) {
        failuresToCome--;
      }
      throw new PersistenceException(
          "Simulated database failure: nothing of the batch was committed", Map.of(), null);
    }
    List<IngestOutcome> batch = new ArrayList<>(events.size());
    for (RawEvent event : events) {
      batch.add(apply(event));
    }
    outcomes.addAll(batch);
    return batch;
  }

  private IngestOutcome apply(RawEvent event) {
    List<Problem> problems = new ArrayList<>();
    String source = null;
    String eventId = null;
    JsonNode root = null;
    try {
      root = JSON.readTree(event.json());
    } catch (JsonProcessingException e) {
      problems.add(new Problem("(document)", "is not valid JSON"));
    }
    if (root != null && !root.isObject()) {
      problems.add(new Problem("(document)", "must be a JSON object"));
    } else if (root != null) {
      source = text(root, "source", problems);
      eventId = text(root, "eventId", problems);
      JsonNode data = root.get("data");
      if (data != null && !data.isObject()) {
        problems.add(new Problem("data", "must be an object"));
      }
    }
    if (!problems.isEmpty()) {
      long id = rejected.size() + 1L;
      rejected.add(new Rejected(id, event.origin(), event.json(), problems));
      return new IngestOutcome(
          IngestStatus.REJECTED, event.origin(), source, eventId, problems, id);
    }
    boolean first = applied.add(source + '\u0000' + eventId);
    if (first) {
      appliedEventIds.add(eventId);
    }
    return new IngestOutcome(
        first ? IngestStatus.APPLIED : IngestStatus.DUPLICATE,
        event.origin(),
        source,
        eventId,
        List.of(),
        null);
  }

  private static String text(JsonNode root, String field, List<Problem> problems) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(new Problem(field, "is required and must be a non-blank string"));
      return null;
    }
    return node.asText();
  }

  /** The event ids applied, in the order they were first applied. */
  public synchronized List<String> appliedEventIds() {
    return List.copyOf(appliedEventIds);
  }

  /** Every outcome of every committed call, in order. */
  public synchronized List<IngestOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** The rejected list. */
  public synchronized List<Rejected> rejected() {
    return List.copyOf(rejected);
  }

  /** How many times the ingest was called, failed calls included. */
  public synchronized int calls() {
    return calls;
  }
}
