package org.trackmycrime.core;

import java.util.Map;

/** A database operation failed; wraps the driver's or Jdbi's exception. */
public class PersistenceException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  public PersistenceException(String message, Map<String, String> context, Throwable cause) {
    super(message, context, cause);
  }
}
