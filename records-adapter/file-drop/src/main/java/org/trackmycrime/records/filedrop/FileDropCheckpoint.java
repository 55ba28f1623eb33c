package org.trackmycrime.records.filedrop;

import java.util.List;
import java.util.Objects;

/**
 * A position in one dropped file: everything up to and including {@code throughLine} has been read.
 *
 * @param file the file's name in the drop folder
 * @param throughLine the last line read (1-based; 0 before the first)
 * @param offset the byte offset just after that line, where reading resumes
 * @param endOfFile whether the file has no more lines; once acknowledged, the file is moved to the
 *     processed folder
 * @param eventLines the line number of each event of the batch, in order (blank lines are skipped
 *     and carry no event)
 */
public record FileDropCheckpoint(
    String file, long throughLine, long offset, boolean endOfFile, List<Long> eventLines) {
  public FileDropCheckpoint {
    Objects.requireNonNull(file, "file");
    eventLines = List.copyOf(eventLines);
  }
}
