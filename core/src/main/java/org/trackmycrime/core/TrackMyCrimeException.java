package org.trackmycrime.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one unchecked exception root of the SDK. Each area has its own subclass; every instance
 * carries context (force, crime reference, victim ref, event id, channel) as key/value pairs that
 * are safe to log: identifiers only, never names, contact details or message text.
 */
public class TrackMyCrimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Context keys used across the SDK. */
  public static final String FORCE = "force";

  public static final String CRIME_REFERENCE = "crimeReference";
  public static final String VICTIM_REF = "victimRef";
  public static final String EVENT_ID = "eventId";
  public static final String CHANNEL = "channel";

  private final Map<String, String> context;

  public TrackMyCrimeException(String message) {
    this(message, Map.of(), null);
  }

  public TrackMyCrimeException(String message, Throwable cause) {
    this(message, Map.of(), cause);
  }

  public TrackMyCrimeException(String message, Map<String, String> context, Throwable cause) {
    super(message, cause);
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  /** Identifiers describing where the failure happened; safe to log. */
  public Map<String, String> context() {
    return context;
  }

  @Override
  public String getMessage() {
    String base = super.getMessage();
    return context.isEmpty() ? base : base + " " + context;
  }
}
