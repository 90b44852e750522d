package dev.reco.features.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.io.ErrorMode;
import dev.reco.core.io.TimestampFormat;
import dev.reco.features.quality.DataQualityReport.Example;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.TableLoadOptions;
import dev.reco.features.table.TableLoadResult;
import dev.reco.features.table.TableLoader;
import dev.reco.features.table.TableSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lenient load followed by a quality check: values the loader made missing show up there. */
class LoadAndCheckTest {
  @Test
  void badValuesMadeMissingByALenientLoadFailTheCompletenessRule() throws IOException {
    String csv = "customer,signup,age,country\n"
        + "1,2024-01-05T10:00:00Z,34,FR\n"
        + "2,not-a-date,29,DE\n" // signup -> missing (lenient)
        + "2,2024-02-01T08:30:00Z,NA,FR\n" // duplicate customer, age missing
        + "4,2024-03-01T00:00:00Z,151,US\n"; // age out of range, unseen country
    TableSchema schema = TableSchema.of(
        new TableSchema.Field("customer", ColumnType.LONG),
        new TableSchema.Field("signup", ColumnType.LONG),
        new TableSchema.Field("age", ColumnType.LONG),
        new TableSchema.Field("country", ColumnType.CATEGORICAL));
    TableLoadResult loaded = TableLoader.load(new StringReader(csv), "customers.csv", schema,
        TableLoadOptions.csv().withNullTokens("NA").withErrorMode(ErrorMode.LENIENT)
            .withTimestamp("signup", TimestampFormat.ISO_INSTANT));
    assertEquals(1, loaded.report().invalidValues());

    QualitySchema rules = QualitySchema.of(
        ColumnRule.of("customer", ColumnType.LONG).required().requireUnique(),
        ColumnRule.of("signup", ColumnType.LONG).required(),
        ColumnRule.of("age", ColumnType.LONG).maxMissing(0.25).range(18, 120),
        ColumnRule.of("country", ColumnType.CATEGORICAL).categories("FR", "DE"));
    DataQualityReport r = DataQuality.check(loaded.table(), rules);
    assertEquals(List.of(ProblemKind.DUPLICATE, ProblemKind.TOO_MANY_MISSING,
        ProblemKind.OUT_OF_RANGE, ProblemKind.UNSEEN_CATEGORY),
        r.problems().stream().map(DataQualityReport.Problem::kind).toList());
    assertEquals(List.of(new Example(2, "2")), r.problems().get(0).examples());
    assertEquals(List.of(new Example(1, null)), r.problems().get(1).examples());
    assertEquals(0.75, r.column("signup").completeness()); // 3 of 4
    assertEquals(0.75, r.column("age").completeness()); // 1 of 4 missing: allowed (25%)
    assertEquals(List.of(new Example(3, "151")), r.problems().get(2).examples());
    assertEquals(List.of(new Example(3, "US")), r.problems().get(3).examples());
    DataQualityException e = assertThrows(DataQualityException.class,
        () -> DataQuality.requireValid(loaded.table(), rules));
    assertTrue(e.getMessage().startsWith("data quality check failed with 4 problems (4 rows):"
        + " customer DUPLICATE: 1 value repeating an earlier row"), e.getMessage());
  }
}
