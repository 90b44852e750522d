package dev.reco.features.table;

import dev.reco.core.IdIndex;
import dev.reco.core.io.TimestampFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * Accumulates the parsed values of one column of a {@link TableLoader} load into primitive
 * arrays. {@link #add} parses one non-missing field text and returns false when it does not fit
 * the column's type; {@link #addMissing} appends a missing value.
 */
abstract class ColumnBuilder {
  final String name;
  int size;
  final BitSet missing = new BitSet();

  ColumnBuilder(String name) {
    this.name = name;
  }

  static ColumnBuilder of(String name, ColumnType type, TimestampFormat timestamps) {
    switch (type) {
      case DOUBLE:
        return new Doubles(name);
      case LONG:
        return new Longs(name, timestamps);
      case CATEGORICAL:
        return new Categories(name);
      case BOOLEAN:
        return new Booleans(name);
      default:
        throw new AssertionError(type);
    }
  }

  /** Parses and appends a present value; false (nothing appended) when the text does not fit. */
  abstract boolean add(String text);

  /** Appends a missing value. */
  final void addMissing() {
    missing.set(size);
    grow();
    size++;
  }

  /** Makes room for index {@code size}. */
  abstract void grow();

  abstract Column build();

  /** What a value of this column looks like, for messages. */
  abstract String expected();

  static int newCapacity(int length) {
    return Math.max(16, length + (length >> 1));
  }

  /** Whether the text is plain decimal notation (no hex, no type suffix, no NaN/Infinity). */
  static boolean decimalNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  static final class Doubles extends ColumnBuilder {
    double[] values = new double[16];

    Doubles(String name) {
      super(name);
    }

    @Override
    boolean add(String text) {
      double v = parse(text.trim());
      if (Double.isNaN(v)) {
        return false;
      }
      grow();
      values[size++] = v;
      return true;
    }

    /** Parses a finite decimal number; NaN when the text is not one. */
    static double parse(String s) {
      if (!decimalNumber(s)) {
        return Double.NaN;
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
      return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Whether the (trimmed) text is a finite decimal number. */
    static boolean parses(String s) {
      return !Double.isNaN(parse(s));
    }

    @Override
    void grow() {
      if (size == values.length) {
        values = Arrays.copyOf(values, newCapacity(size));
      }
      values[size] = Double.NaN;
    }

    @Override
    Column build() {
      return DoubleColumn.of(name, Arrays.copyOf(values, size));
    }

    @Override
    String expected() {
      return "DOUBLE (a finite decimal number)";
    }
  }

  static final class Longs extends ColumnBuilder {
    long[] values = new long[16];
    private final TimestampFormat timestamps;
    private final DateTimeFormatter formatter;

    Longs(String name, TimestampFormat timestamps) {
      super(name);
      this.timestamps = timestamps;
      if (timestamps == null) {
        formatter = null;
      } else if (timestamps.kind() == TimestampFormat.Kind.ISO_INSTANT) {
        formatter = DateTimeFormatter.ISO_INSTANT;
      } else if (timestamps.kind() == TimestampFormat.Kind.PATTERN) {
        // as reco-core reads patterns: strict resolution, era defaulted, locale-independent
        formatter = new DateTimeFormatterBuilder()
            .appendPattern(timestamps.pattern())
            .parseDefaulting(ChronoField.ERA, 1)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(timestamps.zone());
      } else {
        formatter = null;
      }
    }

    @Override
    boolean add(String text) {
      String s = text.trim();
      long v;
      try {
        v = timestamps == null ? Long.parseLong(s) : epochMillis(s);
      } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
        return false;
      }
      grow();
      values[size++] = v;
      return true;
    }

    private long epochMillis(String s) {
      switch (timestamps.kind()) {
        case UNIX_SECONDS:
          return Math.multiplyExact(Long.parseLong(s), 1000L);
        case UNIX_MILLIS:
          return Long.parseLong(s);
        case ISO_INSTANT:
          return formatter.parse(s, Instant::from).toEpochMilli();
        case PATTERN:
          TemporalAccessor t = formatter.parseBest(s, Instant::from, LocalDate::from);
          if (t instanceof Instant) {
            return ((Instant) t).toEpochMilli();
          }
          return ((LocalDate) t).atStartOfDay(timestamps.zone()).toInstant().toEpochMilli();
        default:
          throw new AssertionError(timestamps.kind());
      }
    }

    @Override
    void grow() {
      if (size == values.length) {
        values = Arrays.copyOf(values, newCapacity(size));
      }
      values[size] = 0L;
    }

    @Override
    Column build() {
      return LongColumn.of(name, Arrays.copyOf(values, size), missing);
    }

    @Override
    String expected() {
      if (timestamps == null) {
        return "LONG (an integer)";
      }
      switch (timestamps.kind()) {
        case UNIX_SECONDS:
          return "a timestamp in whole unix seconds, e.g. 978300760";
        case UNIX_MILLIS:
          return "a timestamp in whole unix milliseconds, e.g. 978300760000";
        case ISO_INSTANT:
          return "an ISO-8601 instant, e.g. 2000-12-31T22:12:40Z";
        default:
          return "a date-time matching '" + timestamps.pattern() + "'";
      }
    }
  }

  static final class Categories extends ColumnBuilder {
    int[] codes = new int[16];
    final IdIndex.Builder dictionary = IdIndex.builder();

    Categories(String name) {
      super(name);
    }

    @Override
    boolean add(String text) {
      grow();
      codes[size++] = dictionary.add(text);
      return true;
    }

    @Override
    void grow() {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, newCapacity(size));
      }
      codes[size] = CategoricalColumn.MISSING;
    }

    @Override
    Column build() {
      return CategoricalColumn.of(name, Arrays.copyOf(codes, size), dictionary.build());
    }

    @Override
    String expected() {
      return "CATEGORICAL (any text)";
    }
  }

  static final class Booleans extends ColumnBuilder {
    boolean[] values = new boolean[16];

    Booleans(String name) {
      super(name);
    }

    /** 1 for true, 0 for false, -1 for neither (true/false/1/0, case-insensitive). */
    static int parse(String s) {
      if (s.equals("1") || s.equalsIgnoreCase("true")) {
        return 1;
      }
      if (s.equals("0") || s.equalsIgnoreCase("false")) {
        return 0;
      }
      return -1;
    }

    @Override
    boolean add(String text) {
      int b = parse(text.trim());
      if (b < 0) {
        return false;
      }
      grow();
      values[size++] = b == 1;
      return true;
    }

    @Override
    void grow() {
      if (size == values.length) {
        values = Arrays.copyOf(values, newCapacity(size));
      }
      values[size] = false;
    }

    @Override
    Column build() {
      return BooleanColumn.of(name, Arrays.copyOf(values, size), missing);
    }

    @Override
    String expected() {
      return "BOOLEAN (true, false, 1 or 0)";
    }
  }
}
