package org.trackmycrime.core.outbox;

import java.util.List;

/** Read access to the outbox; the notifications module claims and delivers from it. */
public interface Outbox {
  /** A crime's messages, oldest first. */
  List<OutboxMessage> forCrime(String force, String crimeReference);

  /** Messages of a force in a status, oldest first. */
  List<OutboxMessage> byStatus(String force, OutboxMessage.Status status, int limit);
}
