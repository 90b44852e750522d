package dev.reco.features.table;

import dev.reco.core.io.ErrorMode;
import dev.reco.core.io.TimestampFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Loads delimited text (CSV, TSV; {@code .gz} files decompressed on the fly) into a {@link
 * Table} with a declared {@link TableSchema}, or infers a schema from a sample.
 *
 * <p>Stateless and thread-safe; each call reads its input once, streaming, in UTF-8. The first
 * line that is not blank is the header; a byte order mark is skipped; lines end with {@code \n}
 * or {@code \r\n}; blank lines are ignored. Declared columns are found by header name, in any
 * order; extra columns are ignored; the table's columns follow the schema order.
 *
 * <p>Values: an empty field or one of {@link TableLoadOptions#nullTokens()} (compared after
 * trimming spaces) is missing. {@link ColumnType#DOUBLE}: a finite decimal number;
 * {@link ColumnType#LONG}: an integer, or a timestamp in the column's
 * {@link TableLoadOptions#timestampFormats() declared format} stored in epoch milliseconds;
 * {@link ColumnType#BOOLEAN}: {@code true}, {@code false}, {@code 1} or {@code 0}, any case;
 * {@link ColumnType#CATEGORICAL}: the text as it stands, codes in order of first appearance.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>a value that does not parse throws a {@link TableLoadException} naming
 *       {@code file:line}, the column, the value and the expected type in
 *       {@link ErrorMode#STRICT} mode; in {@link ErrorMode#LENIENT} mode it becomes missing and
 *       is counted in the {@link TableLoadReport};
 *   <li>a line with fewer fields than needed or malformed quotes throws in strict mode and is
 *       skipped (counted) in lenient mode;
 *   <li>structural problems throw in both modes: no header, a declared column absent from the
 *       header or named twice there, text that is not UTF-8, an empty schema.
 * </ul>
 *
 * <p>reco-core's {@code DelimitedLoader} reads interactions (user, item, value, time) through a
 * package-private parser bound to those roles, so this loader has its own small field splitter
 * that follows the same rules (RFC 4180 quotes on one line, header by name, same timestamp
 * semantics through {@link TimestampFormat}).
 */
public final class TableLoader {
  private static final int MAX_VALUE_IN_MESSAGE = 60;
  private static final int MAX_LINE_IN_MESSAGE = 200;

  private TableLoader() {}

  /**
   * Loads a file; a name ending in {@code .gz} is decompressed. Messages name the file as
   * {@code file.toString()}.
   *
   * @param file the file
   * @param schema the declared columns
   * @param options delimiter, null tokens, timestamps, error mode
   * @return the table and the load report
   * @throws TableLoadException for a bad value or line in strict mode, or a structural problem
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if an argument is null, or a timestamp format names a
   *     column that is not a declared LONG column
   */
  public static TableLoadResult load(Path file, TableSchema schema, TableLoadOptions options)
      throws IOException {
    requireNonNull(file, "file");
    try (BufferedReader in = open(file)) {
      return load(in, file.toString(), schema, options);
    }
  }

  /**
   * Loads text from a reader, which is read to its end and not closed.
   *
   * @param reader the text
   * @param sourceName the name messages and the report use, e.g. a file name
   * @param schema the declared columns
   * @param options delimiter, null tokens, timestamps, error mode
   * @return the table and the load report
   * @throws TableLoadException for a bad value or line in strict mode, or a structural problem
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException if an argument is null, or a timestamp format names a
   *     column that is not a declared LONG column
   */
  public static TableLoadResult load(Reader reader, String sourceName, TableSchema schema,
      TableLoadOptions options) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(schema, "schema");
    requireNonNull(options, "options");
    for (String c : options.timestampFormats().keySet()) {
      int i = schema.indexOf(c);
      if (i < 0 || schema.fields().get(i).type() != ColumnType.LONG) {
        throw new IllegalArgumentException("timestampFormats names column '" + c
            + "'; expected a LONG column of the schema " + schema);
      }
    }
    if (schema.size() == 0) {
      throw new IllegalArgumentException("schema has no columns; expected at least one");
    }
    BufferedReader in = reader instanceof BufferedReader
        ? (BufferedReader) reader : new BufferedReader(reader, 1 << 16);
    return new Load(in, sourceName, schema, options).run();
  }

  /**
   * Infers a schema from the header and the first {@code sampleRows} data lines of a file: per
   * column {@link ColumnType#LONG} if every present value is an integer, else
   * {@link ColumnType#DOUBLE} if every one is a decimal number, else
   * {@link ColumnType#BOOLEAN} if every one is {@code true} or {@code false} (any case), else
   * {@link ColumnType#CATEGORICAL}; a column without present values in the sample is
   * CATEGORICAL. Columns keep the header order. Lines with malformed quotes are ignored.
   *
   * @param file the file ({@code .gz} decompressed)
   * @param options delimiter, quoting and null tokens (other settings unused)
   * @param sampleRows data lines to look at, {@code >= 1}
   * @return the inferred schema
   * @throws TableLoadException if there is no header, it names a column twice or is malformed
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if an argument is null or sampleRows &lt; 1
   */
  public static TableSchema inferSchema(Path file, TableLoadOptions options, int sampleRows)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(options, "options");
    if (sampleRows < 1) {
      throw new IllegalArgumentException("sampleRows = " + sampleRows + "; expected >= 1");
    }
    String source = file.toString();
    try (BufferedReader in = open(file)) {
      LineSplitter splitter = new LineSplitter(options.delimiter(), options.quoted());
      long[] lineNo = {0};
      List<String> header = readHeader(in, source, splitter, lineNo);
      int n = header.size();
      boolean[] notLong = new boolean[n];
      boolean[] notDouble = new boolean[n];
      boolean[] notBoolean = new boolean[n];
      boolean[] seen = new boolean[n];
      int rows = 0;
      String line;
      while (rows < sampleRows && (line = readLine(in, source, lineNo)) != null) {
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = splitter.split(line, n);
        if (fields == null) {
          continue;
        }
        rows++;
        for (int c = 0; c < n && c < fields.size(); c++) {
          String s = fields.get(c).trim();
          if (s.isEmpty() || options.nullTokens().contains(s)) {
            continue;
          }
          seen[c] = true;
          if (!notLong[c]) {
            try {
              Long.parseLong(s);
            } catch (NumberFormatException e) {
              notLong[c] = true;
            }
          }
          if (!notDouble[c] && !ColumnBuilder.Doubles.parses(s)) {
            notDouble[c] = true;
          }
          if (!notBoolean[c] && !(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            notBoolean[c] = true;
          }
        }
      }
      List<TableSchema.Field> fields = new ArrayList<>(n);
      for (int c = 0; c < n; c++) {
        ColumnType t = !seen[c] ? ColumnType.CATEGORICAL
            : !notLong[c] ? ColumnType.LONG
            : !notDouble[c] ? ColumnType.DOUBLE
            : !notBoolean[c] ? ColumnType.BOOLEAN
            : ColumnType.CATEGORICAL;
        fields.add(new TableSchema.Field(header.get(c), t));
      }
      return TableSchema.of(fields);
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    boolean gzip = file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream bytes = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      return new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Reads a line, counting it; a decoding error names the line being read. */
  private static String readLine(BufferedReader in, String source, long[] lineNo)
      throws IOException {
    String line;
    try {
      line = in.readLine();
    } catch (CharacterCodingException e) {
      throw new TableLoadException(source, lineNo[0] + 1, null, null,
          "the text is not valid UTF-8 (" + e + "); expected UTF-8 encoded text", e);
    }
    if (line != null) {
      lineNo[0]++;
      if (lineNo[0] == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
    }
    return line;
  }

  private static List<String> readHeader(BufferedReader in, String source, LineSplitter splitter,
      long[] lineNo) throws IOException {
    String line;
    while ((line = readLine(in, source, lineNo)) != null) {
      if (line.isBlank()) {
        continue;
      }
      List<String> header = splitter.split(line, Integer.MAX_VALUE);
      if (header == null) {
        throw new TableLoadException(source, lineNo[0], null, null, "header: "
            + splitter.problem() + ": \"" + clip(line, MAX_LINE_IN_MESSAGE) + "\"", null);
      }
      List<String> names = new ArrayList<>(header.size());
      Map<String, Integer> first = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i).trim();
        Integer before = first.putIfAbsent(name, i);
        if (before != null) {
          throw new TableLoadException(source, lineNo[0], null, null, "header names '" + name
              + "' twice (positions " + before + " and " + i + "); expected unique column names",
              null);
        }
        names.add(name);
      }
      return names;
    }
    throw new TableLoadException(source, 0, null, null, (lineNo[0] == 0 ? "the file is empty"
        : "the file has only blank lines") + "; expected a header line naming the columns", null);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " = null; expected a value");
    }
  }

  /** One load: single use. */
  private static final class Load {
    private final BufferedReader in;
    private final String source;
    private final TableLoadOptions options;
    private final boolean strict;
    private final LineSplitter splitter;
    private final ColumnBuilder[] builders;
    private final int[] fieldOf;
    private final long[] invalid;
    private final List<TableLoadReport.Issue> examples = new ArrayList<>();
    private final long[] lineNo = {0};
    private long skippedLines;

    Load(BufferedReader in, String source, TableSchema schema, TableLoadOptions options) {
      this.in = in;
      this.source = source;
      this.options = options;
      this.strict = options.errorMode() == ErrorMode.STRICT;
      this.splitter = new LineSplitter(options.delimiter(), options.quoted());
      int n = schema.size();
      this.builders = new ColumnBuilder[n];
      this.fieldOf = new int[n];
      this.invalid = new long[n];
      for (int c = 0; c < n; c++) {
        TableSchema.Field f = schema.fields().get(c);
        builders[c] = ColumnBuilder.of(f.name(), f.type(), options.timestampFormats().get(f.name()));
      }
    }

    TableLoadResult run() throws IOException {
      List<String> header = readHeader(in, source, splitter, lineNo);
      int needed = 0;
      for (int c = 0; c < builders.length; c++) {
        String name = builders[c].name;
        int field = header.indexOf(name);
        if (field < 0) {
          throw new TableLoadException(source, lineNo[0], name, null, "header has no column '"
              + name + "' declared in the schema; header columns: " + header, null);
        }
        fieldOf[c] = field;
        needed = Math.max(needed, field + 1);
      }
      String line;
      int rows = 0;
      while ((line = readLine(in, source, lineNo)) != null) {
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = splitter.split(line, needed);
        if (fields == null || fields.size() < needed) {
          String why = fields == null ? splitter.problem() : "line has " + fields.size()
              + " fields; expected at least " + needed + " (the header has " + header.size() + ")";
          if (strict) {
            throw new TableLoadException(source, lineNo[0], null, null, why + ": \""
                + clip(line, MAX_LINE_IN_MESSAGE) + "\"", null);
          }
          skippedLines++;
          example(null, clip(line, MAX_LINE_IN_MESSAGE), why);
          continue;
        }
        for (int c = 0; c < builders.length; c++) {
          String text = fields.get(fieldOf[c]);
          ColumnBuilder b = builders[c];
          if (isNull(text)) {
            b.addMissing();
          } else if (!b.add(text)) {
            String shown = clip(text, MAX_VALUE_IN_MESSAGE);
            if (strict) {
              throw new TableLoadException(source, lineNo[0], b.name, shown, "column '" + b.name
                  + "' = '" + shown + "'; expected " + b.expected(), null);
            }
            invalid[c]++;
            example(b.name, shown, b.expected());
            b.addMissing();
          }
        }
        rows++;
      }
      List<Column> columns = new ArrayList<>(builders.length);
      Map<String, Long> byColumn = new LinkedHashMap<>();
      long total = 0;
      for (int c = 0; c < builders.length; c++) {
        columns.add(builders[c].build());
        if (invalid[c] > 0) {
          byColumn.put(builders[c].name, invalid[c]);
          total += invalid[c];
        }
      }
      TableLoadReport report = new TableLoadReport(source, lineNo[0], rows, skippedLines, total,
          byColumn, examples);
      return new TableLoadResult(Table.of(columns), report);
    }

    private boolean isNull(String text) {
      if (text.isEmpty()) {
        return true;
      }
      if (options.nullTokens().isEmpty()) {
        return false;
      }
      return options.nullTokens().contains(text.trim());
    }

    private void example(String column, String value, String expected) {
      if (examples.size() < options.maxExamples()) {
        examples.add(new TableLoadReport.Issue(lineNo[0], column, value, expected));
      }
    }
  }
}
