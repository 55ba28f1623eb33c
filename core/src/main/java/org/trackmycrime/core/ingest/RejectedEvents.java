package org.trackmycrime.core.ingest;

import java.util.List;
import org.trackmycrime.core.model.Actor;

/**
 * The operator's list of events the ingest refused: list them, read one, fix and replay, discard.
 */
public interface RejectedEvents {
  /**
   * Rejected events, newest first.
   *
   * @param force only this force's (null: all, including events whose force could not be read)
   * @param status only this status (null: all)
   */
  List<RejectedEvent> list(String force, RejectedEvent.Status status, int offset, int limit);

  /** The event's text as received. Holds personal data: the read is audited against the actor. */
  String rawText(long id, Actor operator);

  /**
   * Offers the event again, corrected (or as it was, when the records system's reference data was
   * fixed). When accepted the row becomes {@link RejectedEvent.Status#REPLAYED}; when still broken
   * it stays open and the new problems are returned.
   */
  IngestOutcome replay(long id, String correctedJson, Actor operator);

  /** Sets the event aside with a reason. */
  void discard(long id, Actor operator, String reason);
}
