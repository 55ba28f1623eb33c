package org.trackmycrime.core.model;

/** Why a victim may not be alerted. */
public enum AlertBlock {
  NOT_ENROLLED("the victim's enrolment has not been recorded"),
  DECLINED("the victim declined updates when reporting the crime"),
  OPTED_OUT("the victim has opted out of updates"),
  RISK_ASSESSMENT_PENDING("no officer has yet assessed whether contact is safe and suitable"),
  RISK_UNSUITABLE("an officer assessed that contact is not suitable"),
  NO_USABLE_CHANNEL("the victim has no email address or mobile number that can be used");

  private final String explanation;

  AlertBlock(String explanation) {
    this.explanation = explanation;
  }

  /** A plain-English sentence for staff. */
  public String explanation() {
    return explanation;
  }
}
