package dev.reco.core.io;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * How a timestamp field is written. Every format is converted to epoch milliseconds, the unit
 * {@link dev.reco.core.Interactions} stores.
 *
 * <p>Use the constants {@link #UNIX_SECONDS}, {@link #UNIX_MILLIS}, {@link #ISO_INSTANT}, or
 * {@link #pattern(String, ZoneId)} for a custom layout.
 *
 * @param kind the kind of format
 * @param pattern the {@link DateTimeFormatter} pattern; set only for {@link Kind#PATTERN}
 * @param zone the zone applied when the text has no offset; set only for {@link Kind#PATTERN}
 */
public record TimestampFormat(Kind kind, String pattern, ZoneId zone) {

  /** The kinds of timestamp format. */
  public enum Kind {
    /** Whole seconds since 1970-01-01T00:00Z, e.g. {@code 978300760}. */
    UNIX_SECONDS,
    /** Whole milliseconds since 1970-01-01T00:00Z, e.g. {@code 978300760000}. */
    UNIX_MILLIS,
    /**
     * An ISO-8601 instant: {@code 2000-12-31T22:12:40Z}, with optional fraction of a second and
     * optionally an offset such as {@code +02:00} instead of {@code Z}.
     */
    ISO_INSTANT,
    /** A {@link DateTimeFormatter} pattern read in a given zone. */
    PATTERN
  }

  /** Whole seconds since the epoch (MovieLens, most dumps). Stored times 1000. */
  public static final TimestampFormat UNIX_SECONDS = new TimestampFormat(Kind.UNIX_SECONDS, null, null);

  /** Whole milliseconds since the epoch. */
  public static final TimestampFormat UNIX_MILLIS = new TimestampFormat(Kind.UNIX_MILLIS, null, null);

  /** ISO-8601 instants such as {@code 2000-12-31T22:12:40Z} or {@code 2000-12-31T23:12:40+01:00}. */
  public static final TimestampFormat ISO_INSTANT = new TimestampFormat(Kind.ISO_INSTANT, null, null);

  /**
   * Validates the format.
   *
   * @throws IllegalArgumentException if {@code kind} is null, a pattern format lacks a valid
   *     pattern or a zone, or another kind carries one
   */
  public TimestampFormat {
    if (kind == null) {
      throw new IllegalArgumentException("kind = null; expected a TimestampFormat.Kind");
    }
    if (kind == Kind.PATTERN) {
      if (pattern == null || pattern.isEmpty()) {
        throw new IllegalArgumentException(
            "pattern = " + (pattern == null ? "null" : "''") + "; expected a DateTimeFormatter pattern");
      }
      if (zone == null) {
        throw new IllegalArgumentException("zone = null for pattern '" + pattern
            + "'; expected the zone of the timestamps, e.g. ZoneOffset.UTC");
      }
      compile(pattern, zone); // validates the pattern
    } else if (pattern != null || zone != null) {
      throw new IllegalArgumentException("pattern = " + pattern + ", zone = " + zone + " with kind "
          + kind + "; expected both null (only PATTERN takes a pattern and a zone)");
    }
  }

  /**
   * Returns a format read with a {@link DateTimeFormatter} pattern, e.g.
   * {@code pattern("yyyy-MM-dd HH:mm:ss", ZoneOffset.UTC)}.
   *
   * <p>Dates are resolved strictly ({@code 2021-02-30} is rejected, not moved to Feb 28). A
   * pattern without a time of day gives the start of the day. {@code zone} applies when the text
   * carries no offset or zone of its own.
   *
   * @param pattern a {@code DateTimeFormatter} pattern
   * @param zone the zone of the timestamps
   * @return the format
   * @throws IllegalArgumentException if the pattern is invalid or an argument is null
   */
  public static TimestampFormat pattern(String pattern, ZoneId zone) {
    return new TimestampFormat(Kind.PATTERN, pattern, zone);
  }

  /** Builds the strict, locale-independent formatter for a pattern. */
  static DateTimeFormatter compile(String pattern, ZoneId zone) {
    try {
      return new DateTimeFormatterBuilder()
          .appendPattern(pattern)
          // lets "yyyy" (year of era) resolve under STRICT without an era letter in the text
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT)
          .withZone(zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pattern = '" + pattern + "'; expected a DateTimeFormatter pattern (" + e.getMessage() + ")", e);
    }
  }

  /** What a field in this format looks like, for error messages. */
  String expectation() {
    switch (kind) {
      case UNIX_SECONDS:
        return "whole unix seconds, e.g. 978300760";
      case UNIX_MILLIS:
        return "whole unix milliseconds, e.g. 978300760000";
      case ISO_INSTANT:
        return "an ISO-8601 instant, e.g. 2000-12-31T22:12:40Z";
      case PATTERN:
        return "a date-time matching '" + pattern + "'";
      default:
        throw new AssertionError(kind);
    }
  }
}
