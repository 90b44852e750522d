package dev.reco.core.io;

import dev.reco.core.Interactions;

/**
 * The outcome of a load: the interactions and the report of what was read.
 *
 * @param interactions the loaded table
 * @param report counts of lines read, rows kept, duplicates merged and lines skipped
 */
public record LoadResult(Interactions interactions, LoadReport report) {

  /**
   * Validates the result.
   *
   * @throws IllegalArgumentException if an argument is null, or the report's row count is not
   *     the table's size
   */
  public LoadResult {
    if (interactions == null || report == null) {
      throw new IllegalArgumentException("interactions and report must be non-null");
    }
    if (report.rows() != interactions.size()) {
      throw new IllegalArgumentException("report.rows() = " + report.rows()
          + " but interactions.size() = " + interactions.size() + "; expected equal");
    }
  }
}
