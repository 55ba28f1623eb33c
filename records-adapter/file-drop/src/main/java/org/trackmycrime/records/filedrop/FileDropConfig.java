package org.trackmycrime.records.filedrop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.internal.Configs;

/**
 * Where the file-drop connector looks and how much it reads at a time. Immutable; every way of
 * making one reports all broken rules at once.
 *
 * @param name the connector's name in logs, health and counters (default {@code file-drop})
 * @param directory the drop folder (required); must be readable and writable by this process
 * @param processedDirectory where fully applied files and rejection reports go (default {@code
 *     processed} inside the drop folder); must be on the same file system as the drop folder
 * @param batchSize events per batch, that is per ingest transaction (1 to 10,000; default 500)
 * @param minFileAge a {@code .jsonl} file is left alone until its last change is at least this old
 *     (default 0: writers are expected to rename a finished file into place)
 * @param maxLineBytes a longer line is cut to this length and delivered, so the ingest rejects it
 *     and it is reported (1 KiB to 64 MiB; default 1 MiB)
 */
public record FileDropConfig(
    String name,
    Path directory,
    Path processedDirectory,
    int batchSize,
    Duration minFileAge,
    int maxLineBytes) {

  public FileDropConfig {
    Checks checks =
        Configs.connectorName(new Checks(), "name", name)
            .notNull("directory", directory)
            .notNull("processedDirectory", processedDirectory)
            .require(batchSize >= 1 && batchSize <= 10_000, "batchSize", "must be 1 to 10000")
            .notNull("minFileAge", minFileAge)
            .require(
                maxLineBytes >= 1024 && maxLineBytes <= 64 * 1024 * 1024,
                "maxLineBytes",
                "must be 1024 to 67108864");
    if (minFileAge != null) {
      checks.require(
          !minFileAge.isNegative() && minFileAge.compareTo(Duration.ofDays(1)) <= 0,
          "minFileAge",
          "must be between 0 and 1 day");
    }
    if (directory != null && processedDirectory != null) {
      checks.require(
          !processedDirectory
              .toAbsolutePath()
              .normalize()
              .equals(directory.toAbsolutePath().normalize()),
          "processedDirectory",
          "must not be the drop folder itself");
    }
    Configs.throwIfAny("FileDropConfig", checks);
  }

  /** A builder for a drop folder, with every other setting at its default. */
  public static Builder builder(Path directory) {
    return new Builder().directory(directory);
  }

  /**
   * Reads the settings from key/value pairs: {@code name}, {@code directory}, {@code
   * processedDirectory}, {@code batchSize}, {@code minFileAge} (such as {@code 5s} or {@code
   * PT5S}), {@code maxLineBytes}.
   *
   * @throws org.trackmycrime.core.ConfigurationException naming every unknown key, unparseable
   *     value and broken rule
   */
  public static FileDropConfig fromProperties(Map<String, String> properties) {
    Configs in = Configs.read("FileDropConfig", properties);
    Builder b = new Builder();
    in.text("name").ifPresent(b::name);
    in.path("directory").ifPresent(b::directory);
    in.path("processedDirectory").ifPresent(b::processedDirectory);
    in.integer("batchSize").ifPresent(b::batchSize);
    in.duration("minFileAge").ifPresent(b::minFileAge);
    in.integer("maxLineBytes").ifPresent(b::maxLineBytes);
    return in.build(b::build);
  }

  /** Builds a {@link FileDropConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private String name = "file-drop";
    private Path directory;
    private Path processedDirectory;
    private int batchSize = 500;
    private Duration minFileAge = Duration.ZERO;
    private int maxLineBytes = 1024 * 1024;

    private Builder() {}

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder directory(Path value) {
      this.directory = value;
      return this;
    }

    /** Default: {@code processed} inside the drop folder. */
    public Builder processedDirectory(Path value) {
      this.processedDirectory = value;
      return this;
    }

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public Builder minFileAge(Duration value) {
      this.minFileAge = value;
      return this;
    }

    public Builder maxLineBytes(int value) {
      this.maxLineBytes = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every broken rule
     */
    public FileDropConfig build() {
      Path processed =
          processedDirectory != null || directory == null
              ? processedDirectory
              : directory.resolve("processed");
      return new FileDropConfig(name, directory, processed, batchSize, minFileAge, maxLineBytes);
    }
  }
}
