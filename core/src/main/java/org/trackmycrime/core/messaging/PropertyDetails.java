package org.trackmycrime.core.messaging;

import org.trackmycrime.core.internal.Checks;

/**
 * What a victim adds about one property item of their crime; at least one of the serial number,
 * description and value is required (checked when the message is sent).
 *
 * @param itemRef the property item's reference ({@code PropertyItem#itemRef()}) on the same crime
 * @param serialNumber a serial or IMEI number, or null
 * @param description the victim's description (make, colour, marks), or null
 * @param valuePence the victim's estimate of its value in pence, or null
 */
public record PropertyDetails(
    String itemRef, String serialNumber, String description, Long valuePence) {
  public static final int MAX_SERIAL = 100;
  public static final int MAX_DESCRIPTION = 1000;

  public PropertyDetails {
    serialNumber = blankToNull(serialNumber);
    description = blankToNull(description);
    new Checks()
        .ref("propertyDetails.itemRef", itemRef)
        .optionalText("propertyDetails.serialNumber", serialNumber, MAX_SERIAL)
        .optionalText("propertyDetails.description", description, MAX_DESCRIPTION)
        .require(
            valuePence == null || valuePence >= 0,
            "propertyDetails.valuePence",
            "must not be negative")
        .require(
            serialNumber != null || description != null || valuePence != null,
            "propertyDetails",
            "must give at least one of serialNumber, description or valuePence")
        .throwIfAny();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The item only: the victim's details are left out on purpose. */
  @Override
  public String toString() {
    return "PropertyDetails[" + itemRef + "]";
  }
}
