package org.trackmycrime.records.filedrop.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * File writes that survive a crash: a checkpoint is either the old one or the new one, never half
 * of each, and is on disk before the call returns.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}: written to {@code target.tmp}, forced to disk,
   * moved over the target atomically, and the folder forced so the move itself is durable.
   */
  public static void write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(ch, content);
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.getParent());
  }

  /** Appends {@code content} to {@code file} (created if missing) and forces it to disk. */
  public static void append(Path file, String content) throws IOException {
    boolean created = !Files.exists(file);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      writeFully(ch, content);
      ch.force(true);
    }
    if (created) {
      syncDirectory(file.getParent());
    }
  }

  /** Moves a file atomically within one file system, and forces both folders. */
  public static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(to.getParent());
    syncDirectory(from.getParent());
  }

  /**
   * Forces a folder's entries to disk, so a rename in it survives a power cut. Best effort: some
   * systems (Windows) cannot open a folder this way, and there the move is as durable as the OS
   * makes it.
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform: nothing more we can do
    }
  }

  private static void writeFully(FileChannel ch, String content) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      ch.write(bytes);
    }
  }
}
