package dev.reco.features.transform;

/**
 * What a fitted categorical step does at transform time with a category it did not see at fit
 * time. A missing value (null) is not unseen: each step documents its missing-value output.
 */
public enum UnseenCategoryPolicy {
  /** Throw an {@link IllegalArgumentException} naming the column, the row and the value. */
  ERROR,
  /** Encode as "nothing": all-zero indicators, the configured unseen code, or a missing value. */
  IGNORE,
  /** Encode as the {@code __other__} bucket, the same bucket that holds rare categories. */
  OTHER
}
