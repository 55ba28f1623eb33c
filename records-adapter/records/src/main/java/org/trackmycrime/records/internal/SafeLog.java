package org.trackmycrime.records.internal;

import java.nio.file.FileSystemException;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * Describes an exception for a log line without risking personal data: the SDK's own exceptions
 * carry identifiers only, but a driver's or parser's message may quote the text it choked on.
 */
public final class SafeLog {
  private SafeLog() {}

  /**
   * The class name, and the message only when it is one of the SDK's own exceptions; then the
   * cause's class name and, for a file-system error, the operating system's reason (such as "No
   * space left on device"), which names no file and quotes no content.
   */
  public static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getName());
    if (error instanceof TrackMyCrimeException) {
      text.append(": ").append(error.getMessage());
    }
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      text.append(", caused by ").append(cause.getClass().getName());
      if (cause instanceof FileSystemException fs && fs.getReason() != null) {
        text.append(" (").append(fs.getReason()).append(')');
      }
    }
    return text.toString();
  }
}
