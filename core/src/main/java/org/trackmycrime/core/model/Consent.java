package org.trackmycrime.core.model;

/** Whether the victim wants updates. */
public enum Consent {
  /** Nothing recorded yet. */
  NONE,
  /** Enrolled: by default when the crime is recorded, or after opting back in. */
  ENROLLED,
  /** Declined updates when reporting. */
  DECLINED,
  /** Opted out after being enrolled. */
  OPTED_OUT
}
