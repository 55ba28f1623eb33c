package org.trackmycrime.core.model;

/** How a suspect's bail changed (record event {@code BAIL_CHANGED.change}). */
public enum BailChange {
  VARIED,
  CANCELLED
}
