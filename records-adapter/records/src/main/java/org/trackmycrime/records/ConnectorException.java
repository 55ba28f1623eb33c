package org.trackmycrime.records;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * A connector could not read from its records system or store its checkpoint: a folder that is
 * missing or read-only, a change query that fails. The message says what to fix; the context names
 * the connector, never an event's content.
 */
public class ConnectorException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  /** Context key naming the connector. */
  public static final String CONNECTOR = "connector";

  public ConnectorException(String connector, String message) {
    this(connector, message, Map.of(), null);
  }

  public ConnectorException(String connector, String message, Throwable cause) {
    this(connector, message, Map.of(), cause);
  }

  /**
   * @param context further identifiers (a file name, a cursor value); safe to log
   */
  public ConnectorException(
      String connector, String message, Map<String, String> context, Throwable cause) {
    super(message, withConnector(connector, context), cause);
  }

  private static Map<String, String> withConnector(String connector, Map<String, String> context) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(CONNECTOR, connector);
    all.putAll(context);
    return all;
  }
}
