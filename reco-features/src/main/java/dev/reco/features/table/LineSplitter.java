package dev.reco.features.table;

import dev.reco.core.io.FieldSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text into field texts with reco-core's {@link FieldSplitter}, so
 * tables read CSV/TSV exactly as the interaction loader does. Reuses its buffers and field list;
 * not thread-safe.
 */
final class LineSplitter {
  private final FieldSplitter splitter;
  private final List<String> fields = new ArrayList<>();
  private char[] chars = new char[256];

  LineSplitter(char delimiter, boolean quoted) {
    this.splitter = new FieldSplitter(delimiter, quoted);
  }

  /**
   * Splits a line into at most {@code limit} fields (the rest of the line is not looked at);
   * returns the fields (a reused list) or null when the quotes are malformed, with
   * {@link #problem()} saying why.
   */
  List<String> split(String line, int limit) {
    int n = line.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    line.getChars(0, n, chars, 0);
    fields.clear();
    int count = splitter.split(chars, 0, n, limit);
    if (count < 0) {
      return null;
    }
    for (int k = 0; k < count; k++) {
      fields.add(splitter.text(chars, k));
    }
    return fields;
  }

  /** Why the last {@link #split} returned null. */
  String problem() {
    return splitter.problem();
  }
}
