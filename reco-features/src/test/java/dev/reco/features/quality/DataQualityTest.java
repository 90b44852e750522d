package dev.reco.features.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.quality.DataQualityReport.ColumnReport;
import dev.reco.features.quality.DataQualityReport.Example;
import dev.reco.features.quality.DataQualityReport.Problem;
import dev.reco.features.quality.DataQualityReport.Status;
import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualityTest {
  private static final double NA = Double.NaN;

  @Test
  void plantedProblemsAreCountedWithExamples() {
    DataQualityReport r = DataQuality.check(Fixtures.customers(), Fixtures.rules());
    assertFalse(r.passed());
    assertEquals(8, r.rows());

    ColumnReport id = r.column("id");
    // present 7 of 8; duplicates: row 4 repeats 3 (row 1), row 6 repeats 7 (row 3)
    assertEquals(7, id.present());
    assertEquals(1, id.missing());
    assertEquals(7.0 / 8, id.completeness());
    assertEquals(7, id.valid());
    assertEquals(1.0, id.validity());
    assertEquals(2, id.duplicates());
    assertEquals(Status.FAILED, id.status());

    ColumnReport age = r.column("age");
    // present 6; out of range -1 and 130: valid 4 of 6
    assertEquals(6, age.present());
    assertEquals(2, age.missing());
    assertEquals(2, age.outOfRange());
    assertEquals(4, age.valid());
    assertEquals(4.0 / 6, age.validity());
    assertEquals(-1, age.duplicates()); // uniqueness not declared

    ColumnReport country = r.column("country");
    assertEquals(7, country.present());
    assertEquals(2, country.unseenCategories());
    assertEquals(5, country.valid());
    assertEquals(Status.FAILED, country.status());

    ColumnReport spend = r.column("spend");
    assertEquals(1, spend.outOfRange());
    assertEquals(7, spend.valid());

    ColumnReport member = r.column("member");
    assertEquals(Status.OK, member.status());
    assertEquals(1.0, member.completeness());
    assertEquals(8, member.valid());

    List<Problem> p = r.problems();
    assertEquals(List.of(ProblemKind.TOO_MANY_MISSING, ProblemKind.DUPLICATE,
        ProblemKind.TOO_MANY_MISSING, ProblemKind.OUT_OF_RANGE, ProblemKind.UNSEEN_CATEGORY,
        ProblemKind.OUT_OF_RANGE), p.stream().map(Problem::kind).toList());
    assertEquals(new Problem(List.of("id"), ProblemKind.TOO_MANY_MISSING, 1,
        "1 of 8 values missing (12.50%); expected none (required column)",
        List.of(new Example(5, null))), p.get(0));
    assertEquals(new Problem(List.of("id"), ProblemKind.DUPLICATE, 2,
        "2 values repeating an earlier row; expected unique values",
        List.of(new Example(4, "3"), new Example(6, "7"))), p.get(1));
    assertEquals("2 of 8 values missing (25.00%); expected at most 20.00%", p.get(2).detail());
    assertEquals(List.of(new Example(3, null), new Example(7, null)), p.get(2).examples());
    assertEquals(new Problem(List.of("age"), ProblemKind.OUT_OF_RANGE, 2,
        "2 values outside [0, 120]", List.of(new Example(2, "-1"), new Example(6, "130"))),
        p.get(3));
    assertEquals(new Problem(List.of("country"), ProblemKind.UNSEEN_CATEGORY, 2,
        "2 values not in the allowed categories [FR, DE]",
        List.of(new Example(1, "XX"), new Example(5, "ZZ"))), p.get(4));
    assertEquals(new Problem(List.of("spend"), ProblemKind.OUT_OF_RANGE, 1,
        "1 value outside [0, 1000000]", List.of(new Example(0, "1.0E9"))), p.get(5));
  }

  @Test
  void examplesAreCappedButCountsAreNot() {
    Table t = Table.of(LongColumn.of("x", 5, 6, 7, 8, 9, 10));
    DataQualityReport r = DataQuality.check(t,
        QualitySchema.of(ColumnRule.of("x", ColumnType.LONG).range(0, 6)), 2);
    Problem p = r.problems().get(0);
    assertEquals(4, p.count()); // 7, 8, 9, 10
    assertEquals(List.of(new Example(2, "7"), new Example(3, "8")), p.examples());
    assertEquals(0, DataQuality.check(t, QualitySchema.of(ColumnRule.of("x", ColumnType.LONG)
        .range(0, 6)), 0).problems().get(0).examples().size());
  }

  @Test
  void missingAndMistypedColumnsAreProblems() {
    Table t = Table.of(CategoricalColumn.of("age", "young", null, "old"),
        DoubleColumn.of("spend", 1, 2, 3));
    DataQualityReport r = DataQuality.check(t, QualitySchema.of(
        ColumnRule.of("id", ColumnType.LONG).requireUnique(),
        ColumnRule.of("age", ColumnType.LONG).range(0, 120),
        ColumnRule.of("spend", ColumnType.DOUBLE)));
    assertFalse(r.passed());
    assertEquals(2, r.problems().size());
    assertEquals(new Problem(List.of("id"), ProblemKind.MISSING_COLUMN, 1,
        "column 'id' is not in the table; table columns: [age, spend]", List.of()),
        r.problems().get(0));
    assertEquals("column 'age' is CATEGORICAL; expected LONG", r.problems().get(1).detail());
    ColumnReport id = r.column("id");
    assertEquals(Status.MISSING_COLUMN, id.status());
    assertEquals(null, id.actualType());
    ColumnReport age = r.column("age");
    assertEquals(Status.WRONG_TYPE, age.status());
    assertEquals(ColumnType.CATEGORICAL, age.actualType());
    assertEquals(2, age.present());
    assertEquals(0, age.valid()); // values of the wrong type are invalid
    assertEquals(0.0, age.validity());
    assertEquals(Status.OK, r.column("spend").status());
    String text = r.toText();
    assertTrue(text.contains("\nage     LONG (is CATEGORICAL)        1"), text);
    assertTrue(text.contains("WRONG_TYPE\n"), text);
    assertTrue(text.contains(" 2. age WRONG_TYPE: column 'age' is CATEGORICAL; expected LONG\n"),
        text);
  }

  @Test
  void uniquenessComparesDoublesByValueAndSkipsMissing() {
    Table t = Table.of(
        DoubleColumn.of("d", 0.0, -0.0, NA, NA, 1.5, 1.5),
        CategoricalColumn.of("c", "a", "b", null, null, "a", "c"),
        BooleanColumn.of("b", true, false, true, true, false, true));
    DataQualityReport r = DataQuality.check(t, QualitySchema.of(
        ColumnRule.of("d", ColumnType.DOUBLE).requireUnique(),
        ColumnRule.of("c", ColumnType.CATEGORICAL).requireUnique(),
        ColumnRule.of("b", ColumnType.BOOLEAN).requireUnique()));
    // d: -0.0 repeats 0.0 (row 1), 1.5 repeats (row 5); the two NaN (missing) are not compared
    assertEquals(2, r.column("d").duplicates());
    assertEquals(List.of(new Example(1, "-0.0"), new Example(5, "1.5")),
        r.problems(ProblemKind.DUPLICATE).get(0).examples());
    // c: "a" repeats at row 4; the two missing are not compared
    assertEquals(1, r.column("c").duplicates());
    // b: 6 values, 2 distinct -> 4 repeats
    assertEquals(4, r.column("b").duplicates());
  }

  @Test
  void compositeKeysFlagRepeatedTuples() {
    BitSet missing = new BitSet();
    missing.set(5);
    Table t = Table.of(
        CategoricalColumn.of("country", "FR", "FR", "DE", "FR", "DE", "DE", "DE"),
        LongColumn.of("user", new long[] {1, 2, 1, 1, 1, 0, 1}, missing));
    QualitySchema schema = QualitySchema.of(ColumnRule.of("country", ColumnType.CATEGORICAL),
        ColumnRule.of("user", ColumnType.LONG)).withKey("country", "user");
    DataQualityReport r = DataQuality.check(t, schema);
    // (FR,1) rows 0,3 -> row 3 repeats; (DE,1) rows 2,4,6 -> rows 4 and 6 repeat; row 5 missing
    Problem p = r.problems(ProblemKind.DUPLICATE_KEY).get(0);
    assertEquals(List.of("country", "user"), p.columns());
    assertEquals("country+user", p.columnLabel());
    assertEquals(3, p.count());
    assertEquals(List.of(new Example(3, "(FR, 1)"), new Example(4, "(DE, 1)"),
        new Example(6, "(DE, 1)")), p.examples());
    assertEquals("3 rows repeat the key [country, user] of an earlier row; expected unique keys",
        p.detail());
    // single columns are not unique either, but only the key is declared
    assertEquals(1, r.problems().size());
    assertTrue(DataQuality.check(t.select("country"), QualitySchema.of(
        ColumnRule.of("country", ColumnType.CATEGORICAL))).passed());
  }

  @Test
  void cleanTablePassesAndRequireValidReturnsTheReport() {
    Table t = Table.of(LongColumn.of("id", 1, 2, 3), DoubleColumn.of("p", 0.1, 0.5, 1.0));
    QualitySchema s = QualitySchema.of(ColumnRule.of("id", ColumnType.LONG).required()
        .requireUnique(), ColumnRule.of("p", ColumnType.DOUBLE).required().range(0, 1));
    DataQualityReport r = DataQuality.requireValid(t, s);
    assertTrue(r.passed());
    assertTrue(r.problems().isEmpty());
    assertEquals(0, r.column("id").duplicates());
  }

  @Test
  void emptyTableIsCompleteAndValid() {
    Table t = Table.of(LongColumn.of("id"));
    DataQualityReport r = DataQuality.check(t,
        QualitySchema.of(ColumnRule.of("id", ColumnType.LONG).required().requireUnique()));
    assertTrue(r.passed());
    assertEquals(1.0, r.column("id").completeness());
    assertEquals(1.0, r.column("id").validity());
  }

  @Test
  void requireValidThrowsWithASummaryOfTheFirstProblems() {
    DataQualityException e = assertThrows(DataQualityException.class,
        () -> DataQuality.requireValid(Fixtures.customers(), Fixtures.rules()));
    assertEquals("data quality check failed with 6 problems (8 rows): "
        + "id TOO_MANY_MISSING: 1 of 8 values missing (12.50%); expected none (required column)"
        + " (row 5 = missing); "
        + "id DUPLICATE: 2 values repeating an earlier row; expected unique values"
        + " (row 4 = 3, row 6 = 7); "
        + "age TOO_MANY_MISSING: 2 of 8 values missing (25.00%); expected at most 20.00%"
        + " (row 3 = missing, row 7 = missing); and 3 more", e.getMessage());
    assertEquals(6, e.report().problems().size());
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void rulesAndSchemasRejectBadDeclarations() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> ColumnRule.of("x", ColumnType.DOUBLE).range(5, 1));
    assertTrue(range.getMessage().contains("range = [5.0, 1.0] for column 'x'"), range.getMessage());
    IllegalArgumentException cat = assertThrows(IllegalArgumentException.class,
        () -> ColumnRule.of("x", ColumnType.LONG).categories("a"));
    assertTrue(cat.getMessage().contains("LONG column 'x'"), cat.getMessage());
    IllegalArgumentException onCat = assertThrows(IllegalArgumentException.class,
        () -> ColumnRule.of("c", ColumnType.CATEGORICAL).range(0, 1));
    assertTrue(onCat.getMessage().contains("CATEGORICAL column 'c'"), onCat.getMessage());
    IllegalArgumentException frac = assertThrows(IllegalArgumentException.class,
        () -> ColumnRule.of("x", ColumnType.LONG).maxMissing(1.5));
    assertTrue(frac.getMessage().contains("maxMissingFraction = 1.5"), frac.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> QualitySchema.of(ColumnRule.of("x", ColumnType.LONG),
            ColumnRule.of("x", ColumnType.DOUBLE)));
    assertTrue(twice.getMessage().contains("column 'x' has two rules"), twice.getMessage());
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> QualitySchema.of(ColumnRule.of("x", ColumnType.LONG)).withKey("x", "y"));
    assertTrue(key.getMessage().contains("names column 'y'"), key.getMessage());
    IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
        () -> QualitySchema.of(ColumnRule.of("x", ColumnType.LONG)).withKey("x"));
    assertTrue(shortKey.getMessage().contains("key = [x]"), shortKey.getMessage());
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> DataQuality.check(Fixtures.customers(), Fixtures.rules(), -1));
    assertTrue(ex.getMessage().contains("maxExamples = -1"), ex.getMessage());
    IllegalArgumentException col = assertThrows(IllegalArgumentException.class,
        () -> DataQuality.check(Fixtures.customers(), Fixtures.rules()).column("nope"));
    assertTrue(col.getMessage().contains("column = 'nope'"), col.getMessage());
  }

  @Test
  void reportIsImmutable() {
    DataQualityReport r = DataQuality.check(Fixtures.customers(), Fixtures.rules());
    assertThrows(UnsupportedOperationException.class, () -> r.problems().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> r.problems().get(1).examples().clear());
    assertThrows(UnsupportedOperationException.class, () -> r.columns().clear());
  }
}
