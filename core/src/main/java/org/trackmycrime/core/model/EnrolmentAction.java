package org.trackmycrime.core.model;

/** Something that changes a victim's enrolment. */
public enum EnrolmentAction {
  ENROL,
  DECLINE,
  OPT_OUT,
  OPT_IN,
  ASSESS_SUITABLE,
  ASSESS_UNSUITABLE;

  boolean isAssessment() {
    return this == ASSESS_SUITABLE || this == ASSESS_UNSUITABLE;
  }
}
