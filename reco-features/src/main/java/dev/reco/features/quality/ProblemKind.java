package dev.reco.features.quality;

/** The kinds of problem a {@link DataQualityReport} lists. */
public enum ProblemKind {
  /** A declared column is not in the table. */
  MISSING_COLUMN,
  /** A column has another type than declared. */
  WRONG_TYPE,
  /** More values are missing than the rule allows. */
  TOO_MANY_MISSING,
  /** Numeric values outside the declared range. */
  OUT_OF_RANGE,
  /** Categories outside the allowed set. */
  UNSEEN_CATEGORY,
  /** Values of a unique column that repeat an earlier row. */
  DUPLICATE,
  /** Value tuples of a composite key that repeat an earlier row. */
  DUPLICATE_KEY
}
