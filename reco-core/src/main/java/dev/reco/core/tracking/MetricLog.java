package dev.reco.core.tracking;

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
 * A run's {@code metrics.jsonl}: one JSON object per metric point, append-only, crash-safe.
 *
 * <p>A line is committed once it is complete, ends with {@code '\n'} and is forced to storage; a
 * writer appends all lines of one call with one write and forces the file before it returns.
 * Anything after the last {@code '\n'} is the torn remainder of a write a crash interrupted:
 * readers ignore it and the next writer (holding the tracker's lock) truncates it before
 * appending. A complete line that is not a valid metric point is damage and fails the read with a
 * {@link FormatException} naming the file and the line.
 */
final class MetricLog {
  private static final Logger LOG = LoggerFactory.getLogger(MetricLog.class);

  private MetricLog() {}

  /** Reads every committed point, in the order logged. */
  static List<MetricPoint> read(Path file) throws IOException {
    byte[] bytes = readAll(file);
    List<MetricPoint> out = new ArrayList<>();
    int start = 0;
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String source = file + " line " + line;
      if (i == start) {
        throw new FormatException(source + " is empty; expected a JSON object");
      }
      out.add(TrackerJson.readMetric(bytes, start, i, source));
      start = i + 1;
      line++;
    }
    return out;
  }

  private static byte[] readAll(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE - 8) {
        throw new FormatException(file + " has " + size + " bytes; expected at most "
            + (Integer.MAX_VALUE - 8));
      }
      byte[] bytes = new byte[(int) size];
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        if (ch.read(b, b.position()) < 0) {
          return Arrays.copyOf(bytes, b.position());
        }
      }
      return bytes;
    }
  }

  /**
   * Appends complete lines after the last committed one, first truncating a torn tail, and forces
   * the file. Call only under the tracker's lock.
   */
  static void append(Path file, byte[] lines) throws IOException {
    if (lines.length == 0 || lines[lines.length - 1] != '\n') {
      throw new IllegalArgumentException("lines of " + lines.length
          + " bytes; expected lines ending with '\\n'");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long size = ch.size();
      long end = committedEnd(ch, size);
      if (end < size) {
        LOG.warn("{}: discarding {} bytes of a line torn by an interrupted write", file,
            size - end);
        ch.truncate(end);
      }
      ByteBuffer b = ByteBuffer.wrap(lines);
      long pos = end;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
      ch.force(true);
    }
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
