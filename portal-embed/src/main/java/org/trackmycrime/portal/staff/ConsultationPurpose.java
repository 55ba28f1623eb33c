package org.trackmycrime.portal.staff;

/** Why a member of staff looks at a victim's details; recorded with every consultation. */
public enum ConsultationPurpose {
  /** To write or check an update for the victim. */
  UPDATE_VICTIM,
  /** To record or review the risk assessment, or an opt-out or opt-in. */
  RISK_ASSESSMENT,
  /** To answer or follow up a message the victim sent. */
  RESPOND_TO_MESSAGE,
  /** To contact the victim about their safety. */
  SAFEGUARDING,
  /** To supervise the handling of the crime. */
  SUPERVISION
}
