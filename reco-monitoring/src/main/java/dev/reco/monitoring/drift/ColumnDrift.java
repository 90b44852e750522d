package dev.reco.monitoring.drift;

import java.util.Objects;

/**
 * The drift of one column in a {@link DatasetDrift} comparison: its value test, its missing-rate
 * test, their p-values after the multiple-testing correction, and the decisions taken with them.
 *
 * <p>{@code valuesDrifted}: the value test ran, its adjusted p-value is {@code <= alpha} (or it
 * has none) and its effect size reaches its threshold. {@code missingDrifted}: some row on either
 * side is missing, the adjusted p-value of the missing-rate test is {@code <= alpha}, and
 * Cohen's h reaches its threshold. The column has drifted when either holds.
 *
 * @param column the column name
 * @param type the column type
 * @param values the value test's result, judged by the test's own alpha (uncorrected)
 * @param missing the missing-rate test's result (uncorrected)
 * @param valuesAdjustedPValue the value test's corrected p-value; {@code NaN} when it has none
 * @param missingAdjustedPValue the missing-rate test's corrected p-value; {@code NaN} when no row
 *     is missing on either side (the test then does not enter the family)
 * @param valuesDrifted whether the values drifted after correction
 * @param missingDrifted whether the missing share drifted after correction
 */
public record ColumnDrift(
    String column,
    ColumnType type,
    DriftResult values,
    DriftResult missing,
    double valuesAdjustedPValue,
    double missingAdjustedPValue,
    boolean valuesDrifted,
    boolean missingDrifted) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a reference field is null
   */
  public ColumnDrift {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(missing, "missing");
  }

  /**
   * Tells whether the column drifted: its values or its missing share.
   *
   * @return {@code valuesDrifted || missingDrifted}
   */
  public boolean drifted() {
    return valuesDrifted || missingDrifted;
  }
}
