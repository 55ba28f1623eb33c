package org.trackmycrime.core;

/** The SDK was built or configured wrongly (missing data source, bad setting). */
public class ConfigurationException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
