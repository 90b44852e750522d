package dev.reco.core.io;

import java.util.Arrays;

/**
 * Splits one line of delimited text into fields, by the rules every reco loader follows: fields
 * are separated by one delimiter character; with quotes on, a field that starts with {@code "}
 * runs to the matching closing quote, {@code ""} inside it is one quote, and the closing quote
 * must be followed by the delimiter or the end of the line (a quoted field cannot span lines).
 *
 * <p>{@link #split} records field boundaries as indexes into the caller's buffer, allocating
 * nothing; {@link #text} returns a field as a string. Used by {@link DelimitedLoader} and by
 * loaders of other modules (reco-features' table loader), so they read the same files the same
 * way. Reuses its arrays: not thread-safe, one per reader.
 */
public final class FieldSplitter {
  private final char delimiter;
  private final boolean quoted;
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private boolean[] escaped = new boolean[8];
  private String problem;

  /**
   * Creates a splitter.
   *
   * @param delimiter the field delimiter
   * @param quoted whether double quotes delimit fields
   */
  public FieldSplitter(char delimiter, boolean quoted) {
    this.delimiter = delimiter;
    this.quoted = quoted;
  }

  /**
   * Splits {@code buf[start, end)}, one line without its line break, into at most {@code limit}
   * fields; the rest of the line is not looked at.
   *
   * @param buf the characters
   * @param start the first character of the line
   * @param end one past the last character of the line
   * @param limit the most fields to split, {@code >= 1}
   * @return the number of fields found, at most {@code limit}, or -1 if a quoted field is
   *     malformed ({@link #problem()} says how, counting characters from 1 at {@code start})
   */
  public int split(char[] buf, int start, int end, int limit) {
    int f = 0;
    int i = start;
    while (true) {
      if (f == starts.length) {
        grow();
      }
      if (quoted && i < end && buf[i] == '"') {
        int close = closingQuote(buf, i, end);
        if (close < 0) {
          problem = "quoted field at character " + (i - start + 1)
              + " is not closed on this line; expected a closing '\"'";
          return -1;
        }
        starts[f] = i + 1;
        ends[f] = close;
        escaped[f] = contains(buf, i + 1, close);
        f++;
        i = close + 1;
        if (i < end && buf[i] != delimiter) {
          problem = "'" + buf[i] + "' after the closing quote at character "
              + (close - start + 1) + "; expected the delimiter or the end of the line";
          return -1;
        }
      } else {
        int s = i;
        while (i < end && buf[i] != delimiter) {
          i++;
        }
        starts[f] = s;
        ends[f] = i;
        escaped[f] = false;
        f++;
      }
      if (f == limit || i >= end) {
        return f;
      }
      i++; // the delimiter
    }
  }

  /** Returns the index in the buffer of field {@code k}'s first character (after a quote). */
  public int start(int k) {
    return starts[k];
  }

  /** Returns the index one past field {@code k}'s last character (before a closing quote). */
  public int end(int k) {
    return ends[k];
  }

  /** Returns whether field {@code k} holds doubled quotes that stand for one quote each. */
  public boolean hasEscapedQuotes(int k) {
    return escaped[k];
  }

  /**
   * Returns field {@code k} of the last split as a string, doubled quotes collapsed.
   *
   * @param buf the buffer that was split
   * @param k a field index below the last split's count
   * @return the field's text
   */
  public String text(char[] buf, int k) {
    if (!escaped[k]) {
      return new String(buf, starts[k], ends[k] - starts[k]);
    }
    StringBuilder sb = new StringBuilder(ends[k] - starts[k]);
    for (int i = starts[k]; i < ends[k]; i++) {
      sb.append(buf[i]);
      if (buf[i] == '"') {
        i++; // the second quote of the pair
      }
    }
    return sb.toString();
  }

  /** Returns why the last {@link #split} returned -1. */
  public String problem() {
    return problem;
  }

  private static int closingQuote(char[] buf, int open, int end) {
    int j = open + 1;
    while (true) {
      while (j < end && buf[j] != '"') {
        j++;
      }
      if (j >= end) {
        return -1;
      }
      if (j + 1 < end && buf[j + 1] == '"') {
        j += 2;
        continue;
      }
      return j;
    }
  }

  private static boolean contains(char[] buf, int from, int to) {
    for (int k = from; k < to; k++) {
      if (buf[k] == '"') {
        return true;
      }
    }
    return false;
  }

  private void grow() {
    int n = starts.length * 2;
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
    escaped = Arrays.copyOf(escaped, n);
  }
}
