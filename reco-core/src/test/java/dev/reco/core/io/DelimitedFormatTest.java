package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation of the configuration records: bad settings fail early, naming the value. */
class DelimitedFormatTest {

  private static void assertRejected(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' in: " + e.getMessage());
    }
  }

  @Test
  void factoriesSetTheDocumentedDefaults() {
    DelimitedFormat csv = DelimitedFormat.csv("u", "i");
    assertEquals(',', csv.delimiter());
    assertTrue(csv.header());
    assertTrue(csv.quoted());
    assertEquals(Column.named("u"), csv.user());
    assertNull(csv.value());
    assertNull(csv.timestamp());
    assertTrue(csv.skipBlankLines());
    assertFalse(csv.skipCommentLines());
    DelimitedFormat tsv = DelimitedFormat.tsv(1, 0);
    assertEquals('\t', tsv.delimiter());
    assertFalse(tsv.header());
    assertFalse(tsv.quoted());
    assertEquals(Column.at(0), tsv.item());
    assertEquals(TimestampFormat.UNIX_SECONDS, tsv.timestampFormat());
  }

  @Test
  void presetsMapTheMovieLensLayouts() {
    DelimitedFormat u = MovieLens.uData();
    assertEquals('\t', u.delimiter());
    assertFalse(u.header());
    assertEquals(List.of(Column.at(0), Column.at(1), Column.at(2), Column.at(3)),
        List.of(u.user(), u.item(), u.value(), u.timestamp()));
    DelimitedFormat r = MovieLens.ratingsCsv();
    assertTrue(r.header());
    assertEquals(List.of("userId", "movieId", "rating", "timestamp"),
        List.of(r.user().name(), r.item().name(), r.value().name(), r.timestamp().name()));
    DelimitedFormat d = MovieLens.ratingsDat();
    assertEquals(':', d.delimiter());
    assertEquals(6, d.timestamp().position());
  }

  @Test
  void withMethodsReturnChangedCopies() {
    DelimitedFormat base = DelimitedFormat.tsv(0, 1);
    DelimitedFormat changed = base.withDelimiter(';').withQuotes(true).withSkipCommentLines(true)
        .withSkipBlankLines(false).withValue(Column.at(2))
        .withTimestamp(Column.at(3), TimestampFormat.ISO_INSTANT).withEventType(Column.at(4));
    assertEquals('\t', base.delimiter());
    assertEquals(';', changed.delimiter());
    assertTrue(changed.quoted());
    assertTrue(changed.skipCommentLines());
    assertFalse(changed.skipBlankLines());
    assertEquals(TimestampFormat.ISO_INSTANT, changed.timestampFormat());
    assertEquals(Column.at(4), changed.eventType());
    assertNull(changed.withValue(null).value());
  }

  @Test
  void columnsNeedExactlyOneOfNameAndPosition() {
    assertRejected(() -> Column.at(-1), "position = -1", ">= 0");
    assertRejected(() -> Column.named(""), "name = ''");
    assertRejected(() -> Column.named(null), "name = null");
    assertRejected(() -> new Column("a", 2), "name = 'a'", "position = 2");
    assertTrue(Column.named("a").isNamed());
    assertFalse(Column.at(0).isNamed());
  }

  @Test
  void namedColumnsNeedAHeader() {
    assertRejected(() -> DelimitedFormat.csv("u", "i").withHeader(false),
        "user = Column[name=u, position=-1]", "header = false");
    assertRejected(() -> DelimitedFormat.tsv(0, 1).withValue(Column.named("rating")),
        "value", "rating", "header = false");
  }

  @Test
  void mappedColumnsMustBeDistinct() {
    assertRejected(() -> DelimitedFormat.tsv(0, 0), "user and item", "expected distinct columns");
    assertRejected(() -> DelimitedFormat.csv("a", "b").withTimestamp(Column.named("a"),
        TimestampFormat.UNIX_SECONDS), "user and timestamp");
  }

  @Test
  void eventTypesNeedATimestampColumn() {
    assertRejected(() -> DelimitedFormat.tsv(0, 1).withEventType(Column.at(2)),
        "eventType = Column[name=null, position=2]", "timestamp column");
    DelimitedFormat withTypes = DelimitedFormat.tsv(0, 1)
        .withTimestamp(Column.at(2), TimestampFormat.UNIX_SECONDS).withEventType(Column.at(3));
    assertRejected(() -> withTypes.withTimestamp(null, TimestampFormat.UNIX_SECONDS), "eventType");
  }

  @Test
  void delimiterCannotBreakLinesOrQuotes() {
    assertRejected(() -> DelimitedFormat.tsv(0, 1).withDelimiter('\n'), "delimiter = '\\n'");
    assertRejected(() -> DelimitedFormat.tsv(0, 1).withDelimiter('\r'), "delimiter = '\\r'");
    assertRejected(() -> DelimitedFormat.csv("u", "i").withDelimiter('"'), "delimiter = '\"'");
    // without quoting a quote character is an ordinary delimiter
    assertEquals('"', DelimitedFormat.tsv(0, 1).withDelimiter('"').delimiter());
  }

  @Test
  void nullsAreRejectedWithTheParameterName() {
    assertRejected(() -> DelimitedFormat.of(',', false, null, Column.at(1)), "user = null");
    assertRejected(() -> DelimitedFormat.of(',', false, Column.at(0), null), "item = null");
    assertRejected(() -> DelimitedFormat.tsv(0, 1).withTimestamp(Column.at(2), null),
        "timestampFormat = null");
  }

  @Test
  void timestampFormatsValidateTheirPatternAndZone() {
    assertRejected(() -> TimestampFormat.pattern("yyyy-MM-dd HH:mm:ss", null), "zone = null");
    assertRejected(() -> TimestampFormat.pattern("yyyy-MM-dd {{", ZoneOffset.UTC),
        "pattern = 'yyyy-MM-dd {{'");
    assertRejected(() -> TimestampFormat.pattern("", ZoneOffset.UTC), "pattern = ''");
    assertRejected(() -> new TimestampFormat(TimestampFormat.Kind.UNIX_SECONDS, "yyyy", null),
        "kind UNIX_SECONDS");
    assertRejected(() -> new TimestampFormat(null, null, null), "kind = null");
    assertEquals("yyyy", TimestampFormat.pattern("yyyy", ZoneOffset.UTC).pattern());
  }

  @Test
  void loadOptionsValidate() {
    assertRejected(() -> LoadOptions.strict(null), "duplicates = null");
    assertRejected(() -> new LoadOptions(DuplicatePolicy.SUM, null, 1), "errorMode = null");
    assertRejected(() -> LoadOptions.lenient(DuplicatePolicy.SUM).withMaxExamples(-1),
        "maxExamples = -1");
    LoadOptions o = LoadOptions.lenient(DuplicatePolicy.MAX).withMaxExamples(0);
    assertEquals(ErrorMode.LENIENT, o.errorMode());
    assertEquals(0, o.maxExamples());
    assertEquals(LoadOptions.DEFAULT_MAX_EXAMPLES, LoadOptions.strict(DuplicatePolicy.SUM).maxExamples());
  }

  @Test
  void reportChecksThatItsCountsAddUp() {
    // 10 lines = 1 ignored + 7 accepted + 2 skipped
    LoadReport ok = new LoadReport("f", 10, 1, 7, 3, Map.of(SkipReason.EMPTY_ID, 2L,
        SkipReason.BAD_TIMESTAMP, 0L), List.of());
    assertEquals(2, ok.skipped());
    assertEquals(2, ok.skipped(SkipReason.EMPTY_ID));
    assertEquals(0, ok.skipped(SkipReason.BAD_TIMESTAMP));
    assertEquals(Map.of(SkipReason.EMPTY_ID, 2L), ok.skippedByReason());
    assertEquals(4, ok.rows());
    assertEquals("f: 10 lines, 4 rows, 3 merged, 2 skipped {EMPTY_ID=2}", ok.toString());
    assertRejected(() -> new LoadReport("f", 11, 1, 7, 3, Map.of(SkipReason.EMPTY_ID, 2L),
        List.of()), "linesRead = 11");
    assertRejected(() -> new LoadReport("f", 1, 0, 1, 2, Map.of(), List.of()),
        "duplicatesMerged = 2");
    assertRejected(() -> new LoadReport.SkippedLine(0, SkipReason.EMPTY_ID, "", ""),
        "lineNumber = 0");
  }
}
