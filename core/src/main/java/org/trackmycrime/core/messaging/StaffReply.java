package org.trackmycrime.core.messaging;

import java.time.Instant;
import org.trackmycrime.core.model.Actor;

/** A reply as staff see it: the words, when, and who sent it. */
public record StaffReply(String text, Instant at, Actor by) {
  /** Without the text. */
  @Override
  public String toString() {
    return "StaffReply[" + at + " " + by + "]";
  }
}
