package org.trackmycrime.core.updates;

import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.text.Depersonalised;

/**
 * Updates an officer writes to a crime's victims outside the records system (for example in the
 * staff console). Obtained from {@code tmc.officerUpdates()}.
 *
 * <p>The text goes through the {@link org.trackmycrime.core.text.Depersonaliser} with the names of
 * the crime's known suspects and witnesses, exactly as ingest treats an {@code OFFICER_UPDATE}
 * record event, and {@link #preview} shows the officer the same result {@link #publish} would
 * publish. The original text is not stored.
 */
public interface OfficerUpdates {
  /** The most characters an update may have, as for the record event's {@code data.text}. */
  int MAX_LENGTH = 4000;

  /**
   * What the victims would read: the text, stripped of leading and trailing space and
   * depersonalised, with the span of every replacement. Writes nothing.
   *
   * @throws org.trackmycrime.core.ValidationException when the text is blank or too long
   * @throws org.trackmycrime.core.NotFoundException when the force has no such crime
   */
  Depersonalised preview(String force, String crimeReference, String text);

  /**
   * Publishes the depersonalised text on the crime's timeline as an {@code OFFICER_UPDATE}, in one
   * transaction: the entry, an alert in the outbox for each victim who may be told now (the same
   * rule and alert key as ingest), the cadence index (the update meets the regular update owed),
   * and an audit row naming {@code by}.
   *
   * @throws org.trackmycrime.core.ValidationException when the text is blank or too long
   * @throws org.trackmycrime.core.NotFoundException when the force has no such crime
   */
  TimelineEntry publish(String force, String crimeReference, String text, Actor by);
}
