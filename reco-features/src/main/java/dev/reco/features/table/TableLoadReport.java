package dev.reco.features.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TableLoader} call read: line and row counts, values that did not parse (made
 * missing in lenient mode) per column, skipped lines, and a few examples. Immutable.
 *
 * @param source the file or source name
 * @param lines physical lines read, header, blank and skipped lines included
 * @param rows data rows in the table
 * @param skippedLines malformed lines skipped in lenient mode (too few fields, bad quotes)
 * @param invalidValues values that did not parse and were made missing in lenient mode
 * @param invalidByColumn the invalid values per column, only columns with at least one, in
 *     schema order
 * @param examples the first bad values and lines, at most {@link TableLoadOptions#maxExamples()}
 */
public record TableLoadReport(
    String source,
    long lines,
    int rows,
    long skippedLines,
    long invalidValues,
    Map<String, Long> invalidByColumn,
    List<Issue> examples) {

  /**
   * One bad value or line.
   *
   * @param line the 1-based line number
   * @param column the column, or null for a malformed line
   * @param value the field text (truncated to 60 characters), or the line for a malformed line
   * @param expected what was expected
   */
  public record Issue(long line, String column, String value, String expected) {}

  /** Copies the collections. */
  public TableLoadReport {
    invalidByColumn = Collections.unmodifiableMap(new LinkedHashMap<>(invalidByColumn));
    examples = List.copyOf(examples);
  }

  /** Returns whether every line and value was read as it stands. */
  public boolean clean() {
    return skippedLines == 0 && invalidValues == 0;
  }
}
