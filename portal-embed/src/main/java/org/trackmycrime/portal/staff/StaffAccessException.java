package org.trackmycrime.portal.staff;

import java.util.Map;
import org.trackmycrime.portal.PortalException;

/**
 * The member of staff's roles do not allow what they asked for (HTTP 403). A record of another
 * force is never reported this way: it is {@link org.trackmycrime.core.NotFoundException} (404).
 */
public class StaffAccessException extends PortalException {
  private static final long serialVersionUID = 1L;

  public StaffAccessException(String message, Map<String, String> context) {
    super(message, context);
  }
}
