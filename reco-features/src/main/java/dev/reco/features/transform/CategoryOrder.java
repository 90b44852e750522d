package dev.reco.features.transform;

/** The order in which a fitted categorical step lists the categories it keeps. */
public enum CategoryOrder {
  /** By training frequency, most frequent first; ties by {@link String#compareTo}. */
  FREQUENCY,
  /** By {@link String#compareTo} (UTF-16 code units), independent of frequencies. */
  LEXICOGRAPHIC
}
