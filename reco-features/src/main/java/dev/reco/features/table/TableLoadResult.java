package dev.reco.features.table;

import java.util.Objects;

/**
 * A loaded table and the report of its load.
 *
 * @param table the table, columns in schema order
 * @param report what was read, skipped and made missing
 */
public record TableLoadResult(Table table, TableLoadReport report) {
  /** Validates the result. */
  public TableLoadResult {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(report, "report");
  }
}
