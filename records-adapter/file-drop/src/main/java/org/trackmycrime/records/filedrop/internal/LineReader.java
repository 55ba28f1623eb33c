package org.trackmycrime.records.filedrop.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a JSON Lines file from a byte offset, one line at a time, keeping the exact byte offset
 * after each line so that reading can resume there after a restart. Lines end with {@code \n} or
 * {@code \r\n}; a last line without a line break counts. Bytes that are not UTF-8 become U+FFFD.
 */
public final class LineReader implements Closeable {
  private static final int BOM_0 = 0xEF;
  private static final int BOM_1 = 0xBB;
  private static final int BOM_2 = 0xBF;

  /**
   * One line.
   *
   * @param number its line number (1-based)
   * @param endOffset the byte offset just after its line break
   * @param text its text without the line break
   * @param truncated whether it was longer than the limit and cut
   */
  public record Line(long number, long endOffset, String text, boolean truncated) {
    /** Leaves the text out: it holds a victim's details. */
    @Override
    public String toString() {
      return "Line[" + number + "]";
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private long offset;
  private long lineNumber;
  private byte[] buffer = new byte[8192];

  /**
   * @param offset where to start reading (the start of a line)
   * @param linesBefore how many lines come before that offset
   */
  public LineReader(Path file, long offset, long linesBefore, int maxLineBytes) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(offset);
    this.in = new BufferedInputStream(Channels.newInputStream(channel), 65536);
    this.offset = offset;
    this.lineNumber = linesBefore;
    this.maxLineBytes = maxLineBytes;
    if (offset == 0) {
      skipByteOrderMark();
    }
  }

  /** The next line, or null at the end of the file. */
  public Line next() throws IOException {
    int length = 0;
    boolean truncated = false;
    boolean sawAny = false;
    int b;
    while ((b = in.read()) != -1) {
      sawAny = true;
      offset++;
      if (b == '\n') {
        break;
      }
      if (length < maxLineBytes) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
        }
        buffer[length++] = (byte) b;
      } else {
        truncated = true;
      }
    }
    if (!sawAny) {
      return null;
    }
    if (length > 0 && buffer[length - 1] == '\r' && !truncated) {
      length--;
    }
    lineNumber++;
    return new Line(
        lineNumber, offset, new String(buffer, 0, length, StandardCharsets.UTF_8), truncated);
  }

  /** Whether nothing follows the last line read. */
  public boolean atEnd() throws IOException {
    in.mark(1);
    int b = in.read();
    in.reset();
    return b == -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void skipByteOrderMark() throws IOException {
    in.mark(3);
    if (in.read() == BOM_0 && in.read() == BOM_1 && in.read() == BOM_2) {
      offset = 3;
    } else {
      in.reset();
    }
  }
}
