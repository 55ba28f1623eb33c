package org.trackmycrime.core.messaging;

import java.time.Instant;

/** A reply to a victim's message, as the victim sees it: the words and when (never who). */
public record Reply(String text, Instant at) {
  /** The time only: the text is left out on purpose. */
  @Override
  public String toString() {
    return "Reply[" + at + "]";
  }
}
