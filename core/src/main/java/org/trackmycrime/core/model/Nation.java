package org.trackmycrime.core.model;

/**
 * The UK jurisdiction a force belongs to; it decides which bank holidays count as non-working days.
 */
public enum Nation {
  ENGLAND_AND_WALES,
  SCOTLAND,
  NORTHERN_IRELAND
}
