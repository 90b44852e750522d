package dev.reco.features.table;

import dev.reco.core.io.ErrorMode;
import dev.reco.core.io.TimestampFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@link TableLoader} reads delimited text: delimiter, quoting, which field texts mean
 * "missing", how timestamp columns are written, and what happens to a value that does not parse.
 *
 * <p>Start from {@link #csv()} or {@link #tsv()} and refine with the {@code with...} methods;
 * each returns a new, validated instance. The first non-blank line is always a header naming the
 * columns.
 *
 * @param delimiter the field separator, e.g. {@code ','} or {@code '\t'}; not a line break
 * @param quoted whether RFC 4180 double quotes are honoured: a field wrapped in {@code "} may
 *     contain the delimiter, {@code ""} inside it stands for one quote; a quoted field cannot
 *     span lines
 * @param nullTokens field texts (compared exactly, after trimming spaces) read as missing, in
 *     addition to the empty field, e.g. {@code "NA"} or {@code "null"}
 * @param timestampFormats for {@link ColumnType#LONG} columns holding timestamps: column name to
 *     format; such values are stored in epoch milliseconds
 * @param errorMode {@link ErrorMode#STRICT}: the first bad value or line throws a {@link
 *     TableLoadException}; {@link ErrorMode#LENIENT}: a bad value becomes missing and a bad line
 *     is skipped, both counted in the {@link TableLoadReport}
 * @param maxExamples how many bad values and lines the report keeps as examples, {@code >= 0}
 */
public record TableLoadOptions(
    char delimiter,
    boolean quoted,
    Set<String> nullTokens,
    Map<String, TimestampFormat> timestampFormats,
    ErrorMode errorMode,
    int maxExamples) {

  /** Examples kept by default: 5. */
  public static final int DEFAULT_MAX_EXAMPLES = 5;

  /**
   * Validates the options and copies the collections.
   *
   * @throws IllegalArgumentException if the delimiter is a line break or (with quoting) a
   *     quote, a collection or the error mode is null, a null token is null, or maxExamples is
   *     negative
   */
  public TableLoadOptions {
    if (delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter = " + (delimiter == '\n' ? "'\\n'" : "'\\r'")
          + "; expected a character that is not a line break");
    }
    if (quoted && delimiter == '"') {
      throw new IllegalArgumentException(
          "delimiter = '\"' with quoted = true; expected a delimiter other than the quote character");
    }
    if (nullTokens == null) {
      throw new IllegalArgumentException("nullTokens = null; expected a set (empty for none)");
    }
    for (String t : nullTokens) {
      if (t == null) {
        throw new IllegalArgumentException("nullTokens contains null; expected strings such as \"NA\"");
      }
    }
    if (timestampFormats == null) {
      throw new IllegalArgumentException("timestampFormats = null; expected a map (empty for none)");
    }
    for (Map.Entry<String, TimestampFormat> e : timestampFormats.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("timestampFormats entry " + e.getKey() + " = "
            + e.getValue() + "; expected a column name and a TimestampFormat");
      }
    }
    if (errorMode == null) {
      throw new IllegalArgumentException("errorMode = null; expected STRICT or LENIENT");
    }
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples = " + maxExamples + "; expected >= 0");
    }
    nullTokens = Collections.unmodifiableSet(new LinkedHashSet<>(nullTokens));
    timestampFormats = Collections.unmodifiableMap(new LinkedHashMap<>(timestampFormats));
  }

  /**
   * Returns comma-separated, quoted options: only the empty field is missing, no timestamp
   * columns, strict, {@value #DEFAULT_MAX_EXAMPLES} examples.
   *
   * @return the options
   */
  public static TableLoadOptions csv() {
    return new TableLoadOptions(',', true, Set.of(), Map.of(), ErrorMode.STRICT,
        DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Returns tab-separated options without quoting; otherwise as {@link #csv()}.
   *
   * @return the options
   */
  public static TableLoadOptions tsv() {
    return new TableLoadOptions('\t', false, Set.of(), Map.of(), ErrorMode.STRICT,
        DEFAULT_MAX_EXAMPLES);
  }

  /**
   * Returns these options with another delimiter.
   *
   * @param delimiter the field separator
   * @return the new options
   * @throws IllegalArgumentException if it is a line break, or a quote while quoting is on
   */
  public TableLoadOptions withDelimiter(char delimiter) {
    return new TableLoadOptions(delimiter, quoted, nullTokens, timestampFormats, errorMode,
        maxExamples);
  }

  /**
   * Returns these options with quote handling on or off.
   *
   * @param quoted whether double quotes are honoured
   * @return the new options
   * @throws IllegalArgumentException if quoting is on and the delimiter is a quote
   */
  public TableLoadOptions withQuotes(boolean quoted) {
    return new TableLoadOptions(delimiter, quoted, nullTokens, timestampFormats, errorMode,
        maxExamples);
  }

  /**
   * Returns these options with these null tokens (replacing the previous ones).
   *
   * @param tokens field texts read as missing, e.g. {@code "NA"}, {@code "null"}
   * @return the new options
   * @throws IllegalArgumentException if a token is null
   */
  public TableLoadOptions withNullTokens(String... tokens) {
    if (tokens == null) {
      throw new IllegalArgumentException("tokens = null; expected strings such as \"NA\"");
    }
    return new TableLoadOptions(delimiter, quoted, new LinkedHashSet<>(List.of(tokens)),
        timestampFormats, errorMode, maxExamples);
  }

  /**
   * Returns these options with a timestamp format for one {@link ColumnType#LONG} column.
   *
   * @param column the column name
   * @param format how its values are written; they are stored in epoch milliseconds
   * @return the new options
   * @throws IllegalArgumentException if an argument is null
   */
  public TableLoadOptions withTimestamp(String column, TimestampFormat format) {
    Map<String, TimestampFormat> m = new LinkedHashMap<>(timestampFormats);
    if (column == null || format == null) {
      throw new IllegalArgumentException("column = " + column + ", format = " + format
          + "; expected a column name and a TimestampFormat");
    }
    m.put(column, format);
    return new TableLoadOptions(delimiter, quoted, nullTokens, m, errorMode, maxExamples);
  }

  /**
   * Returns these options with another error mode.
   *
   * @param errorMode STRICT or LENIENT
   * @return the new options
   * @throws IllegalArgumentException if null
   */
  public TableLoadOptions withErrorMode(ErrorMode errorMode) {
    return new TableLoadOptions(delimiter, quoted, nullTokens, timestampFormats, errorMode,
        maxExamples);
  }

  /**
   * Returns these options keeping another number of examples.
   *
   * @param maxExamples examples kept in the report, {@code >= 0}
   * @return the new options
   * @throws IllegalArgumentException if negative
   */
  public TableLoadOptions withMaxExamples(int maxExamples) {
    return new TableLoadOptions(delimiter, quoted, nullTokens, timestampFormats, errorMode,
        maxExamples);
  }
}
