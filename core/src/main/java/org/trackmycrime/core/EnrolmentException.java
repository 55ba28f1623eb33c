package org.trackmycrime.core;

import java.util.Map;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.RiskStatus;

/** An enrolment change that the current state does not allow. */
public class EnrolmentException extends TrackMyCrimeException {
  private static final long serialVersionUID = 1L;

  private final EnrolmentAction action;
  private final Consent consent;
  private final RiskStatus risk;

  public EnrolmentException(
      String message,
      EnrolmentAction action,
      Consent consent,
      RiskStatus risk,
      Map<String, String> context) {
    super(message, context, null);
    this.action = action;
    this.consent = consent;
    this.risk = risk;
  }

  public EnrolmentException withContext(Map<String, String> more) {
    return new EnrolmentException(super.getMessage(), action, consent, risk, more);
  }

  public EnrolmentAction action() {
    return action;
  }

  public Consent consent() {
    return consent;
  }

  public RiskStatus risk() {
    return risk;
  }
}
