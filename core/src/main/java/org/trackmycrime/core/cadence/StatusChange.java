package org.trackmycrime.core.cadence;

import java.time.Instant;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.CrimeStatus;

/**
 * A crime was closed or reopened. Closing stops regular updates; reopening starts them again,
 * counting from the reopening.
 *
 * @param at when the records system closed or reopened the crime
 * @param status the status from then on: {@code CLOSED}, or {@code OPEN} for a reopening
 */
public record StatusChange(Instant at, CrimeStatus status) {
  public StatusChange {
    new Checks().notNull("statusChange.at", at).notNull("statusChange.status", status).throwIfAny();
  }

  public static StatusChange closed(Instant at) {
    return new StatusChange(at, CrimeStatus.CLOSED);
  }

  public static StatusChange reopened(Instant at) {
    return new StatusChange(at, CrimeStatus.OPEN);
  }
}
