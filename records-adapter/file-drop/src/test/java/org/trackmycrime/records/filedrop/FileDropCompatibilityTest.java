package org.trackmycrime.records.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.testing.records.KitEvent;
import org.trackmycrime.testing.records.PullConnectorCompatibilityKit;

/** The file-drop connector passes the records connector compatibility kit on the real ingest. */
class FileDropCompatibilityTest extends PullConnectorCompatibilityKit {
  @TempDir Path folder;
  private int files;

  /** Each publish is one new file, written under a temporary name and renamed into place. */
  @Override
  protected void publish(List<KitEvent> events) {
    String text = events.stream().map(KitEvent::json).collect(Collectors.joining("\n", "", "\n"));
    Path tmp = folder.resolve(String.format("feed-%03d.jsonl.tmp", ++files));
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          folder.resolve(String.format("feed-%03d.jsonl", files)),
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected PullConnector<?> connect() {
    return FileDropConnector.create(FileDropConfig.builder(folder).batchSize(batchSize()).build());
  }
}
