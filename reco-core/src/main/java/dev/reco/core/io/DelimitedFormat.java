package dev.reco.core.io;

/**
 * How a delimited text file is laid out: delimiter, header, quoting, which columns hold the
 * user, item, value, timestamp and event type, and which lines to ignore.
 *
 * <p>Start from {@link #csv(String, String)}, {@link #tsv(int, int)},
 * {@link #of(char, boolean, Column, Column)} or a {@link MovieLens} preset, then refine with the
 * {@code with...} methods; each returns a new, validated format.
 *
 * <p>Rules checked here: named columns need {@code header = true}; no two mapped columns may be
 * the same; an event-type column needs a timestamp column (interactions store event types only
 * alongside timestamps); the delimiter cannot be a line break, nor {@code '"'} when quoting is on.
 * Extra columns in the file are ignored.
 *
 * @param delimiter the field separator, e.g. {@code ','} or {@code '\t'}
 * @param header whether the first line (after skipped blank or comment lines) names the columns
 * @param quoted whether RFC 4180 double quotes are honoured: a field wrapped in {@code "} may
 *     contain the delimiter, and {@code ""} inside it stands for one quote; a quoted field
 *     cannot span lines
 * @param user the user id column
 * @param item the item id column
 * @param value the value column, or {@code null} for implicit data (every value 1.0)
 * @param timestamp the timestamp column, or {@code null} for none
 * @param timestampFormat how timestamps are written (used only with a timestamp column)
 * @param eventType the event-type column, or {@code null} for none; needs a timestamp column
 * @param skipBlankLines whether empty lines (or lines of only spaces and tabs) are ignored; when
 *     false they are bad lines ({@link SkipReason#MISSING_COLUMNS})
 * @param skipCommentLines whether lines starting with {@code '#'} are ignored; when false they
 *     are data
 */
public record DelimitedFormat(
    char delimiter,
    boolean header,
    boolean quoted,
    Column user,
    Column item,
    Column value,
    Column timestamp,
    TimestampFormat timestampFormat,
    Column eventType,
    boolean skipBlankLines,
    boolean skipCommentLines) {

  /**
   * Validates the format.
   *
   * @throws IllegalArgumentException if a rule in the class description is broken, or user,
   *     item or timestampFormat is null
   */
  public DelimitedFormat {
    if (delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter = " + (delimiter == '\n' ? "'\\n'" : "'\\r'")
          + "; expected a character that is not a line break");
    }
    if (quoted && delimiter == '"') {
      throw new IllegalArgumentException(
          "delimiter = '\"' with quoted = true; expected a delimiter other than the quote character");
    }
    if (user == null) {
      throw new IllegalArgumentException("user = null; expected a column");
    }
    if (item == null) {
      throw new IllegalArgumentException("item = null; expected a column");
    }
    if (timestampFormat == null) {
      throw new IllegalArgumentException(
          "timestampFormat = null; expected a TimestampFormat (e.g. TimestampFormat.UNIX_SECONDS)");
    }
    if (eventType != null && timestamp == null) {
      throw new IllegalArgumentException("eventType = " + eventType
          + " without a timestamp column; expected a timestamp column too (interactions store"
          + " event types only with timestamps)");
    }
    String[] roles = {"user", "item", "value", "timestamp", "eventType"};
    Column[] columns = {user, item, value, timestamp, eventType};
    for (int a = 0; a < columns.length; a++) {
      if (columns[a] == null) {
        continue;
      }
      if (!header && columns[a].isNamed()) {
        throw new IllegalArgumentException(roles[a] + " = " + columns[a]
            + " with header = false; expected positional columns (Column.at) or header = true");
      }
      for (int b = 0; b < a; b++) {
        if (columns[a].sameAs(columns[b])) {
          throw new IllegalArgumentException(roles[b] + " and " + roles[a] + " are both "
              + columns[a] + "; expected distinct columns");
        }
      }
    }
  }

  /**
   * Returns a comma-separated format with a header line and RFC 4180 quoting, finding user and
   * item by header name. No value (implicit 1.0), no timestamp; blank lines skipped.
   *
   * @param userColumn header name of the user id column
   * @param itemColumn header name of the item id column
   * @return the format
   * @throws IllegalArgumentException if a name is null or empty, or both are equal
   */
  public static DelimitedFormat csv(String userColumn, String itemColumn) {
    return of(',', true, Column.named(userColumn), Column.named(itemColumn)).withQuotes(true);
  }

  /**
   * Returns a tab-separated format without header or quoting, finding user and item by 0-based
   * position. No value (implicit 1.0), no timestamp; blank lines skipped.
   *
   * @param userColumn position of the user id column
   * @param itemColumn position of the item id column
   * @return the format
   * @throws IllegalArgumentException if a position is negative, or both are equal
   */
  public static DelimitedFormat tsv(int userColumn, int itemColumn) {
    return of('\t', false, Column.at(userColumn), Column.at(itemColumn));
  }

  /**
   * Returns a format with the given delimiter, header flag and id columns; no quoting, no value
   * (implicit 1.0), no timestamp, unix-seconds timestamp format, blank lines skipped, comment
   * lines read as data.
   *
   * @param delimiter the field separator
   * @param header whether the first line names the columns
   * @param user the user id column
   * @param item the item id column
   * @return the format
   * @throws IllegalArgumentException if the combination breaks a rule of this class
   */
  public static DelimitedFormat of(char delimiter, boolean header, Column user, Column item) {
    return new DelimitedFormat(delimiter, header, false, user, item, null, null,
        TimestampFormat.UNIX_SECONDS, null, true, false);
  }

  /**
   * Returns this format with another delimiter.
   *
   * @param delimiter the field separator
   * @return the new format
   * @throws IllegalArgumentException if the delimiter is a line break, or {@code '"'} while
   *     quoting is on
   */
  public DelimitedFormat withDelimiter(char delimiter) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with or without a header line.
   *
   * @param header whether the first line names the columns
   * @return the new format
   * @throws IllegalArgumentException if {@code header} is false and a column is named
   */
  public DelimitedFormat withHeader(boolean header) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with RFC 4180 quote handling on or off.
   *
   * @param quoted whether double quotes are honoured
   * @return the new format
   * @throws IllegalArgumentException if {@code quoted} and the delimiter is {@code '"'}
   */
  public DelimitedFormat withQuotes(boolean quoted) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with another user column.
   *
   * @param user the user id column
   * @return the new format
   * @throws IllegalArgumentException if the column is null, clashes with another, or is named
   *     without a header
   */
  public DelimitedFormat withUser(Column user) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with another item column.
   *
   * @param item the item id column
   * @return the new format
   * @throws IllegalArgumentException if the column is null, clashes with another, or is named
   *     without a header
   */
  public DelimitedFormat withItem(Column item) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with a value column ({@code null}: none, every value is 1.0).
   *
   * @param value the value column, or {@code null}
   * @return the new format
   * @throws IllegalArgumentException if the column clashes with another, or is named without a
   *     header
   */
  public DelimitedFormat withValue(Column value) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with a timestamp column in the given format.
   *
   * @param timestamp the timestamp column, or {@code null} for none
   * @param format how timestamps are written
   * @return the new format
   * @throws IllegalArgumentException if the column clashes with another, is named without a
   *     header, or is null while an event-type column is set; or {@code format} is null
   */
  public DelimitedFormat withTimestamp(Column timestamp, TimestampFormat format) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        format, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with an event-type column ({@code null}: none). At most
   * {@link dev.reco.core.Interactions#MAX_EVENT_TYPES} distinct names may occur in a file.
   *
   * @param eventType the event-type column, or {@code null}
   * @return the new format
   * @throws IllegalArgumentException if the column clashes with another, is named without a
   *     header, or there is no timestamp column
   */
  public DelimitedFormat withEventType(Column eventType) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skipCommentLines);
  }

  /**
   * Returns this format with blank lines skipped or treated as bad lines.
   *
   * @param skip whether empty (or whitespace-only) lines are ignored
   * @return the new format
   */
  public DelimitedFormat withSkipBlankLines(boolean skip) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skip, skipCommentLines);
  }

  /**
   * Returns this format with {@code #} comment lines skipped or read as data.
   *
   * @param skip whether lines starting with {@code '#'} are ignored
   * @return the new format
   */
  public DelimitedFormat withSkipCommentLines(boolean skip) {
    return new DelimitedFormat(delimiter, header, quoted, user, item, value, timestamp,
        timestampFormat, eventType, skipBlankLines, skip);
  }
}
