package org.trackmycrime.core;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything written to standard output and standard error (where the SDK's SLF4J simple logger
 * writes in these tests) while a piece of work runs, for tests that check what reaches the log.
 */
public final class LogCapture {
  private LogCapture() {}

  /** Runs {@code work} and returns what it logged; the streams are restored even if it throws. */
  public static String during(Runnable work) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
    try {
      System.setErr(capture);
      System.setOut(capture);
      work.run();
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    return log.toString(StandardCharsets.UTF_8);
  }
}
