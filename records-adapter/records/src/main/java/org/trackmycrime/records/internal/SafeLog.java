package org.trackmycrime.records.internal;

import org.trackmycrime.core.TrackMyCrimeException;

/**
 * Describes an exception for a log line without risking personal data: the SDK's own exceptions
 * carry identifiers only, but a driver's or parser's message may quote the text it choked on.
 */
public final class SafeLog {
  private SafeLog() {}

  /** The class name, and the message only when it is one of the SDK's own exceptions. */
  public static String describe(Throwable error) {
    if (error instanceof TrackMyCrimeException) {
      return error.getClass().getName() + ": " + error.getMessage();
    }
    return error.getClass().getName();
  }
}
