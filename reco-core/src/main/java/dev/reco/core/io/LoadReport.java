package dev.reco.core.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a load read, kept, merged and skipped.
 *
 * <p>Every physical line is counted once: {@code linesRead = ignoredLines + rowsAccepted +
 * skipped()}. The loaded table has {@code rowsAccepted - duplicatesMerged} rows.
 *
 * @param source the file or source name
 * @param linesRead physical lines read, header, blank and comment lines included
 * @param ignoredLines the header line plus skipped blank and comment lines
 * @param rowsAccepted data lines parsed into a row, before duplicates are merged
 * @param duplicatesMerged rows merged into another row by the duplicate policy
 * @param skippedByReason bad lines skipped, by reason; reasons with no line are absent
 * @param examples the first skipped lines of each reason, in line order
 */
public record LoadReport(
    String source,
    long linesRead,
    long ignoredLines,
    long rowsAccepted,
    long duplicatesMerged,
    Map<SkipReason, Long> skippedByReason,
    List<SkippedLine> examples) {

  /**
   * Validates the counts and copies the collections.
   *
   * @throws IllegalArgumentException if an argument is null, a count is negative, or the counts
   *     do not add up
   */
  public LoadReport {
    if (source == null || skippedByReason == null || examples == null) {
      throw new IllegalArgumentException(
          "source, skippedByReason and examples must be non-null; expected values for all three");
    }
    EnumMap<SkipReason, Long> copy = new EnumMap<>(SkipReason.class);
    long skipped = 0;
    for (Map.Entry<SkipReason, Long> e : skippedByReason.entrySet()) {
      long n = e.getValue();
      if (n < 0) {
        throw new IllegalArgumentException(
            "skippedByReason[" + e.getKey() + "] = " + n + "; expected >= 0");
      }
      if (n > 0) {
        copy.put(e.getKey(), n);
        skipped += n;
      }
    }
    if (linesRead < 0 || ignoredLines < 0 || rowsAccepted < 0 || duplicatesMerged < 0
        || duplicatesMerged > rowsAccepted || ignoredLines + rowsAccepted + skipped != linesRead) {
      throw new IllegalArgumentException("linesRead = " + linesRead + ", ignoredLines = "
          + ignoredLines + ", rowsAccepted = " + rowsAccepted + ", skipped = " + skipped
          + ", duplicatesMerged = " + duplicatesMerged
          + "; expected non-negative counts with linesRead = ignoredLines + rowsAccepted + skipped"
          + " and duplicatesMerged <= rowsAccepted");
    }
    skippedByReason = Map.copyOf(copy);
    examples = List.copyOf(examples);
  }

  /**
   * Returns how many lines were skipped for a reason.
   *
   * @param reason the reason
   * @return the count, 0 if none
   */
  public long skipped(SkipReason reason) {
    return skippedByReason.getOrDefault(reason, 0L);
  }

  /** Returns how many bad lines were skipped in all. */
  public long skipped() {
    long n = 0;
    for (long c : skippedByReason.values()) {
      n += c;
    }
    return n;
  }

  /** Returns the number of rows in the loaded table ({@code rowsAccepted - duplicatesMerged}). */
  public long rows() {
    return rowsAccepted - duplicatesMerged;
  }

  /** A one-line summary, e.g. {@code u.data: 100000 lines, 100000 rows, 0 merged, 0 skipped}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source).append(": ").append(linesRead).append(" lines, ")
        .append(rows()).append(" rows, ").append(duplicatesMerged).append(" merged, ")
        .append(skipped()).append(" skipped");
    if (!skippedByReason.isEmpty()) {
      sb.append(' ').append(new EnumMap<>(skippedByReason));
    }
    return sb.toString();
  }

  /**
   * One skipped line, as quoted in a report.
   *
   * @param lineNumber the 1-based physical line number
   * @param reason why it was skipped
   * @param line the raw line, truncated to 200 characters
   * @param message what was wrong and what was expected
   */
  public record SkippedLine(long lineNumber, SkipReason reason, String line, String message) {

    /**
     * Validates the entry.
     *
     * @throws IllegalArgumentException if {@code lineNumber < 1} or another argument is null
     */
    public SkippedLine {
      if (lineNumber < 1) {
        throw new IllegalArgumentException("lineNumber = " + lineNumber + "; expected >= 1");
      }
      if (reason == null || line == null || message == null) {
        throw new IllegalArgumentException(
            "reason, line and message must be non-null; expected values for all three");
      }
    }
  }
}
