package org.trackmycrime.records;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one connector's health.
 *
 * @param connector the connector's name
 * @param status UP, DEGRADED or DOWN
 * @param detail a short explanation ({@code "running"}, {@code "stopped"}, {@code "3 failures in a
 *     row"}); identifiers only
 * @param lastErrorType the class name of the last failure, or null when there has been none
 * @param lastErrorAt when the last failure happened, or null
 * @param consecutiveFailures failures since the last success
 * @param lastCommittedAt when a batch was last committed, or null
 */
public record ConnectorHealth(
    String connector,
    HealthStatus status,
    String detail,
    String lastErrorType,
    Instant lastErrorAt,
    int consecutiveFailures,
    Instant lastCommittedAt) {
  public ConnectorHealth {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
