package org.trackmycrime.core.internal.cadence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The index keeps due times to the second, as {@code Deadline} counts them: on time up to the end
 * of the due second, overdue from the next one. So in SQL, overdue is {@code due_at < } {@link
 * #overdueCutoff(Instant)}.
 */
final class Deadlines {
  private Deadlines() {}

  /** The due time as stored: the last second that still counts as on time. */
  static Instant stored(Instant dueAt) {
    return dueAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The first instant at which an obligation due at {@code dueAt} is overdue. */
  static Instant overdueFrom(Instant dueAt) {
    return stored(dueAt).plusSeconds(1);
  }

  /** Rows with {@code due_at} before this are overdue at {@code now}. */
  static Instant overdueCutoff(Instant now) {
    return now.truncatedTo(ChronoUnit.SECONDS);
  }

  static boolean isOverdue(Instant dueAt, Instant now) {
    return !now.isBefore(overdueFrom(dueAt));
  }
}
