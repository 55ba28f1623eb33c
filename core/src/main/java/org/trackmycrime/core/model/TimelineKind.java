package org.trackmycrime.core.model;

/** What a victim-visible timeline entry is about. */
public enum TimelineKind {
  CRIME_RECORDED(false),
  OFFICER_ASSIGNED(false),
  SUSPECT_IDENTIFIED(false),
  WITNESS_IDENTIFIED(false),
  SUSPECT_ARRESTED(true),
  SUSPECT_INTERVIEWED(true),
  SUSPECT_RELEASED(true),
  BAIL_CHANGED(true),
  SUSPECT_CHARGED(true),
  NOT_INVESTIGATED(true),
  PROPERTY_UPDATED(false),
  OFFICER_UPDATE(false),
  OUTCOME(false),
  CASE_CLOSED(false),
  CASE_REOPENED(false),
  /**
   * Published by the SDK, when the force allows it, as a regular update is about to be missed with
   * nothing new: the case is still being investigated. It meets the update and is counted apart.
   */
  HOLDING_UPDATE(false);

  private final boolean keyDecision;

  TimelineKind(boolean keyDecision) {
    this.keyDecision = keyDecision;
  }

  /** True for the decisions the Victims' Code (Right 6) says a victim must be told of promptly. */
  public boolean isKeyDecision() {
    return keyDecision;
  }
}
