package dev.reco.core.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Formats events as CSV lines {@code user,item,timestamp,event,value} into a reused character
 * buffer, so that writing allocates nothing per event. An {@link IOException} from the writer
 * surfaces as {@link UncheckedIOException} from {@link #accept}. Not thread-safe.
 */
final class CsvEventWriter implements EventSink {
  static final String HEADER = "user,item,timestamp,event,value";

  private static final int BUFFER = 1 << 16;

  private final Writer out;
  private final IdFormat userIds;
  private final IdFormat itemIds;
  private final char[] buf = new char[BUFFER];
  private final int maxLine;
  private int pos;

  CsvEventWriter(Writer out, IdFormat userIds, IdFormat itemIds) {
    this.out = out;
    this.userIds = userIds;
    this.itemIds = itemIds;
    // ids, a 20-character timestamp, the longest label, a 16-character value, separators
    this.maxLine = userIds.length() + itemIds.length() + 20 + 11 + 16 + 5;
  }

  void writeHeader() throws IOException {
    out.write(HEADER);
    out.write('\n');
  }

  @Override
  public void accept(int user, int item, long epochMillis, EventType type, float value) {
    if (pos + maxLine > BUFFER) {
      try {
        drain();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    char[] b = buf;
    int p = userIds.append(user, b, pos);
    b[p++] = ',';
    p = itemIds.append(item, b, p);
    b[p++] = ',';
    p = appendLong(epochMillis, b, p);
    b[p++] = ',';
    String label = type.label();
    label.getChars(0, label.length(), b, p);
    p += label.length();
    b[p++] = ',';
    if (value == (int) value) {
      p = appendLong((int) value, b, p);
    } else {
      String s = Float.toString(value);
      s.getChars(0, s.length(), b, p);
      p += s.length();
    }
    b[p++] = '\n';
    pos = p;
  }

  /** Writes the buffered lines and flushes the writer. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  /** Writes the decimal digits of {@code v} at {@code p}; returns the position after them. */
  static int appendLong(long v, char[] b, int p) {
    if (v == Long.MIN_VALUE) {
      String s = Long.toString(v);
      s.getChars(0, s.length(), b, p);
      return p + s.length();
    }
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    int len = IdFormat.digits(v);
    int end = p + len;
    for (int q = end - 1; q >= p; q--) {
      b[q] = (char) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }
}
