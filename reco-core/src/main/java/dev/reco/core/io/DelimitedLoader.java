package dev.reco.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Loads delimited text (CSV, TSV, MovieLens dumps) into {@link dev.reco.core.Interactions}.
 *
 * <p>Stateless and thread-safe: each call reads its input once, streaming, in UTF-8. Lines end
 * with {@code \n} or {@code \r\n}; a byte order mark at the start is skipped; a last line
 * without a line break is read. Fields are scanned by hand over a large buffer, numbers are
 * parsed in place, and ids are resolved without a String per line (ids written as plain
 * non-negative integers by direct array lookup, others by hash), so memory stays near the size
 * of the result and a 10-million-line file loads in seconds.
 *
 * <p>Outcomes:
 * <ul>
 *   <li>a good data line becomes one row (value 1.0 without a value column; timestamps in epoch
 *       milliseconds); repeated (user, item) pairs are merged by
 *       {@link LoadOptions#duplicates()};
 *   <li>a bad data line throws a {@link DataLoadException} in {@link ErrorMode#STRICT} mode, or
 *       is skipped and counted by {@link SkipReason} in {@link ErrorMode#LENIENT} mode;
 *   <li>structural problems throw a {@code DataLoadException} in both modes: a header is
 *       expected but the file has none, the header lacks a mapped column or names it twice, a
 *       positional column lies beyond the header, the text is not UTF-8 (the exception names
 *       the line), a line exceeds 16M characters, more than
 *       {@link dev.reco.core.Interactions#MAX_EVENT_TYPES} event types occur, or summing
 *       duplicates overflows a float;
 *   <li>a file without data lines (empty without a header, or header only) gives an empty
 *       table whose timestamp and event-type columns are present exactly when the format maps
 *       them.
 * </ul>
 */
public final class DelimitedLoader {
  private DelimitedLoader() {}

  /**
   * Loads a file. A name ending in {@code .gz} is decompressed on the fly. Messages name the
   * file as {@code file.toString()}.
   *
   * @param file the file to read
   * @param format its layout
   * @param options duplicate policy and error mode
   * @return the interactions and the report
   * @throws DataLoadException for a bad line in strict mode, or a structural problem
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if an argument is null
   */
  public static LoadResult load(Path file, DelimitedFormat format, LoadOptions options)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(format, "format");
    requireNonNull(options, "options");
    boolean gzip = file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    long size = gzip ? -1 : Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
        InputStream bytes = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        Reader reader = new Utf8Reader(bytes, 1 << 16)) {
      return new DelimitedParser(reader, file.toString(), format, options, size,
          DelimitedParser.DEFAULT_BUFFER_CHARS).load();
    }
  }

  /**
   * Loads text from a reader, e.g. in-memory data or a stream the caller decodes. The reader is
   * read to its end and not closed. A {@link java.nio.charset.CharacterCodingException} from
   * the reader fails the load at the line being read when it surfaces (readers that decode ahead
   * may report it early; the {@link Path} overload names the exact line).
   *
   * @param reader the text
   * @param sourceName the name messages and the report use for the source, e.g. a file name
   * @param format its layout
   * @param options duplicate policy and error mode
   * @return the interactions and the report
   * @throws DataLoadException for a bad line in strict mode, or a structural problem
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException if an argument is null
   */
  public static LoadResult load(Reader reader, String sourceName, DelimitedFormat format,
      LoadOptions options) throws IOException {
    return load(reader, sourceName, format, options, DelimitedParser.DEFAULT_BUFFER_CHARS);
  }

  /** As {@link #load(Reader, String, DelimitedFormat, LoadOptions)} with a given buffer size. */
  static LoadResult load(Reader reader, String sourceName, DelimitedFormat format,
      LoadOptions options, int bufferChars) throws IOException {
    requireNonNull(reader, "reader");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(format, "format");
    requireNonNull(options, "options");
    return new DelimitedParser(reader, sourceName, format, options, -1, bufferChars).load();
  }

  private static void requireNonNull(Object value, String name) {
    if (Objects.isNull(value)) {
      throw new IllegalArgumentException(name + " = null; expected a value");
    }
  }
}
