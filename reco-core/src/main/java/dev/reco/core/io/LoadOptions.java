package dev.reco.core.io;

import dev.reco.core.DuplicatePolicy;

/**
 * What a load does with repeated (user, item) pairs and with bad lines.
 *
 * @param duplicates how repeated (user, item) pairs are merged (see {@link DuplicatePolicy})
 * @param errorMode whether the first bad line fails the load or bad lines are skipped
 * @param maxExamples how many skipped lines per {@link SkipReason} the report quotes, {@code >= 0}
 */
public record LoadOptions(DuplicatePolicy duplicates, ErrorMode errorMode, int maxExamples) {

  /** Skipped lines quoted per reason by default. */
  public static final int DEFAULT_MAX_EXAMPLES = 5;

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if a policy or mode is null, or {@code maxExamples < 0}
   */
  public LoadOptions {
    if (duplicates == null) {
      throw new IllegalArgumentException("duplicates = null; expected a DuplicatePolicy");
    }
    if (errorMode == null) {
      throw new IllegalArgumentException("errorMode = null; expected STRICT or LENIENT");
    }
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples = " + maxExamples + "; expected >= 0");
    }
  }

  /**
   * Returns options that fail on the first bad line.
   *
   * @param duplicates how repeated (user, item) pairs are merged
   * @return the options
   * @throws IllegalArgumentException if {@code duplicates} is null
   */
  public static LoadOptions strict(DuplicatePolicy duplicates) {
    return new LoadOptions(duplicates, ErrorMode.STRICT, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Returns options that skip and count bad lines, quoting the first
   * {@value #DEFAULT_MAX_EXAMPLES} of each reason.
   *
   * @param duplicates how repeated (user, item) pairs are merged
   * @return the options
   * @throws IllegalArgumentException if {@code duplicates} is null
   */
  public static LoadOptions lenient(DuplicatePolicy duplicates) {
    return new LoadOptions(duplicates, ErrorMode.LENIENT, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Returns these options quoting at most {@code maxExamples} skipped lines per reason.
   *
   * @param maxExamples the number of examples per reason, {@code >= 0}
   * @return the new options
   * @throws IllegalArgumentException if {@code maxExamples < 0}
   */
  public LoadOptions withMaxExamples(int maxExamples) {
    return new LoadOptions(duplicates, errorMode, maxExamples);
  }
}
