package dev.reco.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.DuplicatePolicy;
import dev.reco.core.Interactions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

class DelimitedLoaderTest {
  private static final LoadOptions STRICT = LoadOptions.strict(DuplicatePolicy.KEEP_ALL);
  private static final LoadOptions LENIENT = LoadOptions.lenient(DuplicatePolicy.KEEP_ALL);

  @TempDir
  Path dir;

  private static LoadResult load(String text, DelimitedFormat format, LoadOptions options)
      throws IOException {
    return DelimitedLoader.load(new StringReader(text), "test.txt", format, options);
  }

  private static DataLoadException fails(Executable call) {
    return assertThrows(DataLoadException.class, call);
  }

  private static void assertContains(String message, String... fragments) {
    for (String f : fragments) {
      assertTrue(message.contains(f), () -> "'" + f + "' in: " + message);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Row r as "user item value" (and "@timestamp" when present), for compact assertions. */
  private static String row(Interactions x, int r) {
    String s = x.users().idOf(x.user(r)) + " " + x.items().idOf(x.item(r)) + " " + x.value(r);
    return x.hasTimestamps() ? s + " @" + x.timestamp(r) : s;
  }

  private static List<String> rows(Interactions x) {
    String[] out = new String[x.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = row(x, r);
    }
    return List.of(out);
  }

  // ------------------------------------------------------------------ presets

  @Test
  void loadsMovieLensUData() throws IOException {
    Path file = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n"
        + "22\t377\t1\t878887116\n196\t302\t5\t881250950\n");
    LoadResult result = DelimitedLoader.load(file, MovieLens.uData(), STRICT);
    Interactions x = result.interactions();
    // seconds are stored as milliseconds: 881250949 s -> 881250949000 ms
    assertEquals(List.of("196 242 3.0 @881250949000", "186 302 3.0 @891717742000",
        "22 377 1.0 @878887116000", "196 302 5.0 @881250950000"), rows(x));
    assertEquals(List.of("196", "186", "22"), x.users().ids());
    assertEquals(List.of("242", "302", "377"), x.items().ids());
    LoadReport report = result.report();
    assertEquals(file.toString(), report.source());
    assertEquals(4, report.linesRead());
    assertEquals(0, report.ignoredLines());
    assertEquals(4, report.rowsAccepted());
    assertEquals(0, report.skipped());
    assertEquals(List.of(), report.examples());
  }

  @Test
  void loadsMovieLensRatingsCsv() throws IOException {
    Path file = write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n"
        + "1,3,4.5,964981247\n2,1,0.5,964982224\n");
    LoadResult result = DelimitedLoader.load(file, MovieLens.ratingsCsv(), STRICT);
    assertEquals(List.of("1 1 4.0 @964982703000", "1 3 4.5 @964981247000",
        "2 1 0.5 @964982224000"), rows(result.interactions()));
    assertEquals(4, result.report().linesRead());
    assertEquals(1, result.report().ignoredLines()); // the header
    assertEquals(3, result.report().rowsAccepted());
  }

  @Test
  void loadsMovieLensRatingsDat() throws IOException {
    LoadResult result = load("1::1193::5::978300760\n1::661::3::978302109\n",
        MovieLens.ratingsDat(), STRICT);
    assertEquals(List.of("1 1193 5.0 @978300760000", "1 661 3.0 @978302109000"),
        rows(result.interactions()));
  }

  // ------------------------------------------------------------------ mappings

  @Test
  void findsNamedColumnsInAnyOrderAndIgnoresExtraColumns() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("who", "what").withValue(Column.named("score"));
    LoadResult result = load("extra,score,what,who,more\nx,2.5,book,ann,y\nx,1,pen,bob,y\n",
        format, STRICT);
    assertEquals(List.of("ann book 2.5", "bob pen 1.0"), rows(result.interactions()));
    assertFalse(result.interactions().hasTimestamps());
  }

  @Test
  void mixesNamedAndPositionalColumnsWithAHeader() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("user", "item").withValue(Column.at(0));
    LoadResult result = load("v,user,item\n7,u1,i1\n", format, STRICT);
    assertEquals(List.of("u1 i1 7.0"), rows(result.interactions()));
  }

  @Test
  void positionalColumnsWithoutValueGiveImplicitOnes() throws IOException {
    LoadResult result = load("a|x|ignored\nb|y|ignored\n",
        DelimitedFormat.tsv(0, 1).withDelimiter('|'), STRICT);
    assertEquals(List.of("a x 1.0", "b y 1.0"), rows(result.interactions()));
  }

  @Test
  void customDelimiterSemicolon() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("u", "i").withDelimiter(';')
        .withValue(Column.named("v"));
    LoadResult result = load("u;i;v\nalice;x,y;2\n", format, STRICT);
    assertEquals(List.of("alice x,y 2.0"), rows(result.interactions()));
  }

  @Test
  void loadsEventTypes() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("u", "i")
        .withTimestamp(Column.named("t"), TimestampFormat.UNIX_MILLIS)
        .withEventType(Column.named("e"));
    Interactions x = load("u,i,t,e\na,x,5,view\na,y,6,buy\nb,x,7,view\n", format, STRICT)
        .interactions();
    assertTrue(x.hasEventTypes());
    assertEquals(List.of("view", "buy"), x.eventTypes().ids());
    assertArrayEquals(new byte[] {0, 1, 0}, x.eventTypeColumn());
    assertArrayEquals(new long[] {5, 6, 7}, x.timestampColumn());
  }

  @Test
  void eventTypesSurviveMergingLikeTheBuilder() throws IOException {
    DelimitedFormat format = DelimitedFormat.tsv(0, 1).withValue(Column.at(2))
        .withTimestamp(Column.at(3), TimestampFormat.UNIX_MILLIS).withEventType(Column.at(4));
    String text = "a\tx\t1\t5\tview\na\tx\t3\t9\tbuy\nb\ty\t2\t1\tcart\na\tx\t2\t7\tview\n";
    for (DuplicatePolicy policy : DuplicatePolicy.values()) {
      Interactions expected = Interactions.builder(policy).add("a", "x", 1, 5, "view")
          .add("a", "x", 3, 9, "buy").add("b", "y", 2, 1, "cart").add("a", "x", 2, 7, "view")
          .build();
      assertEquals(expected, load(text, format, LoadOptions.strict(policy)).interactions(),
          policy.name());
    }
  }

  @Test
  void moreThan256EventTypesFailInBothModes() {
    DelimitedFormat format = DelimitedFormat.tsv(0, 1)
        .withTimestamp(Column.at(2), TimestampFormat.UNIX_MILLIS).withEventType(Column.at(3));
    StringBuilder text = new StringBuilder();
    for (int t = 0; t <= 256; t++) {
      text.append("u\ti\t1\ttype").append(t).append('\n');
    }
    for (LoadOptions options : List.of(STRICT, LENIENT)) {
      DataLoadException e = fails(() -> load(text.toString(), format, options));
      assertEquals(257, e.lineNumber());
      assertEquals(Optional.empty(), e.reason());
      assertContains(e.getMessage(), "test.txt:257: column 3 (eventType) = 'type256'",
          "would be event type number 257", "at most 256");
    }
  }

  // ------------------------------------------------------------------ quoting

  @Test
  void quotedFieldsMayHoldDelimitersAndDoubledQuotes() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("user", "item").withValue(Column.named("v"));
    String text = "\"user\",item,v\n\"smith, j\",\"the \"\"big\"\" one\",\"4.5\"\n"
        + "plain,a\"b,1\n\"\",x,1\n";
    LoadResult result = load(text, format, LENIENT);
    // a quote inside an unquoted field is kept as is; "" is an empty (quoted) id
    assertEquals(List.of("smith, j the \"big\" one 4.5", "plain a\"b 1.0"),
        rows(result.interactions()));
    assertEquals(1, result.report().skipped(SkipReason.EMPTY_ID));
  }

  @Test
  void malformedQuotesAreBadLines() throws IOException {
    DelimitedFormat format = DelimitedFormat.csv("u", "i");
    LoadResult result = load("u,i\n\"open,x\n\"ab\"c,x\nok,x\n", format, LENIENT);
    assertEquals(List.of("ok x 1.0"), rows(result.interactions()));
    assertEquals(2, result.report().skipped(SkipReason.MALFORMED_QUOTES));
    List<LoadReport.SkippedLine> ex = result.report().examples();
    assertEquals(new LoadReport.SkippedLine(2, SkipReason.MALFORMED_QUOTES, "\"open,x",
        "quoted field at character 1 is not closed on this line; expected a closing '\"'"), ex.get(0));
    assertEquals(new LoadReport.SkippedLine(3, SkipReason.MALFORMED_QUOTES, "\"ab\"c,x",
        "'c' after the closing quote at character 4; expected the delimiter or the end of the line"),
        ex.get(1));
  }

  @Test
  void withoutQuotingQuotesAreOrdinaryCharacters() throws IOException {
    LoadResult result = load("\"a\",\"b\"\n", DelimitedFormat.of(',', false, Column.at(0),
        Column.at(1)), STRICT);
    assertEquals(List.of("\"a\" \"b\""), result.interactions().users().ids().subList(0, 1)
        .stream().map(u -> u + " " + result.interactions().items().idOf(0)).toList());
  }

  // ------------------------------------------------------------------ timestamps

  private static long loadOneTimestamp(String field, TimestampFormat tf) throws IOException {
    DelimitedFormat format = DelimitedFormat.tsv(0, 1).withTimestamp(Column.at(2), tf);
    return load("u\ti\t" + field + "\n", format, STRICT).interactions().timestamp(0);
  }

  @Test
  void readsEachTimestampFormatAsEpochMillis() throws IOException {
    // 978300760 s = 2000-12-31T22:12:40Z (checked with `date -u -d @978300760`)
    assertEquals(978_300_760_000L, loadOneTimestamp("978300760", TimestampFormat.UNIX_SECONDS));
    assertEquals(-1_000L, loadOneTimestamp("-1", TimestampFormat.UNIX_SECONDS));
    assertEquals(978_300_760_123L, loadOneTimestamp("978300760123", TimestampFormat.UNIX_MILLIS));
    assertEquals(978_300_760_000L,
        loadOneTimestamp("2000-12-31T22:12:40Z", TimestampFormat.ISO_INSTANT));
    assertEquals(978_300_760_250L,
        loadOneTimestamp("2000-12-31T22:12:40.250Z", TimestampFormat.ISO_INSTANT));
    // 23:12:40 at +01:00 is 22:12:40Z
    assertEquals(978_300_760_000L,
        loadOneTimestamp("2000-12-31T23:12:40+01:00", TimestampFormat.ISO_INSTANT));
    // Paris is UTC+1 in winter: 2001-01-01 00:12:40 local = 2000-12-31T23:12:40Z = 978300760 + 3600
    assertEquals(978_304_360_000L, loadOneTimestamp("2001-01-01 00:12:40",
        TimestampFormat.pattern("yyyy-MM-dd HH:mm:ss", ZoneId.of("Europe/Paris"))));
    // a date-only pattern gives the start of the day: 2001-01-01T00:00Z = 978307200 s
    assertEquals(978_307_200_000L,
        loadOneTimestamp("01/01/2001", TimestampFormat.pattern("dd/MM/yyyy", ZoneOffset.UTC)));
    // an offset in the text wins over the configured zone
    assertEquals(978_300_760_000L, loadOneTimestamp("2000-12-31 22:12:40 +0000",
        TimestampFormat.pattern("yyyy-MM-dd HH:mm:ss Z", ZoneId.of("Asia/Tokyo"))));
  }

  @Test
  void badTimestampsNameTheExpectedFormat() {
    TimestampFormat pattern = TimestampFormat.pattern("yyyy-MM-dd", ZoneOffset.UTC);
    Object[][] cases = {
      {"978300760.5", TimestampFormat.UNIX_SECONDS, "whole unix seconds"},
      {"yesterday", TimestampFormat.UNIX_MILLIS, "whole unix milliseconds"},
      {"9223372036854776", TimestampFormat.UNIX_SECONDS, "in the range of epoch milliseconds"},
      {"2000-12-31 22:12:40", TimestampFormat.ISO_INSTANT, "an ISO-8601 instant"},
      {"2021-02-30", pattern, "matching 'yyyy-MM-dd'"}, // strict: no silent move to Feb 28
      {"", TimestampFormat.UNIX_SECONDS, "whole unix seconds"},
    };
    for (Object[] c : cases) {
      DataLoadException e = fails(() -> loadOneTimestamp((String) c[0], (TimestampFormat) c[1]));
      assertEquals(Optional.of(SkipReason.BAD_TIMESTAMP), e.reason());
      assertContains(e.getMessage(), "column 2 (timestamp) = '" + c[0] + "'", (String) c[2]);
    }
  }

  // ------------------------------------------------------------------ strict errors

  @Test
  void strictModeNamesFileLineValueExpectationAndLine() throws IOException {
    Path file = write("ratings.csv",
        "userId,movieId,rating,timestamp\n1,10,4.0,978300760\n3,12,abc,978300760\n4,1,1,1\n");
    DataLoadException e = fails(() -> DelimitedLoader.load(file, MovieLens.ratingsCsv(), STRICT));
    assertEquals(file + ":3: column 'rating' = 'abc'; expected a number: \"3,12,abc,978300760\"",
        e.getMessage());
    assertEquals(file.toString(), e.source());
    assertEquals(3, e.lineNumber());
    assertEquals(Optional.of(SkipReason.NOT_A_NUMBER), e.reason());
    assertEquals(Optional.of("3,12,abc,978300760"), e.line());
  }

  @Test
  void strictModeMessagesForEachReason() {
    DelimitedFormat format = MovieLens.uData();
    Object[][] cases = {
      {"1\t2\t3", SkipReason.MISSING_COLUMNS,
          "found 3 columns; expected at least 4 for column 3 (timestamp)"},
      {"\t2\t3\t4", SkipReason.EMPTY_ID, "column 0 (user) is empty; expected a user id"},
      {"1\t\t3\t4", SkipReason.EMPTY_ID, "column 1 (item) is empty; expected an item id"},
      {"1\t2\t\t4", SkipReason.NOT_A_NUMBER, "column 2 (value) is empty; expected a number"},
      {"1\t2\tfive\t4", SkipReason.NOT_A_NUMBER, "column 2 (value) = 'five'; expected a number"},
      {"1\t2\tNaN\t4", SkipReason.NON_FINITE_VALUE,
          "column 2 (value) = 'NaN'; expected a finite number"},
      {"1\t2\t4\tnoon", SkipReason.BAD_TIMESTAMP,
          "column 3 (timestamp) = 'noon'; expected whole unix seconds, e.g. 978300760"},
    };
    for (Object[] c : cases) {
      String line = (String) c[0];
      DataLoadException e = fails(() -> load("1\t1\t1\t1\n" + line + "\n", format, STRICT));
      assertEquals(2, e.lineNumber(), line);
      assertEquals(Optional.of(c[1]), e.reason(), line);
      assertEquals("test.txt:2: " + c[2] + ": \"" + line + "\"", e.getMessage());
    }
  }

  @Test
  void longLinesAreTruncatedInMessages() {
    String id = "x".repeat(300);
    DataLoadException e = fails(() -> load(id + "\t1\tbad\t1\n", MovieLens.uData(), STRICT));
    assertEquals(Optional.of("x".repeat(200) + "..."), e.line());
    assertTrue(e.getMessage().endsWith(": \"" + "x".repeat(200) + "...\""), e.getMessage());
  }

  // ------------------------------------------------------------------ lenient reports

  @Test
  void lenientModeCountsEachReasonAndQuotesExamples() throws IOException {
    String text = String.join("\n",
        "1\t10\t5\t100",        // 1 ok
        "1\t11\t3",             // 2 missing columns
        "2\t10\tabc\t100",      // 3 not a number
        "\t10\t4\t100",         // 4 empty id
        "2\t11\tNaN\t100",      // 5 non-finite
        "2\t12\tinf\t100",      // 6 non-finite
        "2\t13\t4\tyesterday",  // 7 bad timestamp
        "",                     // 8 blank: ignored
        "3\t10\t1\t200",        // 9 ok
        "3\t11\t\t200") + "\n"; // 10 not a number (empty)
    LoadResult result = load(text, MovieLens.uData(), LENIENT.withMaxExamples(1));
    LoadReport r = result.report();
    assertEquals(10, r.linesRead());
    assertEquals(1, r.ignoredLines());
    assertEquals(2, r.rowsAccepted());
    assertEquals(Map.of(SkipReason.MISSING_COLUMNS, 1L, SkipReason.NOT_A_NUMBER, 2L,
        SkipReason.EMPTY_ID, 1L, SkipReason.NON_FINITE_VALUE, 2L, SkipReason.BAD_TIMESTAMP, 1L),
        r.skippedByReason());
    assertEquals(7, r.skipped());
    // one example per reason, in line order
    assertEquals(List.of(2L, 3L, 4L, 5L, 7L),
        r.examples().stream().map(LoadReport.SkippedLine::lineNumber).toList());
    assertEquals(new LoadReport.SkippedLine(5, SkipReason.NON_FINITE_VALUE, "2\t11\tNaN\t100",
        "column 2 (value) = 'NaN'; expected a finite number"), r.examples().get(3));
    assertEquals(List.of("1 10 5.0 @100000", "3 10 1.0 @200000"), rows(result.interactions()));
  }

  @Test
  void lenientModeWithoutProblemsReportsNothingSkipped() throws IOException {
    LoadReport r = load("1\t2\t3\t4\n", MovieLens.uData(), LENIENT).report();
    assertEquals(Map.of(), r.skippedByReason());
    assertEquals("test.txt: 1 lines, 1 rows, 0 merged, 0 skipped", r.toString());
  }

  // ------------------------------------------------------------------ non-numeric, NaN, Inf

  @Test
  void nonFiniteValuesAreNeverLoaded() throws IOException {
    List<String> spellings = List.of("NaN", "nan", "-NaN", "Infinity", "-Infinity", "+Infinity",
        "inf", "-inf", "INF", "1e39", "-3.5e38");
    StringBuilder text = new StringBuilder("u\ti\t1\t0\n");
    for (String s : spellings) {
      text.append("u\ti\t").append(s).append("\t0\n");
    }
    LoadResult result = load(text.toString(), MovieLens.uData(), LENIENT.withMaxExamples(20));
    assertEquals(1, result.interactions().size());
    assertEquals(spellings.size(), result.report().skipped(SkipReason.NON_FINITE_VALUE));
    assertEquals(spellings.size(), result.report().skipped());
    assertContains(result.report().examples().get(9).message(), "= '1e39'",
        "within float range");
  }

  @Test
  void nonNumericValuesAreRejected() throws IOException {
    List<String> values = List.of("abc", "1,5", "3..5", "--1", "NA", "null", "4 stars", "0x");
    StringBuilder text = new StringBuilder();
    for (String v : values) {
      text.append("u\ti\t").append(v).append("\t0\n");
    }
    LoadResult result = load(text.toString(), MovieLens.uData(), LENIENT);
    assertEquals(0, result.interactions().size());
    assertEquals(values.size(), result.report().skipped(SkipReason.NOT_A_NUMBER));
  }

  @Test
  void valuesAcceptEverythingFloatParseFloatAccepts() throws IOException {
    LoadResult result = load("u\ta\t-0\t0\nu\tb\t1e3\t0\nu\tc\t.5\t0\nu\td\t5.\t0\nu\te\t007\t0\n"
        + "u\tf\t+2.25\t0\n", MovieLens.uData(), STRICT);
    assertArrayEquals(new float[] {-0f, 1000f, 0.5f, 5f, 7f, 2.25f},
        result.interactions().valueColumn());
  }

  // ------------------------------------------------------------------ empty files, structure

  @Test
  void emptyFileWithoutHeaderGivesAnEmptyTableWithTheMappedColumns() throws IOException {
    for (LoadOptions options : List.of(STRICT, LENIENT)) {
      LoadResult result = load("", MovieLens.uData(), options);
      Interactions x = result.interactions();
      assertEquals(0, x.size());
      assertTrue(x.hasTimestamps());
      assertFalse(x.hasEventTypes());
      assertEquals(0, result.report().linesRead());
    }
    assertFalse(load("", DelimitedFormat.tsv(0, 1), STRICT).interactions().hasTimestamps());
  }

  @Test
  void emptyFileWithHeaderExpectedFailsInBothModes() {
    for (LoadOptions options : List.of(STRICT, LENIENT)) {
      DataLoadException e = fails(() -> load("", MovieLens.ratingsCsv(), options));
      assertEquals("test.txt: the file is empty; expected a header line naming columns "
          + "[userId, movieId, rating, timestamp]", e.getMessage());
      assertEquals(0, e.lineNumber());
      DataLoadException blank = fails(() -> load("\n  \n", MovieLens.ratingsCsv(), options));
      assertContains(blank.getMessage(), "the file has only blank or comment lines");
    }
  }

  @Test
  void headerOnlyGivesAnEmptyTable() throws IOException {
    LoadResult result = load("userId,movieId,rating,timestamp\n", MovieLens.ratingsCsv(), STRICT);
    assertEquals(0, result.interactions().size());
    assertTrue(result.interactions().hasTimestamps());
    assertEquals(1, result.report().ignoredLines());
  }

  @Test
  void headerMissingAColumnFailsInBothModesListingTheHeader() {
    for (LoadOptions options : List.of(STRICT, LENIENT)) {
      DataLoadException e = fails(() -> load("userId,movieId,score,timestamp\n1,2,3,4\n",
          MovieLens.ratingsCsv(), options));
      assertEquals("test.txt:1: header has no column 'rating' for the value; header columns: "
          + "[userId, movieId, score, timestamp]: \"userId,movieId,score,timestamp\"",
          e.getMessage());
      assertEquals(1, e.lineNumber());
      assertEquals(Optional.empty(), e.reason());
    }
  }

  @Test
  void headerProblemsWithPositionsAndRepeatedNames() {
    DataLoadException twice = fails(() -> load("u,i,u\n1,2,3\n", DelimitedFormat.csv("u", "i"),
        STRICT));
    assertContains(twice.getMessage(), "header names column 'u' twice (positions 0 and 2)");
    DataLoadException beyond = fails(() -> load("u,i\n1,2,3\n",
        DelimitedFormat.csv("u", "i").withValue(Column.at(2)), LENIENT));
    assertContains(beyond.getMessage(), "column 2 (value) is mapped by position but the header has 2 columns: [u, i]");
    DataLoadException same = fails(() -> load("u,i\n1,2\n",
        DelimitedFormat.csv("u", "i").withValue(Column.at(0)), LENIENT));
    assertContains(same.getMessage(), "user (column 'u') and value (column 0 (value)) are both column 0");
  }

  @Test
  void rowsWithTooFewColumnsAreBadLinesNotStructural() throws IOException {
    LoadResult result = load("userId,movieId,rating,timestamp\n1,2\n1,2,3,4\n1\n",
        MovieLens.ratingsCsv(), LENIENT);
    assertEquals(1, result.interactions().size());
    assertEquals(2, result.report().skipped(SkipReason.MISSING_COLUMNS));
    assertEquals("found 2 columns; expected at least 4 for column 'timestamp'",
        result.report().examples().get(0).message());
  }

  // ------------------------------------------------------------------ duplicates

  private static final String DUPLICATES = "u1\ti1\t3\t100\nu1\ti1\t5\t50\nu1\ti2\t2\t10\n"
      + "u1\ti1\t4\t200\n";

  @Test
  void duplicatesUnderEachPolicy() throws IOException {
    // (u1, i1) has values 3 @100, 5 @50, 4 @200; (u1, i2) has 2 @10
    LoadResult sum = load(DUPLICATES, MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.SUM));
    assertEquals(List.of("u1 i1 12.0 @200000", "u1 i2 2.0 @10000"), rows(sum.interactions()));
    assertEquals(2, sum.report().duplicatesMerged());
    assertEquals(4, sum.report().rowsAccepted());
    assertEquals(2, sum.report().rows());
    LoadResult last = load(DUPLICATES, MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.LAST));
    assertEquals(List.of("u1 i1 4.0 @200000", "u1 i2 2.0 @10000"), rows(last.interactions()));
    assertEquals(2, last.report().duplicatesMerged());
    LoadResult max = load(DUPLICATES, MovieLens.uData(), LoadOptions.lenient(DuplicatePolicy.MAX));
    assertEquals(List.of("u1 i1 5.0 @50000", "u1 i2 2.0 @10000"), rows(max.interactions()));
    assertEquals(2, max.report().duplicatesMerged());
    LoadResult all = load(DUPLICATES, MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.KEEP_ALL));
    assertEquals(4, all.interactions().size());
    assertEquals(0, all.report().duplicatesMerged());
  }

  @Test
  void summingDuplicatesPastFloatRangeFails() {
    DataLoadException e = fails(() -> load("u\ti\t3e38\t1\nu\ti\t3e38\t2\n", MovieLens.uData(),
        LoadOptions.lenient(DuplicatePolicy.SUM)));
    assertContains(e.getMessage(), "test.txt: summing duplicates", "overflows float");
  }

  // ------------------------------------------------------------------ lines

  @Test
  void blankAndCommentLines() throws IOException {
    String text = "# exported 2024\n1\t2\t3\t4\n\n \t \n#5\t6\t7\t8\n";
    LoadResult skipping = load(text, MovieLens.uData().withSkipCommentLines(true), STRICT);
    assertEquals(1, skipping.interactions().size());
    assertEquals(4, skipping.report().ignoredLines());
    // comments off: "# exported 2024" lacks columns, "#5" is a user id
    LoadResult asData = load(text, MovieLens.uData(), LENIENT);
    assertEquals(List.of("1 2 3.0 @4000", "#5 6 7.0 @8000"), rows(asData.interactions()));
    assertEquals(1, asData.report().skipped(SkipReason.MISSING_COLUMNS));
    assertEquals(2, asData.report().ignoredLines());
    // blank lines off: they are rows with missing columns
    LoadResult blanks = load(text, MovieLens.uData().withSkipBlankLines(false)
        .withSkipCommentLines(true), LENIENT);
    assertEquals(2, blanks.report().skipped(SkipReason.MISSING_COLUMNS));
    assertEquals(List.of(3L, 4L), blanks.report().examples().stream()
        .map(LoadReport.SkippedLine::lineNumber).toList());
    assertEquals("found 1 column; expected at least 4 for column 3 (timestamp)",
        blanks.report().examples().get(0).message());
  }

  @Test
  void crlfLineEndingsByteOrderMarkAndNoFinalNewline() throws IOException {
    LoadResult result = load("\uFEFFuserId,movieId,rating,timestamp\r\n1,2,3,4\r\n5,6,7,8",
        MovieLens.ratingsCsv(), STRICT);
    assertEquals(List.of("1 2 3.0 @4000", "5 6 7.0 @8000"), rows(result.interactions()));
    assertEquals(3, result.report().linesRead());
  }

  @Test
  void tinyBuffersGiveTheSameResult() throws IOException {
    String text = "userId,movieId,rating,timestamp\n" + "abcdefghij,klmnopqrstuvw,2.5,123\n".repeat(3)
        + "x".repeat(100) + ",y,1,2\n";
    LoadResult big = load(text, MovieLens.ratingsCsv(), STRICT);
    for (int size = 2; size < 40; size++) {
      LoadResult small = DelimitedLoader.load(new StringReader(text), "test.txt",
          MovieLens.ratingsCsv(), STRICT, size);
      assertEquals(big.interactions(), small.interactions(), "buffer " + size);
      assertEquals(big.report(), small.report(), "buffer " + size);
    }
  }

  @Test
  void aLineWithoutLineBreaksBeyondTheLimitFails() {
    Reader endless = new Reader() {
      @Override
      public int read(char[] cbuf, int off, int len) {
        java.util.Arrays.fill(cbuf, off, off + len, 'a');
        return len;
      }

      @Override
      public void close() {}
    };
    DataLoadException e = fails(() -> DelimitedLoader.load(endless, "endless", MovieLens.uData(), STRICT));
    assertContains(e.getMessage(), "endless:1: line is longer than 16777216 characters");
  }

  // ------------------------------------------------------------------ files

  @Test
  void readsGzipFilesTransparently(@TempDir Path tmp) throws IOException {
    String text = "1\t2\t3\t4\n5\t6\t7\t8\n";
    Path gz = tmp.resolve("u.data.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(load(text, MovieLens.uData(), STRICT).interactions(),
        DelimitedLoader.load(gz, MovieLens.uData(), STRICT).interactions());
  }

  @Test
  void largerFilesArePresizedAndLoadLikeTheReaderPath() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 20_000; r++) {
      text.append(r % 997).append('\t').append(r % 113).append('\t').append(r % 5 + 1)
          .append('\t').append(880_000_000 + r).append('\n');
    }
    Path file = write("big.data", text.toString());
    LoadResult fromFile = DelimitedLoader.load(file, MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.LAST));
    LoadResult fromReader = load(text.toString(), MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.LAST));
    assertEquals(fromReader.interactions(), fromFile.interactions());
    assertEquals(20_000, fromFile.report().rowsAccepted());
    // pairs (r mod 997, r mod 113) repeat with period 997 * 113 = 112661 > 20000: no duplicates
    assertEquals(0, fromFile.report().duplicatesMerged());
  }

  @Test
  void invalidUtf8FailsNamingTheExactLine() throws IOException {
    // the bad byte sits far beyond the first buffer fill, on line 5000, after a multi-byte char
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int line = 1; line < 5000; line++) {
      bytes.writeBytes(("é" + line + "\t2\t3\t4\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes(new byte[] {'u', (byte) 0xFF, '\t', '2', '\t', '3', '\t', '4', '\n'});
    bytes.writeBytes("5\t6\t7\t8\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("latin.data");
    Files.write(file, bytes.toByteArray());
    for (LoadOptions options : List.of(STRICT, LENIENT)) {
      DataLoadException e = fails(() -> DelimitedLoader.load(file, MovieLens.uData(), options));
      assertEquals(5000, e.lineNumber());
      assertEquals(Optional.empty(), e.reason());
      assertContains(e.getMessage(), file + ":5000: the text is not valid UTF-8",
          "expected UTF-8 encoded text");
    }
  }

  @Test
  void truncatedUtf8AtTheEndFailsOnTheLastLine() throws IOException {
    Path file = dir.resolve("cut.data");
    byte[] text = "1\t2\t3\t4\nu\ti\t5\t6\n\u00e9".getBytes(StandardCharsets.UTF_8);
    Files.write(file, java.util.Arrays.copyOf(text, text.length - 1)); // drop é's second byte
    DataLoadException e = fails(() -> DelimitedLoader.load(file, MovieLens.uData(), STRICT));
    assertEquals(3, e.lineNumber());
  }

  @Test
  void missingFileIsAnIoException() {
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> DelimitedLoader.load(dir.resolve("absent.csv"), MovieLens.ratingsCsv(), STRICT));
  }

  @Test
  void readerIsReadButNotClosed() throws IOException {
    boolean[] closed = {false};
    Reader reader = new StringReader("1\t2\n") {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertEquals(1, DelimitedLoader.load(reader, "mem", DelimitedFormat.tsv(0, 1), STRICT)
        .interactions().size());
    assertFalse(closed[0]);
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> DelimitedLoader.load((Path) null, MovieLens.uData(), STRICT));
    assertThrows(IllegalArgumentException.class,
        () -> DelimitedLoader.load(new StringReader(""), null, MovieLens.uData(), STRICT));
    assertThrows(IllegalArgumentException.class,
        () -> DelimitedLoader.load(new StringReader(""), "x", null, STRICT));
    assertThrows(IllegalArgumentException.class,
        () -> DelimitedLoader.load(new StringReader(""), "x", MovieLens.uData(), null));
  }
}
