package org.trackmycrime.notifications.internal;

import java.time.Instant;
import org.trackmycrime.core.model.Channel;

/**
 * An outbox row as the dispatcher reads it, with its dispatch columns; {@code channel} is the only
 * channel a queued victim message may go on, or null.
 */
public record OutboxRow(
    long id,
    String force,
    String idempotencyKey,
    String kind,
    String crimeRef,
    String victimRef,
    String entryKey,
    String status,
    Instant createdAt,
    int attempts,
    String params,
    Channel channel) {}
