package dev.reco.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.core.format.FormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of JSON lines (the audit log, run metrics) that survives crashes.
 *
 * <p>A line is committed once it is complete, ends with {@code '\n'} and is forced to storage; the
 * writer writes each line with one write and forces the file before it returns. Everything after
 * the last {@code '\n'} is therefore the torn remainder of a write that a crash interrupted:
 * readers ignore it, and the next writer (holding the store's lock) truncates it before
 * appending. A complete line that is not JSON is damage and fails the read with a
 * {@link FormatException} naming the file and line; what a line must hold is for the caller to
 * check, e.g. with {@link StrictJson}.
 */
public final class JsonLines {
  private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

  private JsonLines() {}

  /**
   * A committed line and where it starts in the file.
   *
   * @param node the line's JSON value
   * @param offset the offset of its first byte in the file
   * @param source how messages name it: the file and, for a read from offset 0, the line number
   *     and byte offset, otherwise the byte offset
   */
  public record Line(JsonNode node, long offset, String source) {}

  /**
   * What a read found.
   *
   * @param lines the committed lines from the start offset
   * @param committedEnd the offset just after the last committed line
   * @param fileSize the size of the file when read (larger than committedEnd if the tail is torn)
   */
  public record Read(List<Line> lines, long committedEnd, long fileSize) {}

  /**
   * Reads the committed lines from {@code offset} (a line start) to the end.
   *
   * @param file the log
   * @param offset where to start: 0, or the committed end of an earlier read
   * @return the lines and where the committed part ends
   * @throws IOException if the file cannot be read
   * @throws FormatException if {@code offset} exceeds the file size or a committed line is not a
   *     JSON object
   */
  public static Read read(Path file, long offset) throws IOException {
    byte[] bytes;
    long size;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      if (offset > size) {
        throw new FormatException(file + " has " + size + " bytes, but its committed part is"
            + " recorded as " + offset + " bytes; expected a file that only grows (was it"
            + " truncated or replaced?)");
      }
      if (size - offset > Integer.MAX_VALUE - 8) {
        throw new FormatException(file + " has " + (size - offset) + " bytes after offset "
            + offset + "; expected at most " + (Integer.MAX_VALUE - 8));
      }
      bytes = new byte[(int) (size - offset)];
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        if (ch.read(b, offset + b.position()) < 0) {
          bytes = Arrays.copyOf(bytes, b.position()); // shrank while reading: use what is there
          break;
        }
      }
    }
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int lineNumber = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      long at = offset + start;
      String source = file + " line " + (offset == 0 ? lineNumber + " (byte " + at + ")"
          : "at byte " + at);
      if (i == start) {
        throw new FormatException(source + " is empty; expected a JSON object");
      }
      JsonNode node;
      try {
        node = StoreJson.READER.readTree(bytes, start, i - start);
      } catch (IOException e) {
        throw new FormatException(source + " is not valid JSON (" + StoreJson.message(e)
            + "); expected one JSON object per line", e);
      }
      lines.add(new Line(node, at, source));
      start = i + 1;
      lineNumber++;
    }
    return new Read(List.copyOf(lines), offset + start, offset + bytes.length);
  }

  /**
   * Appends lines at {@code committedEnd}, first truncating a torn tail, and forces the file.
   * Call only under the store's lock.
   *
   * @param file the log, which must exist
   * @param committedEnd the committed end found by the last {@link #read}
   * @param lines one or more complete lines, the last ending with {@code '\n'}; written with one
   *     write
   * @return the new committed end
   * @throws IllegalArgumentException if {@code lines} is empty or does not end with {@code '\n'}
   * @throws FormatException if the file is shorter than {@code committedEnd}
   * @throws IOException if the file cannot be written
   */
  public static long append(Path file, long committedEnd, byte[] lines) throws IOException {
    checkLines(lines);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size < committedEnd) {
        throw new FormatException(file + " has " + size + " bytes; expected at least "
            + committedEnd + " (was it truncated?)");
      }
      return appendAt(ch, file, size, committedEnd, lines);
    }
  }

  /**
   * Appends lines after the last committed one, which it finds by reading the file backwards to
   * its last {@code '\n'}; first truncates a torn tail, and forces the file. Call only under the
   * store's lock. For logs whose committed end the caller does not keep.
   *
   * @param file the log, which must exist
   * @param lines one or more complete lines, the last ending with {@code '\n'}; written with one
   *     write
   * @return the new committed end
   * @throws IllegalArgumentException if {@code lines} is empty or does not end with {@code '\n'}
   * @throws IOException if the file cannot be read or written
   */
  public static long append(Path file, byte[] lines) throws IOException {
    checkLines(lines);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long size = ch.size();
      return appendAt(ch, file, size, committedEnd(ch, size), lines);
    }
  }

  private static void checkLines(byte[] lines) {
    if (lines.length == 0 || lines[lines.length - 1] != '\n') {
      throw new IllegalArgumentException("lines of " + lines.length
          + " bytes; expected complete lines ending with '\\n'");
    }
  }

  private static long appendAt(FileChannel ch, Path file, long size, long committedEnd,
      byte[] lines) throws IOException {
    if (size > committedEnd) {
      LOG.warn("{}: discarding {} bytes of a line torn by an interrupted write", file,
          size - committedEnd);
      ch.truncate(committedEnd);
    }
    ByteBuffer b = ByteBuffer.wrap(lines);
    long pos = committedEnd;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
    ch.force(true);
    return pos;
  }

  /** The offset just after the last {@code '\n'}, found by reading backwards from the end. */
  private static long committedEnd(FileChannel ch, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long pos = size;
    while (pos > 0) {
      int n = (int) Math.min(buf.capacity(), pos);
      long from = pos - n;
      buf.clear().limit(n);
      while (buf.hasRemaining()) {
        if (ch.read(buf, from + buf.position()) < 0) {
          throw new IOException("file shrank while reading its tail");
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return from + i + 1;
        }
      }
      pos = from;
    }
    return 0;
  }
}
