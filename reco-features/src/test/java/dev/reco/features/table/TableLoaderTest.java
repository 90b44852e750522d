package dev.reco.features.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.io.ErrorMode;
import dev.reco.core.io.TimestampFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableLoaderTest {
  private static final TableSchema USERS = TableSchema.of(
      new TableSchema.Field("id", ColumnType.LONG),
      new TableSchema.Field("spend", ColumnType.DOUBLE),
      new TableSchema.Field("city", ColumnType.CATEGORICAL),
      new TableSchema.Field("member", ColumnType.BOOLEAN));

  private static TableLoadResult load(String text, TableSchema schema, TableLoadOptions options)
      throws IOException {
    return TableLoader.load(new StringReader(text), "users.csv", schema, options);
  }

  @Test
  void readsColumnsByHeaderNameInSchemaOrderIgnoringExtras() throws IOException {
    String csv = "city,extra,member,spend,id\n"
        + "Paris,x,true,12.5,1\n"
        + "\"Rome, IT\",y,FALSE,3,2\n"
        + "\n" // blank lines are ignored
        + "\"say \"\"hi\"\"\",z,1,-0.25,3\r\n";
    TableLoadResult r = load(csv, USERS, TableLoadOptions.csv());
    Table t = r.table();
    assertEquals(USERS, t.schema());
    assertEquals(3, t.rows());
    assertEquals(3, r.report().rows());
    assertEquals(5, r.report().lines());
    assertTrue(r.report().clean());
    assertEquals(2, t.longColumn("id").get(1));
    assertEquals(12.5, t.doubleColumn("spend").get(0));
    assertEquals(-0.25, t.doubleColumn("spend").get(2));
    assertEquals("Rome, IT", t.categoricalColumn("city").category(1));
    assertEquals("say \"hi\"", t.categoricalColumn("city").category(2));
    assertTrue(t.booleanColumn("member").get(0));
    assertFalse(t.booleanColumn("member").get(1));
    assertTrue(t.booleanColumn("member").get(2));
  }

  @Test
  void emptyFieldsAndNullTokensAreMissing() throws IOException {
    String csv = "id,spend,city,member\n"
        + "1,,NA,null\n"
        + "NA, null ,,\n"
        + "3,2.0,NAN,True\n";
    TableLoadResult r = load(csv, USERS, TableLoadOptions.csv().withNullTokens("NA", "null"));
    Table t = r.table();
    assertFalse(t.longColumn("id").isMissing(0));
    assertTrue(t.longColumn("id").isMissing(1));
    assertTrue(t.doubleColumn("spend").isMissing(0));
    assertTrue(t.doubleColumn("spend").isMissing(1)); // " null " trimmed matches the token
    assertTrue(t.categoricalColumn("city").isMissing(0));
    assertTrue(t.categoricalColumn("city").isMissing(1));
    assertEquals("NAN", t.categoricalColumn("city").category(2)); // tokens match exactly
    assertTrue(t.booleanColumn("member").isMissing(0));
    assertTrue(t.booleanColumn("member").isMissing(1));
    assertEquals(1, t.column("id").missingCount());
    assertEquals(2, t.column("city").missingCount());
    assertTrue(r.report().clean());
  }

  @Test
  void timestampColumnsAreStoredInEpochMillis() throws IOException {
    TableSchema schema = TableSchema.of(
        new TableSchema.Field("a", ColumnType.LONG),
        new TableSchema.Field("b", ColumnType.LONG),
        new TableSchema.Field("c", ColumnType.LONG),
        new TableSchema.Field("d", ColumnType.LONG));
    String csv = "a,b,c,d\n"
        + "978300760,2000-12-31T22:12:40Z,2021-03-04,978300760\n"
        + "0,2000-12-31T23:12:40+01:00,2021-03-05 10:00,\n";
    TableLoadOptions options = TableLoadOptions.csv()
        .withTimestamp("a", TimestampFormat.UNIX_SECONDS)
        .withTimestamp("b", TimestampFormat.ISO_INSTANT)
        .withTimestamp("c", TimestampFormat.pattern("yyyy-MM-dd[ HH:mm]", ZoneOffset.UTC));
    Table t = load(csv, schema, options).table();
    assertEquals(978_300_760_000L, t.longColumn("a").get(0)); // seconds * 1000
    assertEquals(0L, t.longColumn("a").get(1));
    long expected = Instant.parse("2000-12-31T22:12:40Z").toEpochMilli();
    assertEquals(expected, t.longColumn("b").get(0));
    assertEquals(expected, t.longColumn("b").get(1)); // same instant written with an offset
    assertEquals(Instant.parse("2021-03-04T00:00:00Z").toEpochMilli(), t.longColumn("c").get(0));
    assertEquals(Instant.parse("2021-03-05T10:00:00Z").toEpochMilli(), t.longColumn("c").get(1));
    assertEquals(978_300_760L, t.longColumn("d").get(0)); // no format: a plain integer
    assertTrue(t.longColumn("d").isMissing(1));
  }

  @Test
  void strictModeNamesFileLineColumnValueAndType() {
    String csv = "id,spend,city,member\n1,2.5,a,true\n2,abc,b,false\n";
    TableLoadException e = assertThrows(TableLoadException.class,
        () -> load(csv, USERS, TableLoadOptions.csv()));
    assertEquals("users.csv:3: column 'spend' = 'abc'; expected DOUBLE (a finite decimal number)",
        e.getMessage());
    assertEquals(3, e.lineNumber());
    assertEquals("spend", e.column().orElseThrow());
    assertEquals("abc", e.value().orElseThrow());

    TableLoadException b = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n1,2,a,yes\n", USERS, TableLoadOptions.csv()));
    assertTrue(b.getMessage().startsWith("users.csv:2: column 'member' = 'yes'; expected BOOLEAN"),
        b.getMessage());
    TableLoadException l = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n1.5,2,a,1\n", USERS, TableLoadOptions.csv()));
    assertTrue(l.getMessage().contains("column 'id' = '1.5'; expected LONG"), l.getMessage());
    TableLoadException nan = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n1,NaN,a,1\n", USERS, TableLoadOptions.csv()));
    assertTrue(nan.getMessage().contains("'spend' = 'NaN'"), nan.getMessage());
    TableLoadException ts = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n2021-02-30,2,a,1\n", USERS, TableLoadOptions.csv()
            .withTimestamp("id", TimestampFormat.pattern("yyyy-MM-dd", ZoneOffset.UTC))));
    assertTrue(ts.getMessage().contains(
        "users.csv:2: column 'id' = '2021-02-30'; expected a date-time matching 'yyyy-MM-dd'"),
        ts.getMessage());
  }

  @Test
  void lenientModeMakesBadValuesMissingAndCountsThem() throws IOException {
    String csv = "id,spend,city,member\n"
        + "1,2.5,a,true\n"
        + "x,abc,b,maybe\n"
        + "3,1e3,c,0\n"
        + "4,oops,d\n" // too few fields: skipped
        + "5,\"open,e,1\n" // unclosed quote: skipped
        + "6,7,f,1\n";
    TableLoadResult r = load(csv, USERS, TableLoadOptions.csv().withErrorMode(ErrorMode.LENIENT));
    Table t = r.table();
    assertEquals(4, t.rows());
    assertTrue(t.longColumn("id").isMissing(1));
    assertTrue(t.doubleColumn("spend").isMissing(1));
    assertTrue(t.booleanColumn("member").isMissing(1));
    assertEquals(1000.0, t.doubleColumn("spend").get(2));
    assertEquals(6, t.longColumn("id").get(3));
    TableLoadReport report = r.report();
    assertFalse(report.clean());
    assertEquals(3, report.invalidValues());
    assertEquals(Map.of("id", 1L, "spend", 1L, "member", 1L), report.invalidByColumn());
    assertEquals(List.of("id", "spend", "member"), List.copyOf(report.invalidByColumn().keySet()));
    assertEquals(2, report.skippedLines());
    assertEquals(5, report.examples().size());
    assertEquals(new TableLoadReport.Issue(3, "id", "x", "LONG (an integer)"),
        report.examples().get(0));
    assertEquals("maybe", report.examples().get(2).value());
    assertEquals(5, report.examples().get(3).line());
    assertEquals(null, report.examples().get(3).column());
    assertTrue(report.examples().get(3).expected().contains("line has 3 fields; expected at least 4"));
    assertTrue(report.examples().get(4).expected().contains("not closed"));
  }

  @Test
  void lenientReportKeepsAtMostMaxExamples() throws IOException {
    StringBuilder csv = new StringBuilder("id,spend,city,member\n");
    for (int i = 0; i < 10; i++) {
      csv.append(i).append(",bad,c,1\n");
    }
    TableLoadReport report = load(csv.toString(), USERS,
        TableLoadOptions.csv().withErrorMode(ErrorMode.LENIENT).withMaxExamples(2)).report();
    assertEquals(10, report.invalidValues());
    assertEquals(2, report.examples().size());
    assertEquals(3, report.examples().get(1).line());
  }

  @Test
  void strictModeRejectsShortLinesAndBadQuotes() {
    TableLoadException shortLine = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n1,2,a\n", USERS, TableLoadOptions.csv()));
    assertEquals("users.csv:2: line has 3 fields; expected at least 4 (the header has 4): \"1,2,a\"",
        shortLine.getMessage());
    TableLoadException quotes = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member\n1,2,\"a\"b,1\n", USERS, TableLoadOptions.csv()));
    assertTrue(quotes.getMessage().startsWith("users.csv:2: 'b' after the closing quote"),
        quotes.getMessage());
  }

  @Test
  void headerProblemsFailInBothModes() {
    TableLoadOptions lenient = TableLoadOptions.csv().withErrorMode(ErrorMode.LENIENT);
    TableLoadException missing = assertThrows(TableLoadException.class,
        () -> load("id,spend,member\n1,2,1\n", USERS, lenient));
    assertEquals("users.csv:1: header has no column 'city' declared in the schema;"
        + " header columns: [id, spend, member]", missing.getMessage());
    TableLoadException twice = assertThrows(TableLoadException.class,
        () -> load("id,spend,city,member,id\n", USERS, lenient));
    assertTrue(twice.getMessage().contains("header names 'id' twice (positions 0 and 4)"),
        twice.getMessage());
    TableLoadException empty = assertThrows(TableLoadException.class,
        () -> load("\n\n", USERS, lenient));
    assertEquals("users.csv: the file has only blank lines; expected a header line naming the"
        + " columns", empty.getMessage());
  }

  @Test
  void fieldsAfterTheLastDeclaredColumnAreNotExamined() throws IOException {
    String csv = "id,spend,city,member,notes\n1,2,a,1,\"unclosed\n2,3,b,0\n";
    Table t = load(csv, USERS, TableLoadOptions.csv()).table();
    assertEquals(2, t.rows());
    assertEquals("b", t.categoricalColumn("city").category(1));
  }

  @Test
  void headerOnlyGivesAnEmptyTable() throws IOException {
    TableLoadResult r = load("\uFEFFid,spend,city,member\n", USERS, TableLoadOptions.csv());
    assertEquals(0, r.table().rows());
    assertEquals(USERS, r.table().schema());
  }

  @Test
  void tsvWithoutQuotesKeepsQuoteCharacters() throws IOException {
    TableSchema schema = TableSchema.of(new TableSchema.Field("name", ColumnType.CATEGORICAL),
        new TableSchema.Field("n", ColumnType.LONG));
    Table t = load("name\tn\n\"a,b\"\t5\n", schema, TableLoadOptions.tsv()).table();
    assertEquals("\"a,b\"", t.categoricalColumn("name").category(0));
    assertEquals(5, t.longColumn("n").get(0));
  }

  @Test
  void loadsFilesAndGzipFiles(@TempDir Path dir) throws IOException {
    String csv = "id,spend,city,member\n1,2.5,a,true\n2,,b,0\n";
    Path plain = dir.resolve("users.csv");
    Files.writeString(plain, csv);
    Path gz = dir.resolve("users.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    Table a = TableLoader.load(plain, USERS, TableLoadOptions.csv()).table();
    Table b = TableLoader.load(gz, USERS, TableLoadOptions.csv()).table();
    assertEquals(2, b.rows());
    assertEquals(a.toString(), b.toString());
    assertTrue(b.doubleColumn("spend").isMissing(1));
    assertEquals("b", b.categoricalColumn("city").category(1));

    Files.writeString(plain, "id,spend,city,member\n1,2.5,a,true\n2,x,b,0\n");
    TableLoadException e = assertThrows(TableLoadException.class,
        () -> TableLoader.load(plain, USERS, TableLoadOptions.csv()));
    assertTrue(e.getMessage().startsWith(plain + ":3: column 'spend' = 'x'"), e.getMessage());
  }

  @Test
  void invalidUtf8NamesTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.write(f, new byte[] {'c', 'i', 't', 'y', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    TableSchema schema = TableSchema.of(new TableSchema.Field("city", ColumnType.CATEGORICAL));
    TableLoadException e = assertThrows(TableLoadException.class,
        () -> TableLoader.load(f, schema, TableLoadOptions.csv()));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }

  @Test
  void inferSchemaPicksTheNarrowestType(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("sample.csv");
    Files.writeString(f, "id,score,flag,city,empty,mixed\n"
        + "1,2,true,Paris,,1\n"
        + "2,2.5,FALSE,Rome,NA,true\n"
        + "NA,-3e2,,3,,x\n"
        + "4,zzz,maybe,Oslo,,1\n"); // beyond the sample of 3 rows
    TableSchema s = TableLoader.inferSchema(f, TableLoadOptions.csv().withNullTokens("NA"), 3);
    assertEquals(TableSchema.of(
        new TableSchema.Field("id", ColumnType.LONG),
        new TableSchema.Field("score", ColumnType.DOUBLE),
        new TableSchema.Field("flag", ColumnType.BOOLEAN),
        new TableSchema.Field("city", ColumnType.CATEGORICAL),
        new TableSchema.Field("empty", ColumnType.CATEGORICAL),
        new TableSchema.Field("mixed", ColumnType.CATEGORICAL)), s);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableLoader.inferSchema(f, TableLoadOptions.csv(), 0));
    assertTrue(e.getMessage().contains("sampleRows = 0"), e.getMessage());
  }

  @Test
  void optionsRejectBadSettings() {
    IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
        () -> TableLoadOptions.csv().withDelimiter('"'));
    assertTrue(d.getMessage().contains("delimiter = '\"'"), d.getMessage());
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
        () -> TableLoadOptions.csv().withMaxExamples(-1));
    assertTrue(m.getMessage().contains("maxExamples = -1"), m.getMessage());
    IllegalArgumentException ts = assertThrows(IllegalArgumentException.class,
        () -> load("id\n", USERS, TableLoadOptions.csv().withTimestamp("spend",
            TimestampFormat.UNIX_MILLIS)));
    assertTrue(ts.getMessage().contains("'spend'; expected a LONG column"), ts.getMessage());
  }
}
