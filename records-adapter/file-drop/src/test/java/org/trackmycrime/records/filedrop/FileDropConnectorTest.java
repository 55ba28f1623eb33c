package org.trackmycrime.records.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.records.Batch;
import org.trackmycrime.records.ConnectorException;
import org.trackmycrime.records.ConnectorRunner;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.KitEvent;

class FileDropConnectorTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();
  @TempDir Path folder;
  private RecordIngest ingest;

  @BeforeEach
  void serveTheKitForce() {
    db.trackMyCrime()
        .forces()
        .save(new Force(KitEvent.FORCE, "Kit Police", ForceSettings.defaults()));
    ingest = db.trackMyCrime().ingest();
  }

  private static List<String> good(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> KitEvent.good(i).json()).toList();
  }

  private Path drop(String name, List<String> lines) throws IOException {
    return drop(name, String.join("\n", lines) + "\n");
  }

  private Path drop(String name, String text) throws IOException {
    Path tmp = folder.resolve(name + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    return Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private FileDropConnector connector(int batchSize) {
    return FileDropConnector.create(FileDropConfig.builder(folder).batchSize(batchSize).build());
  }

  private boolean runOnce(FileDropConnector connector) {
    return ConnectorRunner.builder(ingest).connector(connector).build().runOnce();
  }

  /** Polls one batch, commits it and acknowledges it, as the runner does. */
  private List<IngestOutcome> step(FileDropConnector connector) {
    Batch<FileDropCheckpoint> batch = connector.poll().orElseThrow();
    List<IngestOutcome> outcomes = ingest.ingestAll(batch.events());
    connector.acknowledge(batch.checkpoint(), outcomes);
    return outcomes;
  }

  @Test
  void appliesEveryLineThenMovesTheFileToProcessedAndDeletesItsCheckpoint() throws IOException {
    drop("2026-03-02-niche.jsonl", good(1, 5));

    assertThat(runOnce(connector(2))).isTrue();

    assertThat(folder.resolve("processed/2026-03-02-niche.jsonl")).exists();
    assertThat(folder.resolve("2026-03-02-niche.jsonl")).doesNotExist();
    assertThat(folder.resolve("2026-03-02-niche.jsonl.checkpoint")).doesNotExist();
    assertThat(folder.resolve("processed/2026-03-02-niche.jsonl.rejected.txt"))
        .as("no report when nothing was rejected")
        .doesNotExist();
    assertThat(db.trackMyCrime().crimes().list(KitEvent.FORCE, 0, 100)).hasSize(5);
  }

  @Test
  void storesTheLastCommittedLineAndItsOffsetBesideTheFileAfterEachBatch() throws IOException {
    drop("feed.jsonl", good(1, 5));
    FileDropConnector connector = connector(2);

    step(connector);

    String checkpoint =
        Files.readString(folder.resolve("feed.jsonl.checkpoint"), StandardCharsets.UTF_8);
    long offset = (KitEvent.good(1).json() + "\n" + KitEvent.good(2).json() + "\n").length();
    assertThat(checkpoint)
        .contains("line=2\n")
        .contains("offset=" + offset + "\n")
        .contains("target=feed.jsonl\n");
    assertThat(folder.resolve("feed.jsonl.checkpoint.tmp")).doesNotExist();
  }

  @Test
  void resumesAfterARestartFromTheLineAfterTheLastCommittedBatch() throws IOException {
    drop("feed.jsonl", good(1, 7));
    step(connector(3));

    FileDropConnector restarted = connector(3);
    Batch<FileDropCheckpoint> next = restarted.poll().orElseThrow();

    assertThat(next.events())
        .extracting(RawEvent::origin)
        .containsExactly("feed.jsonl:4", "feed.jsonl:5", "feed.jsonl:6");
    assertThat(next.events().get(0).json()).isEqualTo(KitEvent.good(4).json());
  }

  @Test
  void aBatchNotAcknowledgedIsReadAgainFromTheCommittedLine() throws IOException {
    drop("feed.jsonl", good(1, 4));
    FileDropConnector connector = connector(2);

    Batch<FileDropCheckpoint> first = connector.poll().orElseThrow();
    Batch<FileDropCheckpoint> again = connector.poll().orElseThrow();

    assertThat(again).as("nothing was acknowledged, so the same lines come again").isEqualTo(first);
  }

  @Test
  void rejectedLinesGoToAReportWithLineAndReasonsButNeverTheEventsText() throws IOException {
    String badPhone =
        KitEvent.good(3)
            .json()
            .replace(
                "\"givenName\":\"Kit\"", "\"givenName\":\"Zebedee\",\"mobile\":\"call me maybe\"");
    List<String> lines = new ArrayList<>(good(1, 2));
    lines.add(badPhone);
    lines.add(
        "{\"schema\":\"trackmycrime.record-event/1\",\"eventId\":\"cut-short\",\"source\":\"Zeb");
    lines.addAll(good(4, 5));
    drop("feed.jsonl", lines);

    assertThat(runOnce(connector(10))).isTrue();

    Path report = folder.resolve("processed/feed.jsonl.rejected.txt");
    String text = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.startsWith("line ")))
        .hasSize(2)
        .anySatisfy(
            l -> assertThat(l).startsWith("line 3: rejected (rejected list id ").contains("mobile"))
        .anySatisfy(l -> assertThat(l).startsWith("line 4: rejected (rejected list id "));
    assertThat(text)
        .as("the report never carries the event's text")
        .doesNotContain("Zebedee", "Zeb\"", "call me");
    assertThat(db.trackMyCrime().crimes().list(KitEvent.FORCE, 0, 100))
        .as("the good lines around the bad ones are applied")
        .hasSize(4);
  }

  @Test
  void aBatchOfferedAgainAfterACrashDoesNotRepeatLinesInTheReport() throws IOException {
    List<String> lines = new ArrayList<>(good(1, 1));
    lines.add("not json");
    lines.addAll(good(2, 3));
    drop("feed.jsonl", lines);
    FileDropConnector connector = connector(2);
    Path checkpoint = folder.resolve("feed.jsonl.checkpoint");
    connector.poll();
    byte[] before = Files.readAllBytes(checkpoint);
    step(connector);
    // the crash: the report line was written, the new checkpoint was not
    Files.write(checkpoint, before);

    assertThat(runOnce(connector(2))).isTrue();

    String report =
        Files.readString(
            folder.resolve("processed/feed.jsonl.rejected.txt"), StandardCharsets.UTF_8);
    assertThat(report.lines().filter(l -> l.startsWith("line 2:"))).hasSize(1);
  }

  @Test
  void ignoresFilesStillBeingWrittenHiddenFilesAndOtherEndings() throws IOException {
    Files.writeString(folder.resolve("feed.jsonl.tmp"), KitEvent.good(1).json());
    Files.writeString(folder.resolve(".feed.jsonl"), KitEvent.good(2).json());
    Files.writeString(folder.resolve("feed.json"), KitEvent.good(3).json());
    Files.createDirectory(folder.resolve("folder.jsonl"));

    assertThat(connector(10).poll()).isEmpty();
  }

  @Test
  void aFileYoungerThanTheMinimumAgeIsLeftAloneUntilItIsOldEnough() throws IOException {
    Path file = drop("feed.jsonl", good(1, 1));
    Files.setLastModifiedTime(file, FileTime.from(TmcDatabase.DEFAULT_START));
    FileDropConnector connector =
        FileDropConnector.create(
            FileDropConfig.builder(folder).minFileAge(Duration.ofSeconds(30)).build(), db.clock());

    db.clock().advance(Duration.ofSeconds(29));
    assertThat(connector.poll()).isEmpty();
    db.clock().advance(Duration.ofSeconds(1));
    assertThat(connector.poll()).isPresent();
  }

  @Test
  void readsFilesInNameOrderFinishingAStartedFileFirst() throws IOException {
    drop("b.jsonl", good(1, 3));
    FileDropConnector connector = connector(2);
    step(connector);
    drop("a.jsonl", good(4, 4));

    assertThat(connector(2).poll().orElseThrow().checkpoint().file()).isEqualTo("b.jsonl");
    runOnce(connector(2));
    assertThat(folder.resolve("processed"))
        .isDirectoryContaining("glob:**/a.jsonl")
        .isDirectoryContaining("glob:**/b.jsonl");
  }

  @Test
  void skipsBlankLinesAndReadsCrLfLinesAByteOrderMarkAndALastLineWithoutABreak()
      throws IOException {
    String text =
        "\uFEFF"
            + KitEvent.good(1).json()
            + "\r\n\r\n   \n"
            + KitEvent.good(2).json()
            + "\r\n"
            + KitEvent.good(3).json();
    drop("feed.jsonl", text);

    Batch<FileDropCheckpoint> batch = connector(10).poll().orElseThrow();

    assertThat(batch.events())
        .extracting(RawEvent::origin)
        .containsExactly("feed.jsonl:1", "feed.jsonl:4", "feed.jsonl:5");
    assertThat(batch.events())
        .extracting(RawEvent::json)
        .containsExactly(KitEvent.good(1).json(), KitEvent.good(2).json(), KitEvent.good(3).json());
    assertThat(batch.checkpoint().endOfFile()).isTrue();
    assertThat(batch.checkpoint().offset()).isEqualTo(Files.size(folder.resolve("feed.jsonl")));
  }

  @Test
  void aFileOfBlankLinesIsMovedToProcessedWithoutAnyEvent() throws IOException {
    drop("empty.jsonl", "\n\n\n");
    FileDropConnector connector = connector(10);

    Batch<FileDropCheckpoint> batch = connector.poll().orElseThrow();
    assertThat(batch.events()).isEmpty();
    connector.acknowledge(batch.checkpoint(), List.of());

    assertThat(folder.resolve("processed/empty.jsonl")).exists();
  }

  @Test
  void aLineLongerThanTheLimitIsDeliveredCutShortSoThatItIsRejectedAndReported()
      throws IOException {
    String huge = "{\"note\":\"" + "x".repeat(5000) + "\"}";
    drop("feed.jsonl", List.of(huge, KitEvent.good(1).json()));
    FileDropConnector connector =
        FileDropConnector.create(FileDropConfig.builder(folder).maxLineBytes(1024).build());

    List<IngestOutcome> outcomes = step(connector);

    assertThat(outcomes)
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.REJECTED, IngestStatus.APPLIED);
    assertThat(folder.resolve("processed/feed.jsonl.rejected.txt"))
        .content()
        .startsWith("#")
        .contains("line 1: rejected");
  }

  @Test
  void aFileDroppedAgainUnderAUsedNameIsProcessedUnderANewName() throws IOException {
    drop("daily.jsonl", good(1, 1));
    runOnce(connector(10));
    drop("daily.jsonl", good(2, 2));

    runOnce(connector(10));

    assertThat(folder.resolve("processed/daily.jsonl")).exists();
    assertThat(folder.resolve("processed/daily-2.jsonl")).content().contains("kit-0002");
  }

  @Test
  void aCheckpointLeftBehindByACrashAfterTheMoveIsCleanedUp() throws IOException {
    Files.writeString(
        folder.resolve("gone.jsonl.checkpoint"), "line=3\noffset=10\ntarget=gone.jsonl\n");
    Files.writeString(folder.resolve("gone.jsonl.checkpoint.tmp"), "line=4");

    connector(10).poll();

    assertThat(folder.resolve("gone.jsonl.checkpoint")).doesNotExist();
    assertThat(folder.resolve("gone.jsonl.checkpoint.tmp")).doesNotExist();
  }

  @Test
  void anUnreadableCheckpointIsReportedWithWhatToDo() throws IOException {
    drop("feed.jsonl", good(1, 1));
    Files.writeString(folder.resolve("feed.jsonl.checkpoint"), "line=three\n");

    assertThatThrownBy(() -> connector(10).poll())
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("checkpoint file is unreadable; delete it")
        .hasMessageContaining("feed.jsonl.checkpoint");
  }

  @Test
  void aMissingFolderIsAClearError() {
    assertThatThrownBy(
            () -> FileDropConnector.create(FileDropConfig.builder(folder.resolve("nope")).build()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("The drop folder does not exist")
        .hasMessageContaining("nope");
  }

  @Test
  void aFileInsteadOfAFolderIsAClearError() throws IOException {
    Path file = Files.writeString(folder.resolve("file"), "x");

    assertThatThrownBy(() -> FileDropConnector.create(FileDropConfig.builder(file).build()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("The drop folder is not a folder");
  }

  @Test
  void aReadOnlyFolderIsAClearError() throws IOException {
    Path readOnly = Files.createDirectory(folder.resolve("read-only"));
    Files.createDirectory(readOnly.resolve("processed"));
    ReadOnly lock = ReadOnly.make(readOnly);
    try {
      assertThatThrownBy(() -> FileDropConnector.create(FileDropConfig.builder(readOnly).build()))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("The drop folder is read-only for this process");
    } finally {
      lock.close();
    }
  }

  @Test
  void aFolderThatDisappearsIsReportedOnTheNextPoll() throws IOException {
    Path sub = Files.createDirectory(folder.resolve("drop"));
    FileDropConnector connector = FileDropConnector.create(FileDropConfig.builder(sub).build());
    Files.delete(sub.resolve("processed"));
    Files.delete(sub);

    assertThatThrownBy(connector::poll)
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("does not exist");
  }

  /**
   * Makes a folder read-only for this process: permissions for an ordinary user, the immutable
   * attribute for root (which permissions do not stop).
   */
  private record ReadOnly(Path dir, boolean immutable) implements AutoCloseable {
    static ReadOnly make(Path dir) throws IOException {
      if ("root".equals(System.getProperty("user.name"))) {
        run("chattr", "+i", dir.toString());
        return new ReadOnly(dir, true);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      return new ReadOnly(dir, false);
    }

    @Override
    public void close() throws IOException {
      if (immutable) {
        run("chattr", "-i", dir.toString());
      } else {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }

    private static void run(String... command) throws IOException {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        if (p.waitFor() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
      }
    }
  }
}
