package org.trackmycrime.records.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Set;
import org.trackmycrime.core.TrackMyCrimeException;

/**
 * Describes an exception for a log line without risking personal data: the SDK's own exceptions
 * carry identifiers only, but a driver's or parser's message may quote the text it choked on.
 */
public final class SafeLog {
  /**
   * The operating system's own texts for the errors an operator must act on. A plain {@link
   * IOException} from a write (such as a full disk) carries only this text; any other message is
   * left out, since it could quote anything.
   */
  private static final Set<String> OS_REASONS =
      Set.of(
          "No space left on device",
          "Disk quota exceeded",
          "Read-only file system",
          "Permission denied",
          "Operation not permitted",
          "Input/output error",
          "Too many open files",
          "File too large",
          "Stale file handle",
          "No such file or directory");

  private SafeLog() {}

  /**
   * The class name, and the message only when it is one of the SDK's own exceptions; then the
   * cause's class name and, for a file-system error, the operating system's reason (such as "No
   * space left on device"), which names no file and quotes no content: a {@link
   * FileSystemException}'s reason, or a plain {@link IOException}'s message when it is one of the
   * operating system's known error texts.
   */
  public static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.getClass().getName());
    if (error instanceof TrackMyCrimeException) {
      text.append(": ").append(error.getMessage());
    }
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      text.append(", caused by ").append(cause.getClass().getName());
      String reason = osReason(cause);
      if (reason != null) {
        text.append(" (").append(reason).append(')');
      }
    }
    return text.toString();
  }

  private static String osReason(Throwable cause) {
    if (cause instanceof FileSystemException fs) {
      return fs.getReason();
    }
    if (cause instanceof IOException && OS_REASONS.contains(cause.getMessage())) {
      return cause.getMessage();
    }
    return null;
  }
}
