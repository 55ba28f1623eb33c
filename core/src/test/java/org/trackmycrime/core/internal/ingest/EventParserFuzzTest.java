package org.trackmycrime.core.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text offered as a record event v1 is either parsed or rejected with problems; nothing else
 * comes out (no exception, no hang, no out-of-memory). Regression mode runs the committed seeds in
 * {@code EventParserFuzzTestInputs/parse}; see the core README for the fuzzing command.
 */
class EventParserFuzzTest {
  private static final EventParser PARSER = new EventParser();

  @FuzzTest(maxDuration = "60s")
  void parse(byte[] input) {
    String json = new String(input, StandardCharsets.UTF_8);
    EventParser.Result result = PARSER.parse(json);
    assertThat(result).isNotNull();
    if (result instanceof EventParser.Invalid invalid) {
      assertThat(invalid.problems()).isNotEmpty();
    } else {
      assertThat(((EventParser.Parsed) result).event()).isNotNull();
    }
  }
}
