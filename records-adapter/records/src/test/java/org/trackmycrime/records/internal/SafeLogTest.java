package org.trackmycrime.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.records.ConnectorException;

class SafeLogTest {
  @Test
  void anSdkExceptionShowsItsMessageAndTheOperatingSystemsReasonButNoFileName() {
    FileSystemException disk =
        new FileSystemException("/drop/secret-name.jsonl", null, "No space left on device");
    String line =
        SafeLog.describe(
            new ConnectorException(
                "file-drop", "Storing the checkpoint failed", Map.of("folder", "/drop"), disk));

    assertThat(line)
        .contains("Storing the checkpoint failed")
        .contains("folder=/drop")
        .endsWith(", caused by java.nio.file.FileSystemException (No space left on device)")
        .doesNotContain("secret-name");
  }

  @Test
  void aWriteOnAFullDiskShowsTheOperatingSystemsTextButNoOtherIoMessage() {
    String full =
        SafeLog.describe(
            new ConnectorException(
                "file-drop",
                "Storing the checkpoint failed",
                Map.of("folder", "/drop"),
                new IOException("No space left on device")));
    String other =
        SafeLog.describe(
            new ConnectorException(
                "file-drop",
                "Reading failed",
                Map.of("folder", "/drop"),
                new IOException("line 3: Sam Victim <sam@example.org>")));

    assertThat(full).endsWith(", caused by java.io.IOException (No space left on device)");
    assertThat(other)
        .endsWith(", caused by java.io.IOException")
        .doesNotContain("Sam")
        .doesNotContain("example.org");
  }

  @Test
  void anyOtherExceptionShowsOnlyClassNames() {
    String line =
        SafeLog.describe(
            new IllegalStateException(
                "quoted <script>text</script>", new IllegalArgumentException("more text")));

    assertThat(line)
        .isEqualTo("java.lang.IllegalStateException, caused by java.lang.IllegalArgumentException");
  }
}
