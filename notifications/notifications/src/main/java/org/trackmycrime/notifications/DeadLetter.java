package org.trackmycrime.notifications;

import java.time.Instant;

/**
 * A message given up after its last attempt, for an operator to look at and retry.
 *
 * @param id the outbox row's id
 * @param crimeReference the crime it is about, or null
 * @param victimRef the victim it is for or about, or null
 * @param attempts sending passes made
 * @param error the last failure's code (never message text or addresses)
 * @param deadAt when it was given up
 */
public record DeadLetter(
    long id,
    String force,
    String kind,
    String crimeReference,
    String victimRef,
    int attempts,
    String error,
    Instant deadAt) {}
