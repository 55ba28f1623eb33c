package org.trackmycrime.portal;

import java.util.Map;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * The portal was asked for something its rules forbid (for example inviting an unsuitable victim).
 */
public class PortalException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  public PortalException(String message, Map<String, String> context) {
    super(message, context, null);
  }
}
