package dev.reco.core.io;

/**
 * What a loader does with a line it cannot use (too few columns, a non-numeric value, ...).
 *
 * <p>Structural problems (a header missing a mapped column, a missing header, invalid UTF-8)
 * fail in both modes.
 */
public enum ErrorMode {
  /** The first bad line throws a {@link DataLoadException}; nothing is returned. */
  STRICT,
  /** Bad lines are skipped and counted by {@link SkipReason} in the {@link LoadReport}. */
  LENIENT
}
