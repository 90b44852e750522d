package dev.reco.core.io;

/** Why a data line was rejected: skipped in lenient mode, fatal in strict mode. */
public enum SkipReason {
  /** The line has fewer fields than the highest mapped column needs (blank lines included). */
  MISSING_COLUMNS,
  /** A quoted field is not closed on its line, or text follows its closing quote. */
  MALFORMED_QUOTES,
  /** The user, item or event-type field is empty. */
  EMPTY_ID,
  /** The value field is not a number (including an empty field). */
  NOT_A_NUMBER,
  /** The value field is NaN, an infinity ("Infinity", "inf", ...) or overflows a float. */
  NON_FINITE_VALUE,
  /** The timestamp field does not match the timestamp format, or is out of range. */
  BAD_TIMESTAMP
}
