package dev.reco.features.quality;

import java.util.List;

/**
 * A table broke its {@link QualitySchema}, thrown by {@link DataQuality#requireValid}. Carries the
 * full {@link DataQualityReport}; the message summarizes the first problems, e.g.
 * {@code data quality check failed with 2 problems: age OUT_OF_RANGE: 2 values outside [0, 120]
 * (row 3 = -1, row 5 = 130); id DUPLICATE: ...}.
 */
public class DataQualityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** Problems the message spells out; the rest are counted. */
  static final int PROBLEMS_IN_MESSAGE = 3;
  private static final int EXAMPLES_IN_MESSAGE = 3;

  private final transient DataQualityReport report;

  /**
   * Creates the exception for a failed report.
   *
   * @param report the report, with at least one problem
   */
  public DataQualityException(DataQualityReport report) {
    super(message(report));
    this.report = report;
  }

  /** Returns the full report. */
  public DataQualityReport report() {
    return report;
  }

  private static String message(DataQualityReport report) {
    List<DataQualityReport.Problem> problems = report.problems();
    StringBuilder sb = new StringBuilder("data quality check failed with ")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
        .append(" (").append(report.rows()).append(" rows): ");
    for (int i = 0; i < problems.size() && i < PROBLEMS_IN_MESSAGE; i++) {
      DataQualityReport.Problem p = problems.get(i);
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(p.columnLabel()).append(' ').append(p.kind()).append(": ").append(p.detail());
      List<DataQualityReport.Example> ex = p.examples();
      if (!ex.isEmpty()) {
        sb.append(" (");
        for (int e = 0; e < ex.size() && e < EXAMPLES_IN_MESSAGE; e++) {
          if (e > 0) {
            sb.append(", ");
          }
          sb.append("row ").append(ex.get(e).row()).append(" = ")
              .append(ex.get(e).value() == null ? "missing" : ex.get(e).value());
        }
        sb.append(')');
      }
    }
    if (problems.size() > PROBLEMS_IN_MESSAGE) {
      sb.append("; and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more");
    }
    return sb.toString();
  }
}
