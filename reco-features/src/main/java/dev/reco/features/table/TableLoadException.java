package dev.reco.features.table;

import dev.reco.core.RecoException;
import java.util.Optional;

/**
 * A delimited file could not be loaded into a {@link Table}: a bad value or line in strict mode,
 * or a structural problem in either mode (no header, a declared column missing from the header,
 * a column named twice, invalid UTF-8).
 *
 * <p>The message reads {@code source:line: what was found; what was expected}, e.g.
 * {@code users.csv:7: column 'age' = 'abc'; expected LONG (an integer)}.
 */
public class TableLoadException extends RecoException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long lineNumber;
  private final String column;
  private final String value;

  TableLoadException(String source, long lineNumber, String column, String value, String detail,
      Throwable cause) {
    super(source + (lineNumber > 0 ? ":" + lineNumber : "") + ": " + detail, cause);
    this.source = source;
    this.lineNumber = lineNumber;
    this.column = column;
    this.value = value;
  }

  /** Returns the file or source name. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line number, or 0 when the problem concerns the whole file. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns the column of a bad value; empty for a line or file problem. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** Returns the bad field text; empty for a line or file problem. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
