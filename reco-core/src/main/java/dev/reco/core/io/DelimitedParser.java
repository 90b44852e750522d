package dev.reco.core.io;

import dev.reco.core.IdIndex;
import dev.reco.core.Interactions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One load: scans lines and fields by hand over a large char buffer, resolves the mapped
 * columns, parses each row into {@link RowColumns}, and builds the {@link Interactions} at the
 * end. Single use, not thread-safe; {@link DelimitedLoader} creates one per call.
 *
 * <p>Per data line the work is: find the line end, find the boundaries of the fields up to the
 * highest mapped column, resolve the ids through reused {@link CharSlice} views (numeric ids by
 * array lookup, others by hash; an id becomes a String only the first time it is seen) and parse
 * numbers in place with {@link NumberParser}. No object is allocated for a well-formed line with
 * known ids.
 */
final class DelimitedParser {
  /** Default buffer size in chars. */
  static final int DEFAULT_BUFFER_CHARS = 1 << 17;
  /** Longest line accepted, in chars; longer means the input is not delimited text. */
  static final int MAX_LINE_CHARS = 1 << 24;
  static final int MAX_LINE_IN_MESSAGE = 200;
  private static final int MAX_FIELD_IN_MESSAGE = 60;

  private static final String[] ROLES = {"user", "item", "value", "timestamp", "eventType"};
  private static final int USER = 0;
  private static final int ITEM = 1;
  private static final int VALUE = 2;
  private static final int TIME = 3;
  private static final int TYPE = 4;

  private final Reader in;
  private final String source;
  private final DelimitedFormat format;
  private final LoadOptions options;
  private final long sizeHintBytes;
  private final FieldSplitter splitter;
  private final boolean strict;
  private final TimestampFormat.Kind timeKind;
  private final DateTimeFormatter timeFormatter;

  // input buffer: chars [pos, limit) are unread
  private char[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private int lineStart;
  private int lineEnd;
  private long lineNumber;

  // resolved columns: field index of each role, -1 when absent
  private final Column[] columns = new Column[5];
  private final int[] fieldOf = {-1, -1, -1, -1, -1};
  private final String[] labels = new String[5];
  private int fieldsNeeded;
  private int[] fieldStart;
  private int[] fieldEnd;
  private boolean[] fieldQuoted; // field holds doubled quotes to collapse

  private final CharSlice userId = new CharSlice();
  private final CharSlice itemId = new CharSlice();
  private final CharSlice typeName = new CharSlice();
  private final CharSlice scratch = new CharSlice();
  private float rowValue;
  private long rowTime;
  private String problem; // message of the last rejected line

  // counts
  private long ignoredLines;
  private long rowsAccepted;
  private final long[] skipped = new long[SkipReason.values().length];
  private final int[] exampleCount = new int[SkipReason.values().length];
  private final List<LoadReport.SkippedLine> examples = new ArrayList<>();

  DelimitedParser(Reader in, String source, DelimitedFormat format, LoadOptions options,
      long sizeHintBytes, int bufferChars) {
    this.in = in;
    this.source = source;
    this.format = format;
    this.options = options;
    this.sizeHintBytes = sizeHintBytes;
    this.splitter = new FieldSplitter(format.delimiter(), format.quoted());
    this.strict = options.errorMode() == ErrorMode.STRICT;
    this.buf = new char[Math.max(2, bufferChars)];
    columns[USER] = format.user();
    columns[ITEM] = format.item();
    columns[VALUE] = format.value();
    columns[TIME] = format.timestamp();
    columns[TYPE] = format.eventType();
    TimestampFormat tf = format.timestampFormat();
    this.timeKind = tf.kind();
    this.timeFormatter = tf.kind() == TimestampFormat.Kind.PATTERN
        ? TimestampFormat.compile(tf.pattern(), tf.zone())
        : tf.kind() == TimestampFormat.Kind.ISO_INSTANT ? DateTimeFormatter.ISO_INSTANT : null;
  }

  LoadResult load() throws IOException {
    try {
      return run();
    } catch (CharacterCodingException e) {
      throw new DataLoadException(source, lineNumber + 1,
          "the text is not valid UTF-8 (" + e + "); expected UTF-8 encoded text", e);
    }
  }

  private LoadResult run() throws IOException {
    fill();
    if (limit > 0 && buf[0] == '\uFEFF') {
      pos = 1; // byte order mark
    }
    boolean needHeader = format.header();
    if (!needHeader) {
      resolve(null);
    }
    RowColumns rows = new RowColumns(columns[TIME] != null, columns[TYPE] != null, expectedRows());
    boolean skipBlank = format.skipBlankLines();
    boolean skipComments = format.skipCommentLines();
    while (nextLine()) {
      if ((skipBlank && isBlank()) || (skipComments && lineEnd > lineStart && buf[lineStart] == '#')) {
        ignoredLines++;
        continue;
      }
      if (needHeader) {
        resolve(splitHeader());
        needHeader = false;
        ignoredLines++;
        continue;
      }
      SkipReason reason = parseRow();
      if (reason == null) {
        addRow(rows);
        rowsAccepted++;
      } else {
        reject(reason);
      }
    }
    if (needHeader) {
      throw new DataLoadException(source, 0, null, null, (lineNumber == 0 ? "the file is empty"
          : "the file has only blank or comment lines") + "; expected a header line naming "
          + mappedNames());
    }
    Interactions interactions;
    long merged;
    if (rowsAccepted == 0) {
      interactions = empty();
      merged = 0;
    } else {
      try {
        interactions = rows.build(options.duplicates());
      } catch (IllegalArgumentException e) {
        throw new DataLoadException(source, 0, e.getMessage(), e);
      }
      merged = rows.mergedDuplicates();
    }
    Map<SkipReason, Long> byReason = new EnumMap<>(SkipReason.class);
    for (SkipReason r : SkipReason.values()) {
      byReason.put(r, skipped[r.ordinal()]);
    }
    LoadReport report = new LoadReport(source, lineNumber, ignoredLines, rowsAccepted, merged,
        byReason, examples);
    return new LoadResult(interactions, report);
  }

  /** An empty table whose optional columns match the format. */
  private Interactions empty() {
    boolean withTime = columns[TIME] != null;
    boolean withTypes = columns[TYPE] != null;
    return Interactions.fromColumns(IdIndex.empty(), IdIndex.empty(),
        withTypes ? IdIndex.empty() : null, new int[0], new int[0], new float[0],
        withTime ? new long[0] : null, withTypes ? new byte[0] : null);
  }

  /** Estimates the row count from the file size and the mean line length of the first buffer. */
  private int expectedRows() {
    if (sizeHintBytes <= 0 || limit == 0) {
      return 0;
    }
    int lines = 0;
    for (int i = pos; i < limit; i++) {
      if (buf[i] == '\n') {
        lines++;
      }
    }
    if (lines == 0 || eof) {
      return 0; // tiny file or giant lines: growing is cheap enough
    }
    double charsPerLine = (double) (limit - pos) / lines;
    double expected = sizeHintBytes / charsPerLine * 1.02 + 16;
    return (int) Math.min(expected, 1 << 30);
  }

  // ---------------------------------------------------------------- lines

  /** Reads more chars after {@code limit}, compacting first; sets {@code eof} at the end. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (buf.length - limit < 2) { // a read may need two chars for a surrogate pair
      if (buf.length >= MAX_LINE_CHARS) {
        throw new DataLoadException(source, lineNumber + 1, null, null, "line is longer than "
            + MAX_LINE_CHARS + " characters; expected delimited text with line breaks");
      }
      buf = java.util.Arrays.copyOf(buf, Math.min(MAX_LINE_CHARS, buf.length * 2));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** Advances to the next physical line; sets {@code lineStart}, {@code lineEnd} (no CR/LF). */
  private boolean nextLine() throws IOException {
    int scan = pos;
    while (true) {
      char[] b = buf;
      for (int i = scan, n = limit; i < n; i++) {
        if (b[i] == '\n') {
          setLine(pos, i);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        return false;
      }
      scan = limit - pos; // where the search resumes after compaction
      fill();
    }
  }

  private void setLine(int start, int end) {
    lineStart = start;
    lineEnd = end > start && buf[end - 1] == '\r' ? end - 1 : end;
    lineNumber++;
  }

  private boolean isBlank() {
    for (int i = lineStart; i < lineEnd; i++) {
      char c = buf[i];
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- header and columns

  /** Splits the header line into names, honouring quotes when on. */
  private List<String> splitHeader() {
    int n = splitter.split(buf, lineStart, lineEnd, Integer.MAX_VALUE);
    if (n < 0) {
      throw new DataLoadException(source, lineNumber, null, lineText(),
          "header has a malformed quoted field: " + splitter.problem());
    }
    List<String> names = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      names.add(splitter.text(buf, k));
    }
    return names;
  }

  /** Maps each role to a field index, against the header when there is one. */
  private void resolve(List<String> header) {
    int max = -1;
    for (int r = 0; r < columns.length; r++) {
      Column c = columns[r];
      if (c == null) {
        continue;
      }
      labels[r] = c.label(ROLES[r]);
      int field;
      if (c.isNamed()) {
        field = header.indexOf(c.name());
        if (field < 0) {
          throw new DataLoadException(source, lineNumber, null, lineText(), "header has no "
              + labels[r] + " for the " + ROLES[r] + "; header columns: " + header);
        }
        int again = header.lastIndexOf(c.name());
        if (again != field) {
          throw new DataLoadException(source, lineNumber, null, lineText(), "header names "
              + labels[r] + " twice (positions " + field + " and " + again
              + "); expected a unique name for a mapped column");
        }
      } else {
        field = c.position();
        if (header != null && field >= header.size()) {
          throw new DataLoadException(source, lineNumber, null, lineText(), labels[r]
              + " is mapped by position but the header has " + header.size()
              + " columns: " + header);
        }
      }
      for (int q = 0; q < r; q++) {
        if (fieldOf[q] == field) {
          throw new DataLoadException(source, lineNumber, null, lineText(), ROLES[q] + " ("
              + labels[q] + ") and " + ROLES[r] + " (" + labels[r] + ") are both column "
              + field + "; expected distinct columns");
        }
      }
      fieldOf[r] = field;
      max = Math.max(max, field);
    }
    fieldsNeeded = max + 1;
    fieldStart = new int[fieldsNeeded];
    fieldEnd = new int[fieldsNeeded];
    fieldQuoted = new boolean[fieldsNeeded];
  }

  private String mappedNames() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      if (c != null && c.isNamed()) {
        names.add(c.name());
      }
    }
    return names.isEmpty() ? "its columns" : "columns " + names;
  }

  // ---------------------------------------------------------------- rows

  /** Splits and parses the current line; returns null when it is a good row, else why not. */
  private SkipReason parseRow() {
    SkipReason split = splitFields();
    if (split != null) {
      return split;
    }
    if (!id(USER, userId) || !id(ITEM, itemId)) {
      return SkipReason.EMPTY_ID;
    }
    if (fieldOf[VALUE] >= 0) {
      SkipReason r = parseValue();
      if (r != null) {
        return r;
      }
    } else {
      rowValue = 1f;
    }
    if (fieldOf[TIME] >= 0) {
      SkipReason r = parseTime();
      if (r != null) {
        return r;
      }
    }
    if (fieldOf[TYPE] >= 0 && !id(TYPE, typeName)) {
      return SkipReason.EMPTY_ID;
    }
    return null;
  }

  /** Records the boundaries of fields 0 .. fieldsNeeded-1 of the current line. */
  private SkipReason splitFields() {
    final int need = fieldsNeeded;
    int f = splitter.split(buf, lineStart, lineEnd, need);
    if (f < 0) {
      problem = splitter.problem();
      return SkipReason.MALFORMED_QUOTES;
    }
    if (f == need) {
      for (int k = 0; k < need; k++) {
        fieldStart[k] = splitter.start(k);
        fieldEnd[k] = splitter.end(k);
        fieldQuoted[k] = splitter.hasEscapedQuotes(k);
      }
      return null;
    }
    int lastRole = 0;
    for (int r = 0; r < fieldOf.length; r++) {
      if (fieldOf[r] == need - 1) {
        lastRole = r;
      }
    }
    problem = "found " + f + (f == 1 ? " column" : " columns") + "; expected at least " + need
        + " for " + labels[lastRole];
    return SkipReason.MISSING_COLUMNS;
  }

  /** Points {@code view} at the field of {@code role}; false if the field is empty. */
  private boolean id(int role, CharSlice view) {
    int f = fieldOf[role];
    int s = fieldStart[f];
    int e = fieldEnd[f];
    if (s == e) {
      problem = labels[role] + " is empty; expected "
          + (role == USER ? "a user id" : role == ITEM ? "an item id" : "an event type name");
      return false;
    }
    if (fieldQuoted[f]) {
      view.setUnquoted(buf, s, e);
    } else {
      view.set(buf, s, e - s);
    }
    return true;
  }

  /** Points {@link #scratch} at the text of the field of {@code role}. */
  private CharSlice field(int role) {
    int f = fieldOf[role];
    if (fieldQuoted[f]) {
      scratch.setUnquoted(buf, fieldStart[f], fieldEnd[f]);
    } else {
      scratch.set(buf, fieldStart[f], fieldEnd[f] - fieldStart[f]);
    }
    return scratch;
  }

  private SkipReason parseValue() {
    CharSlice text = field(VALUE);
    float v;
    try {
      v = NumberParser.parseFloat(text.array(), text.offset(), text.length());
    } catch (NumberFormatException e) {
      if (NumberParser.namesNonFinite(text)) {
        problem = fieldIs(VALUE, text) + "; expected a finite number";
        return SkipReason.NON_FINITE_VALUE;
      }
      problem = text.length() == 0 ? labels[VALUE] + " is empty; expected a number"
          : fieldIs(VALUE, text) + "; expected a number";
      return SkipReason.NOT_A_NUMBER;
    }
    if (!Float.isFinite(v)) {
      problem = fieldIs(VALUE, text) + "; expected a finite number"
          + (Float.isNaN(v) ? "" : " within float range (|x| < 3.4e38)");
      return SkipReason.NON_FINITE_VALUE;
    }
    rowValue = v;
    return null;
  }

  private SkipReason parseTime() {
    CharSlice text = field(TIME);
    try {
      switch (timeKind) {
        case UNIX_SECONDS:
          rowTime = Math.multiplyExact(
              NumberParser.parseLong(text.array(), text.offset(), text.length()), 1000L);
          break;
        case UNIX_MILLIS:
          rowTime = NumberParser.parseLong(text.array(), text.offset(), text.length());
          break;
        case ISO_INSTANT:
          rowTime = timeFormatter.parse(text, Instant::from).toEpochMilli();
          break;
        case PATTERN:
          rowTime = parsePattern(text);
          break;
        default:
          throw new AssertionError(timeKind);
      }
      return null;
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      problem = fieldIs(TIME, text) + "; expected " + format.timestampFormat().expectation()
          + (e instanceof ArithmeticException ? " in the range of epoch milliseconds" : "");
      return SkipReason.BAD_TIMESTAMP;
    }
  }

  private long parsePattern(CharSequence text) {
    TemporalAccessor t = timeFormatter.parseBest(text, Instant::from, LocalDate::from);
    if (t instanceof Instant) {
      return ((Instant) t).toEpochMilli();
    }
    return ((LocalDate) t).atStartOfDay(format.timestampFormat().zone()).toInstant().toEpochMilli();
  }

  private String fieldIs(int role, CharSequence text) {
    return labels[role] + " = '" + truncate(text, MAX_FIELD_IN_MESSAGE) + "'";
  }

  private void addRow(RowColumns rows) {
    int code = 0;
    if (fieldOf[TYPE] >= 0) {
      code = rows.typeCode(typeName);
      if (code < 0) {
        throw new DataLoadException(source, lineNumber, null, lineText(), labels[TYPE] + " = '"
            + truncate(typeName, MAX_FIELD_IN_MESSAGE) + "' would be event type number "
            + (Interactions.MAX_EVENT_TYPES + 1) + "; expected at most "
            + Interactions.MAX_EVENT_TYPES + " distinct event types");
      }
    }
    rows.add(rows.userIndex(userId), rows.itemIndex(itemId), rowValue, rowTime, code);
  }

  private void reject(SkipReason reason) {
    if (strict) {
      throw new DataLoadException(source, lineNumber, reason, lineText(), problem);
    }
    int r = reason.ordinal();
    skipped[r]++;
    if (exampleCount[r] < options.maxExamples()) {
      exampleCount[r]++;
      examples.add(new LoadReport.SkippedLine(lineNumber, reason, lineText(), problem));
    }
  }

  private String lineText() {
    int n = lineEnd - lineStart;
    if (n <= MAX_LINE_IN_MESSAGE) {
      return new String(buf, lineStart, n);
    }
    return new String(buf, lineStart, MAX_LINE_IN_MESSAGE) + "...";
  }

  private static String truncate(CharSequence s, int max) {
    return s.length() <= max ? s.toString() : s.subSequence(0, max) + "...";
  }
}
