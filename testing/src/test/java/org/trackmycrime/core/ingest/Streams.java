package org.trackmycrime.core.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Test data copied into this module's resources: the record-event contract's example stream and the
 * data.police.uk City of London files (Open Government Licence v3.0).
 */
final class Streams {
  private Streams() {}

  /** The contract's example stream: one crime's life. */
  static List<String> contractExample() {
    return lines("/contracts/record-event-v1.examples.jsonl").stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  static List<String> lines(String resource) {
    try (InputStream in = Streams.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
