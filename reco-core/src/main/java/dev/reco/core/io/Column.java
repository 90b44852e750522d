package dev.reco.core.io;

import java.util.Objects;

/**
 * Where a field is found on a line: by header name, or by 0-based position.
 *
 * <p>Exactly one of the two is set: a named column has {@code position == -1}, a positional one
 * has {@code name == null}. Named columns need a file with a header line.
 *
 * @param name the header name, or {@code null} for a positional column
 * @param position the 0-based position, or {@code -1} for a named column
 */
public record Column(String name, int position) {

  /**
   * Validates the column reference.
   *
   * @throws IllegalArgumentException if both or neither of name and position are set, the name
   *     is empty, or the position is negative
   */
  public Column {
    if (name != null) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name = ''; expected a non-empty header name");
      }
      if (position != -1) {
        throw new IllegalArgumentException("name = '" + name + "' and position = " + position
            + "; expected either a name (position -1) or a position (name null)");
      }
    } else if (position < 0) {
      throw new IllegalArgumentException(
          "position = " + position + "; expected a 0-based position >= 0 (or a header name)");
    }
  }

  /**
   * Returns a column found by its header name (exact, case-sensitive match).
   *
   * @param name the header name, non-empty
   * @return the column
   * @throws IllegalArgumentException if {@code name} is null or empty
   */
  public static Column named(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name = null; expected a header name");
    }
    return new Column(name, -1);
  }

  /**
   * Returns a column found by its 0-based position on the line.
   *
   * @param position the position, {@code >= 0}
   * @return the column
   * @throws IllegalArgumentException if {@code position < 0}
   */
  public static Column at(int position) {
    return new Column(null, position);
  }

  /** Returns whether this column is found by header name. */
  public boolean isNamed() {
    return name != null;
  }

  /** Whether two columns certainly denote the same field (same name, or same position). */
  boolean sameAs(Column other) {
    return other != null && Objects.equals(name, other.name) && position == other.position;
  }

  /** How messages name this column, e.g. {@code column 'rating'} or {@code column 2 (value)}. */
  String label(String role) {
    return name != null ? "column '" + name + "'" : "column " + position + " (" + role + ")";
  }
}
