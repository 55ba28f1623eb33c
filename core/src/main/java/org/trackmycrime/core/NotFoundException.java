package org.trackmycrime.core;

import java.util.Map;

/** Something asked for by its reference does not exist in the caller's force. */
public class NotFoundException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, Map<String, String> context) {
    super(message, context, null);
  }
}
