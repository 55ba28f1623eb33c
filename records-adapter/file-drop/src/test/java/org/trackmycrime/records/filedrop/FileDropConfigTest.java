package org.trackmycrime.records.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;

class FileDropConfigTest {

  @Test
  void defaultsToAProcessedFolderInsideTheDropFolderAndBatchesOf500() {
    FileDropConfig c = FileDropConfig.builder(Path.of("/srv/drop")).build();

    assertThat(c.name()).isEqualTo("file-drop");
    assertThat(c.processedDirectory()).isEqualTo(Path.of("/srv/drop/processed"));
    assertThat(c.batchSize()).isEqualTo(500);
    assertThat(c.minFileAge()).isZero();
    assertThat(c.maxLineBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    assertThatThrownBy(
            () ->
                FileDropConfig.builder(null)
                    .name("has space")
                    .batchSize(0)
                    .minFileAge(Duration.ofSeconds(-1))
                    .maxLineBytes(10)
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("name: must be")
        .hasMessageContaining("directory: is required")
        .hasMessageContaining("batchSize: must be 1 to 10000")
        .hasMessageContaining("minFileAge: must be between 0 and 1 day")
        .hasMessageContaining("maxLineBytes: must be");
  }

  @Test
  void theProcessedFolderCannotBeTheDropFolder() {
    assertThatThrownBy(
            () ->
                FileDropConfig.builder(Path.of("/srv/drop"))
                    .processedDirectory(Path.of("/srv/drop/"))
                    .build())
        .hasMessageContaining("processedDirectory: must not be the drop folder itself");
  }

  @Test
  void readsItsKeysFromProperties() {
    FileDropConfig c =
        FileDropConfig.fromProperties(
            Map.of(
                "name", "niche-drop",
                "directory", "/srv/drop",
                "processedDirectory", "/srv/done",
                "batchSize", "100",
                "minFileAge", "5s",
                "maxLineBytes", "4096"));

    assertThat(c)
        .isEqualTo(
            new FileDropConfig(
                "niche-drop",
                Path.of("/srv/drop"),
                Path.of("/srv/done"),
                100,
                Duration.ofSeconds(5),
                4096));
  }

  @Test
  void propertiesReportUnknownKeysAndBadValuesWithTheRules() {
    assertThatThrownBy(
            () -> FileDropConfig.fromProperties(Map.of("dir", "/srv/drop", "batchSize", "lots")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("dir: is not a known setting")
        .hasMessageContaining("batchSize: must be a whole number")
        .hasMessageContaining("directory: is required");
  }
}
