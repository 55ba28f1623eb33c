package org.trackmycrime.core.ingest;

import java.util.List;
import org.trackmycrime.core.ValidationException.Problem;

/**
 * The result of offering one record event to the ingest.
 *
 * @param origin where the caller got the event (a file and line, a request), for reports; may be
 *     null
 * @param source the event's {@code source}, or null when it could not be read
 * @param eventId the event's {@code eventId}, or null when it could not be read
 * @param problems why it was rejected; empty unless {@link IngestStatus#REJECTED}
 * @param rejectedId the id of its row in the rejected list, or null unless rejected
 */
public record IngestOutcome(
    IngestStatus status,
    String origin,
    String source,
    String eventId,
    List<Problem> problems,
    Long rejectedId) {
  public IngestOutcome {
    problems = List.copyOf(problems);
  }

  /** True when the event is safely held: applied, applied before, or parked. */
  public boolean accepted() {
    return status != IngestStatus.REJECTED;
  }
}
