package dev.reco.features.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text into field texts, honouring RFC 4180 quotes when asked
 * ({@code "a,b"} is one field, {@code ""} inside quotes is one quote; a quoted field cannot span
 * lines). Reuses its field list; not thread-safe.
 */
final class LineSplitter {
  private final char delimiter;
  private final boolean quoted;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder sb = new StringBuilder();
  private String problem;

  LineSplitter(char delimiter, boolean quoted) {
    this.delimiter = delimiter;
    this.quoted = quoted;
  }

  /**
   * Splits a line into at most {@code limit} fields (the rest of the line is not looked at);
   * returns the fields (a reused list) or null when the quotes are malformed, with
   * {@link #problem()} saying why.
   */
  List<String> split(String line, int limit) {
    fields.clear();
    int i = 0;
    int end = line.length();
    while (true) {
      if (quoted && i < end && line.charAt(i) == '"') {
        sb.setLength(0);
        int j = i + 1;
        boolean closed = false;
        while (j < end) {
          char c = line.charAt(j);
          if (c == '"') {
            if (j + 1 < end && line.charAt(j + 1) == '"') {
              sb.append('"');
              j += 2;
              continue;
            }
            closed = true;
            break;
          }
          sb.append(c);
          j++;
        }
        if (!closed) {
          problem = "quoted field at character " + (i + 1)
              + " is not closed on this line; expected a closing '\"'";
          return null;
        }
        fields.add(sb.toString());
        i = j + 1;
        if (i < end && line.charAt(i) != delimiter) {
          problem = "'" + line.charAt(i) + "' after the closing quote at character " + (j + 1)
              + "; expected the delimiter or the end of the line";
          return null;
        }
      } else {
        int s = i;
        while (i < end && line.charAt(i) != delimiter) {
          i++;
        }
        fields.add(line.substring(s, i));
      }
      if (i >= end || fields.size() == limit) {
        return fields;
      }
      i++; // skip the delimiter
    }
  }

  /** Why the last {@link #split} returned null. */
  String problem() {
    return problem;
  }
}
