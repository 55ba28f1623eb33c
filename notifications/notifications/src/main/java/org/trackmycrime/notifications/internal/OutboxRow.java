package org.trackmycrime.notifications.internal;

import java.time.Instant;

/** An outbox row as the dispatcher reads it, with its dispatch columns. */
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
    String params) {}
