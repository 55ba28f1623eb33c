package org.trackmycrime.core.model;

import java.util.Objects;

/**
 * Who did something, by reference only (an officer's ref, a victim's ref, a records system's source
 * name), never by name, so it can be stored in audit rows and logged.
 */
public record Actor(ActorType type, String ref) {
  public Actor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ref, "ref");
  }

  public static Actor victim(String victimRef) {
    return new Actor(ActorType.VICTIM, victimRef);
  }

  public static Actor officer(String officerRef) {
    return new Actor(ActorType.OFFICER, officerRef);
  }

  public static Actor staff(String staffId) {
    return new Actor(ActorType.STAFF, staffId);
  }

  public static Actor recordsSystem(String source) {
    return new Actor(ActorType.RECORDS_SYSTEM, source);
  }

  public static Actor system() {
    return new Actor(ActorType.SYSTEM, "trackmycrime");
  }

  /** Parses the {@code TYPE:ref} form written by {@link #toString()}. */
  public static Actor parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("actor must be TYPE:ref, not " + text);
    }
    return new Actor(ActorType.valueOf(text.substring(0, colon)), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return type + ":" + ref;
  }
}
