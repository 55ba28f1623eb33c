package org.trackmycrime.records;

import java.time.Duration;
import java.time.Instant;

/**
 * A connector step that failed. Nothing of the batch in hand was acknowledged; it is offered again.
 *
 * @param connector the connector's name
 * @param stage what failed
 * @param error the exception; its message may come from a driver, so log it with care
 * @param consecutiveFailures failures since the last success, this one included
 * @param retryIn how long the runner waits before the next attempt
 * @param at when it failed
 */
public record ConnectorFailure(
    String connector,
    Stage stage,
    Throwable error,
    int consecutiveFailures,
    Duration retryIn,
    Instant at) {

  /** Which step of a delivery failed. */
  public enum Stage {
    /** Reading the next batch from the records system. */
    POLL,
    /** Committing the batch through the ingest (typically a database failure). */
    INGEST,
    /** Storing the checkpoint after the commit; the batch will be offered again. */
    ACKNOWLEDGE
  }

  /** Names the exception's class only: its message might carry text from a records system. */
  @Override
  public String toString() {
    return "ConnectorFailure[connector="
        + connector
        + ", stage="
        + stage
        + ", error="
        + error.getClass().getName()
        + ", consecutiveFailures="
        + consecutiveFailures
        + ", retryIn="
        + retryIn
        + ", at="
        + at
        + "]";
  }
}
