package org.trackmycrime.core.model;

/**
 * The kinds of processing of personal data that the Data Protection Act 2018 s.62 requires logged.
 */
public enum AuditAction {
  COLLECTION,
  CONSULTATION,
  ALTERATION,
  DISCLOSURE,
  COMBINATION,
  ERASURE
}
