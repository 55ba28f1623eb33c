package org.trackmycrime.records.jdbcpoll;

/** How the cursor column is compared and bound. */
public enum CursorType {
  /** A whole number (a change id, a sequence); the usual choice. */
  LONG,
  /** Text that sorts in change order (a zero-padded id, a ULID). */
  TEXT
}
