package org.trackmycrime.examples.server;

/** The server cannot start; the message says what to fix and never quotes a secret. */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message);
  }
}
