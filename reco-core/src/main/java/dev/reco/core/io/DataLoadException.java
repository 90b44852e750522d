package dev.reco.core.io;

import dev.reco.core.RecoException;
import java.util.Optional;

/**
 * A file could not be loaded: a bad line in strict mode, or a structural problem in either mode
 * (missing header, header without a mapped column, invalid UTF-8, too many event types).
 *
 * <p>The message reads {@code source:line: what was found; what was expected: "the line"}, e.g.
 * {@code ratings.csv:17: column 'rating' = 'abc'; expected a number: "3,12,abc,978300760"}.
 */
public class DataLoadException extends RecoException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long lineNumber;
  private final SkipReason reason;
  private final String line;

  DataLoadException(String source, long lineNumber, SkipReason reason, String line, String detail) {
    super(format(source, lineNumber, line, detail));
    this.source = source;
    this.lineNumber = lineNumber;
    this.reason = reason;
    this.line = line;
  }

  DataLoadException(String source, long lineNumber, String detail, Throwable cause) {
    super(format(source, lineNumber, null, detail), cause);
    this.source = source;
    this.lineNumber = lineNumber;
    this.reason = null;
    this.line = null;
  }

  private static String format(String source, long lineNumber, String line, String detail) {
    StringBuilder sb = new StringBuilder(source);
    if (lineNumber > 0) {
      sb.append(':').append(lineNumber);
    }
    sb.append(": ").append(detail);
    if (line != null) {
      sb.append(": \"").append(line).append('"');
    }
    return sb.toString();
  }

  /** Returns the file or source name. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line number, or 0 when the problem concerns the whole file. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns the reason for a bad data line; empty for a structural problem. */
  public Optional<SkipReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns the offending line, truncated to 200 characters; empty when there is none. */
  public Optional<String> line() {
    return Optional.ofNullable(line);
  }
}
