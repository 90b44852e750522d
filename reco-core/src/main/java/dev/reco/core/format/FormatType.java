package dev.reco.core.format;

/**
 * The closed set of artifact kinds an envelope can hold, each with a stable numeric code stored
 * in the envelope header.
 *
 * <p>Codes are part of the file format: a code is never changed and never reused, even if its
 * constant is later removed. Code 0 is reserved and never valid. A reader that meets a code it
 * does not know fails with {@link UnknownFormatTypeException}.
 */
public enum FormatType {
  /** An {@link dev.reco.core.Interactions} table (see {@link InteractionsFormat}). */
  INTERACTIONS(1),
  /** A standalone {@link dev.reco.core.IdIndex}. */
  ID_INDEX(2),
  /** A matrix factorization model (user and item factors). */
  MATRIX_FACTORIZATION(3),
  /** A popularity model. */
  POPULARITY_MODEL(4),
  /** A tree ensemble ranker. */
  TREE_ENSEMBLE(5),
  /** A linear ranker. */
  LINEAR_MODEL(6),
  /** A fitted feature pipeline. */
  FEATURE_PIPELINE(7),
  /** A reference profile for drift detection. */
  DRIFT_PROFILE(8);

  private static final FormatType[] BY_CODE = byCode();

  private final int code;

  FormatType(int code) {
    this.code = code;
  }

  /** Returns the stable code stored in the envelope header, in {@code [1, 65535]}. */
  public int code() {
    return code;
  }

  /**
   * Returns the type with the given code.
   *
   * @param code a code read from an envelope header
   * @return the type
   * @throws UnknownFormatTypeException if no type has this code
   */
  public static FormatType fromCode(int code) {
    FormatType type = lookup(code);
    if (type == null) {
      throw new UnknownFormatTypeException(unknownCodeMessage(code), code);
    }
    return type;
  }

  /** Returns the type with the given code, or {@code null}. */
  static FormatType lookup(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  static String unknownCodeMessage(int code) {
    StringBuilder known = new StringBuilder();
    for (FormatType t : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(t.code).append(" (").append(t).append(')');
    }
    return "type code " + code + " is not a known format type; expected one of " + known
        + " (a file written by a newer reco version may use a newer type)";
  }

  private static FormatType[] byCode() {
    int max = 0;
    for (FormatType t : values()) {
      max = Math.max(max, t.code);
    }
    FormatType[] table = new FormatType[max + 1];
    for (FormatType t : values()) {
      if (t.code < 1 || t.code > 0xFFFF || table[t.code] != null) {
        throw new AssertionError("format type codes must be distinct and in [1, 65535]: " + t);
      }
      table[t.code] = t;
    }
    return table;
  }
}
