package org.trackmycrime.core.ingest;

import java.time.Instant;
import java.util.List;
import org.trackmycrime.core.ValidationException.Problem;

/**
 * An event the ingest refused, as an operator sees it in the list. The raw text is fetched
 * separately ({@link RejectedEvents#rawText}) because it holds personal data and reading it is
 * audited.
 *
 * @param source the event's source, if it could be read
 * @param eventId the event's id, if it could be read
 * @param force the event's force, if it could be read
 */
public record RejectedEvent(
    long id,
    Instant receivedAt,
    String origin,
    String source,
    String eventId,
    String force,
    List<Problem> problems,
    Status status) {

  /** Where the rejected event stands. */
  public enum Status {
    /** Waiting for an operator. */
    OPEN,
    /** Replayed (as given or corrected) and accepted. */
    REPLAYED,
    /** Set aside by an operator. */
    DISCARDED
  }

  public RejectedEvent {
    problems = List.copyOf(problems);
  }
}
