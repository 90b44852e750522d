package dev.reco.monitoring.drift;

/** How the bins of a binned test are frozen from the reference sample; see {@link Binning}. */
public enum BinningMethod {
  /** Cut points at reference order statistics, so that bins hold about equal reference shares. */
  QUANTILE,
  /** Cut points equally spaced between the reference minimum and maximum. */
  EQUAL_WIDTH,
  /** Cut points given by the caller. */
  EXPLICIT
}
