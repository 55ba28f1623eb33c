package org.trackmycrime.records.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.records.Batch;
import org.trackmycrime.records.ConnectorException;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.records.filedrop.internal.AtomicFiles;
import org.trackmycrime.records.filedrop.internal.LineReader;

/**
 * Delivers JSON Lines files dropped in a folder.
 *
 * <pre>{@code
 * FileDropConnector drop = FileDropConnector.create(
 *     FileDropConfig.builder(Path.of("/srv/tmc/drop")).batchSize(500).build());
 * ConnectorRunner runner = ConnectorRunner.builder(tmc.ingest()).connector(drop).build();
 * runner.start();
 * }</pre>
 *
 * <ul>
 *   <li><b>What it reads.</b> Regular files named {@code *.jsonl} directly in the folder, one at a
 *       time in name order (a file already started comes first). Files whose name starts with a
 *       dot, or ends otherwise ({@code .tmp}, {@code .part}), are ignored: a writer writes {@code
 *       NAME.jsonl.tmp} and renames it to {@code NAME.jsonl} when it is complete. A writer that
 *       cannot rename sets {@link FileDropConfig#minFileAge()} instead.
 *   <li><b>Checkpoint.</b> After each committed batch, {@code NAME.jsonl.checkpoint} beside the
 *       file records the last line and its byte offset (written to a temporary file, forced to disk
 *       and moved into place atomically). After a crash the file is read again from there: nothing
 *       is lost, and the lines of the batch that was in hand come back {@code DUPLICATE}.
 *   <li><b>Done.</b> Once its last line is committed, the file moves to the processed folder
 *       (renamed {@code NAME-2.jsonl} and so on when that name was used before) and its checkpoint
 *       is deleted.
 *   <li><b>Bad lines.</b> Every line is delivered; the ingest rejects the bad ones and the rest are
 *       applied. Rejected lines are listed in {@code processed/NAME.rejected.txt} by line number,
 *       rejected-list id and reasons, never with the event's text. Blank lines are skipped.
 * </ul>
 *
 * <p>Not thread-safe on its own; the runner calls it from one thread.
 */
public final class FileDropConnector implements PullConnector<FileDropCheckpoint> {
  private static final Logger LOG = LoggerFactory.getLogger(FileDropConnector.class);

  /** Files with this ending are read. */
  public static final String SUFFIX = ".jsonl";

  /** Appended to a file's name for its checkpoint beside it. */
  public static final String CHECKPOINT_SUFFIX = ".checkpoint";

  /** Appended to a processed file's name for the report of its rejected lines. */
  public static final String REPORT_SUFFIX = ".rejected.txt";

  private static final Pattern REPORT_LINE = Pattern.compile("^line (\\d+):");

  private final FileDropConfig config;
  private final Clock clock;
  private boolean leftoversRemoved;
  private InProgress current;

  /** The file being read and what of it is committed. */
  private static final class InProgress {
    final Path file;
    final String name;
    final String target;
    long line;
    long offset;
    long reportedThrough;

    InProgress(Path file, String target, long line, long offset, long reportedThrough) {
      this.file = file;
      this.name = file.getFileName().toString();
      this.target = target;
      this.line = line;
      this.offset = offset;
      this.reportedThrough = reportedThrough;
    }
  }

  private FileDropConnector(FileDropConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * A connector on the configured folder, using the system clock for {@code minFileAge}.
   *
   * @throws ConnectorException when the folder is missing, not readable, or read-only, or the
   *     processed folder cannot be created on the same file system
   */
  public static FileDropConnector create(FileDropConfig config) {
    return create(config, Clock.systemUTC());
  }

  /**
   * A connector on the configured folder whose file ages are measured with {@code clock}.
   *
   * @throws ConnectorException when the folder is missing, not readable, or read-only, or the
   *     processed folder cannot be created on the same file system
   */
  public static FileDropConnector create(FileDropConfig config, Clock clock) {
    FileDropConnector connector = new FileDropConnector(config, clock);
    connector.checkFolder();
    connector.checkWritable();
    return connector;
  }

  public FileDropConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Optional<Batch<FileDropCheckpoint>> poll() {
    checkFolder();
    if (!leftoversRemoved) {
      removeLeftovers();
      leftoversRemoved = true;
    }
    if (current != null && !Files.exists(current.file)) {
      LOG.warn("File-drop {}: {} disappeared while being read", name(), current.name);
      current = null;
    }
    if (current == null) {
      Optional<Path> next = nextFile();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = open(next.get());
    }
    return Optional.of(read(current));
  }

  @Override
  public void acknowledge(FileDropCheckpoint checkpoint, List<IngestOutcome> outcomes) {
    InProgress file = current;
    if (file == null || !file.name.equals(checkpoint.file())) {
      throw failure(
          "A checkpoint was acknowledged for a file that is not being read",
          checkpoint.file(),
          null);
    }
    try {
      report(file, checkpoint, outcomes);
      writeCheckpoint(file.file, checkpoint.throughLine(), checkpoint.offset(), file.target);
      file.line = checkpoint.throughLine();
      file.offset = checkpoint.offset();
      if (checkpoint.endOfFile()) {
        Files.createDirectories(config.processedDirectory());
        AtomicFiles.move(file.file, config.processedDirectory().resolve(file.target));
        Files.deleteIfExists(checkpointOf(file.file));
        current = null;
        LOG.info(
            "File-drop {}: {} applied ({} lines), moved to {}",
            name(),
            file.name,
            file.line,
            file.target);
      }
    } catch (IOException e) {
      throw failure("Storing the checkpoint of a dropped file failed", file.name, e);
    }
  }

  // ---- reading ---------------------------------------------------------------------------

  private Batch<FileDropCheckpoint> read(InProgress file) {
    List<RawEvent> events = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    long through = file.line;
    long offset = file.offset;
    boolean end;
    try (LineReader reader =
        new LineReader(file.file, file.offset, file.line, config.maxLineBytes())) {
      LineReader.Line line;
      while (events.size() < config.batchSize() && (line = reader.next()) != null) {
        through = line.number();
        offset = line.endOffset();
        if (line.truncated()) {
          LOG.warn(
              "File-drop {}: line {} of {} is longer than {} bytes; delivering its start only, to be rejected",
              name(),
              line.number(),
              file.name,
              config.maxLineBytes());
        } else if (line.text().isBlank()) {
          continue;
        }
        events.add(new RawEvent(line.text(), file.name + ":" + line.number()));
        lines.add(line.number());
      }
      end = reader.atEnd();
    } catch (IOException e) {
      throw failure("Reading a dropped file failed", file.name, e);
    }
    return new Batch<>(events, new FileDropCheckpoint(file.name, through, offset, end, lines));
  }

  private Optional<Path> nextFile() {
    Instant newest = clock.instant().minus(config.minFileAge());
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(config.directory(), "*" + SUFFIX)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") || !Files.isRegularFile(p)) {
          continue;
        }
        if (!config.minFileAge().isZero()
            && Files.getLastModifiedTime(p).toInstant().isAfter(newest)) {
          continue;
        }
        candidates.add(p);
      }
    } catch (IOException e) {
      throw failure("Listing the drop folder failed", null, e);
    }
    // a file already started is finished first; then name order
    return candidates.stream()
        .min(
            Comparator.comparing((Path p) -> !Files.exists(checkpointOf(p)))
                .thenComparing(p -> p.getFileName().toString()));
  }

  private InProgress open(Path file) {
    String name = file.getFileName().toString();
    Path checkpoint = checkpointOf(file);
    try {
      InProgress state;
      if (Files.exists(checkpoint)) {
        state = readCheckpoint(file, checkpoint);
        if (state.offset > Files.size(file)) {
          throw failure(
              "The checkpoint points beyond the end of its file: was the file replaced? Delete the"
                  + " checkpoint to read the file again from the start (applied lines come back"
                  + " DUPLICATE)",
              name,
              null);
        }
      } else {
        String target = freeTarget(name);
        writeCheckpoint(file, 0, 0, target);
        state = new InProgress(file, target, 0, 0, 0);
      }
      state.reportedThrough = lastReportedLine(reportOf(state.target));
      LOG.info("File-drop {}: reading {} from line {}", name(), name, state.line + 1);
      return state;
    } catch (IOException e) {
      throw failure("Opening a dropped file failed", name, e);
    }
  }

  // a name in processed/ that neither an earlier file nor its report uses
  private String freeTarget(String name) {
    String stem = name.substring(0, name.length() - SUFFIX.length());
    String candidate = name;
    for (int n = 2; taken(candidate); n++) {
      candidate = stem + "-" + n + SUFFIX;
    }
    return candidate;
  }

  private boolean taken(String target) {
    return Files.exists(config.processedDirectory().resolve(target))
        || Files.exists(reportOf(target));
  }

  // ---- checkpoints and reports -------------------------------------------------------------

  private Path checkpointOf(Path file) {
    return file.resolveSibling(file.getFileName() + CHECKPOINT_SUFFIX);
  }

  private Path reportOf(String target) {
    return config.processedDirectory().resolve(target + REPORT_SUFFIX);
  }

  private void writeCheckpoint(Path file, long line, long offset, String target)
      throws IOException {
    String text =
        "# TrackMyCrime file-drop checkpoint: lines of "
            + file.getFileName()
            + " up to 'line' are committed\n"
            + "line="
            + line
            + "\noffset="
            + offset
            + "\ntarget="
            + target
            + "\n";
    AtomicFiles.write(checkpointOf(file), text);
  }

  private InProgress readCheckpoint(Path file, Path checkpoint) throws IOException {
    Properties p = new Properties();
    try (var reader = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    try {
      long line = Long.parseLong(p.getProperty("line", ""));
      long offset = Long.parseLong(p.getProperty("offset", ""));
      String target = p.getProperty("target", "");
      if (line < 0 || offset < 0 || !target.endsWith(SUFFIX) || target.contains("/")) {
        throw new NumberFormatException("out of range");
      }
      return new InProgress(file, target, line, offset, 0);
    } catch (NumberFormatException e) {
      throw failure(
          "A checkpoint file is unreadable; delete it to read its file again from the start"
              + " (applied lines come back DUPLICATE)",
          checkpoint.getFileName().toString(),
          e);
    }
  }

  private void report(InProgress file, FileDropCheckpoint checkpoint, List<IngestOutcome> outcomes)
      throws IOException {
    StringBuilder text = new StringBuilder();
    long last = file.reportedThrough;
    for (int i = 0; i < outcomes.size() && i < checkpoint.eventLines().size(); i++) {
      IngestOutcome outcome = outcomes.get(i);
      long line = checkpoint.eventLines().get(i);
      // lines of a batch offered again after a crash are already in the report
      if (outcome.status() != IngestStatus.REJECTED || line <= file.reportedThrough) {
        continue;
      }
      text.append("line ").append(line).append(": rejected");
      if (outcome.rejectedId() != null) {
        text.append(" (rejected list id ").append(outcome.rejectedId()).append(')');
      }
      text.append(": ")
          .append(
              outcome.problems().stream().map(Object::toString).collect(Collectors.joining("; ")))
          .append('\n');
      last = line;
    }
    if (text.length() == 0) {
      return;
    }
    Files.createDirectories(config.processedDirectory());
    Path report = reportOf(file.target);
    if (!Files.exists(report)) {
      text.insert(
          0,
          "# Lines of "
              + file.name
              + " that the ingest rejected. The events' text is kept in the SDK's rejected list"
              + " under the id given; it is not repeated here.\n");
    }
    AtomicFiles.append(report, text.toString());
    file.reportedThrough = last;
  }

  private static long lastReportedLine(Path report) throws IOException {
    if (!Files.exists(report)) {
      return 0;
    }
    long last = 0;
    try (Stream<String> lines = Files.lines(report, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = REPORT_LINE.matcher(line);
        if (m.find()) {
          last = Math.max(last, Long.parseLong(m.group(1)));
        }
      }
    }
    return last;
  }

  // a crash can leave a checkpoint whose file was already moved, or a temporary checkpoint
  private void removeLeftovers() {
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(config.directory(), "*" + SUFFIX + CHECKPOINT_SUFFIX + "*")) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        boolean temporary = n.endsWith(CHECKPOINT_SUFFIX + ".tmp");
        boolean orphan =
            n.endsWith(CHECKPOINT_SUFFIX)
                && !Files.exists(
                    p.resolveSibling(n.substring(0, n.length() - CHECKPOINT_SUFFIX.length())));
        if (temporary || orphan) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw failure("Cleaning up old checkpoints failed", null, e);
    }
  }

  // ---- the folder ----------------------------------------------------------------------------

  private void checkFolder() {
    Path dir = config.directory();
    if (!Files.exists(dir)) {
      throw failure("The drop folder does not exist", null, null);
    }
    if (!Files.isDirectory(dir)) {
      throw failure("The drop folder is not a folder", null, null);
    }
    if (!Files.isReadable(dir)) {
      throw failure("The drop folder is not readable by this process", null, null);
    }
  }

  // Files.isWritable says yes to root even on a folder it cannot write, so try it
  private void checkWritable() {
    Path dir = config.directory();
    try {
      Path probe = Files.createTempFile(dir, ".tmc-write-probe-", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw failure(
          "The drop folder is read-only for this process: the connector writes its checkpoints"
              + " beside the files and moves applied files to the processed folder",
          null,
          e);
    }
    try {
      Files.createDirectories(config.processedDirectory());
      if (!Files.getFileStore(dir).equals(Files.getFileStore(config.processedDirectory()))) {
        throw failure(
            "The processed folder must be on the same file system as the drop folder, so that"
                + " moving a file there is atomic",
            null,
            null);
      }
    } catch (IOException e) {
      throw failure("The processed folder cannot be created", null, e);
    }
  }

  private ConnectorException failure(String message, String file, Throwable cause) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("folder", config.directory().toString());
    if (file != null) {
      context.put("file", file);
    }
    return new ConnectorException(name(), message, context, cause);
  }
}
