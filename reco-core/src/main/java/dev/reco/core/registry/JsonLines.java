package dev.reco.core.registry;

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
 * readers ignore it, and the next writer (holding the lock) truncates it before appending. A
 * complete line that is not a JSON object is damage and fails the read with a
 * {@link FormatException} naming the file and line.
 */
final class JsonLines {
  private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

  private JsonLines() {}

  /** A committed line and where it starts in the file. */
  record Line(JsonNode node, long offset, String source) {}

  /**
   * What a read found.
   *
   * @param lines the committed lines from the start offset
   * @param committedEnd the offset just after the last committed line
   * @param fileSize the size of the file when read (larger than committedEnd if the tail is torn)
   */
  record Read(List<Line> lines, long committedEnd, long fileSize) {}

  /**
   * Reads the committed lines from {@code offset} (a line start) to the end.
   *
   * @throws FormatException if {@code offset} exceeds the file size or a committed line is not a
   *     JSON object
   */
  static Read read(Path file, long offset) throws IOException {
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
        node = RegistryJson.READER.readTree(bytes, start, i - start);
      } catch (IOException e) {
        throw new FormatException(source + " is not valid JSON (" + RegistryJson.message(e)
            + "); expected one JSON object per line", e);
      }
      lines.add(new Line(node, at, source));
      start = i + 1;
      lineNumber++;
    }
    return new Read(List.copyOf(lines), offset + start, offset + bytes.length);
  }

  /**
   * Appends one line at {@code committedEnd}, first truncating a torn tail, and forces the file.
   *
   * @param line a complete line ending with {@code '\n'}
   * @return the new committed end
   */
  static long append(Path file, long committedEnd, byte[] line) throws IOException {
    if (line.length == 0 || line[line.length - 1] != '\n') {
      throw new IllegalArgumentException("line of " + line.length
          + " bytes; expected a line ending with '\\n'");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size > committedEnd) {
        LOG.warn("{}: discarding {} bytes of a line torn by an interrupted write", file,
            size - committedEnd);
        ch.truncate(committedEnd);
      } else if (size < committedEnd) {
        throw new FormatException(file + " has " + size + " bytes; expected at least "
            + committedEnd + " (was it truncated?)");
      }
      ByteBuffer b = ByteBuffer.wrap(line);
      long pos = committedEnd;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
      ch.force(true);
      return pos;
    }
  }
}
