package dev.reco.features.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualityReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DataQualityReport rich() {
    return DataQuality.check(Fixtures.customers(), Fixtures.richRules());
  }

  private static String golden() throws IOException {
    try (InputStream in = DataQualityReportTest.class.getResourceAsStream(
        "/golden/data-quality-report-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void jsonRoundTripGivesAnEqualReport() {
    DataQualityReport r = rich();
    assertEquals(r, DataQualityReport.fromJson(r.toJson()));
    DataQualityReport clean = DataQuality.check(Table.of(LongColumn.of("x", 1, 2)),
        QualitySchema.of(ColumnRule.of("x", ColumnType.LONG).requireUnique()));
    assertEquals(clean, DataQualityReport.fromJson(clean.toJson()));
  }

  @Test
  void jsonHasTheDocumentedFieldsInOrder() throws IOException {
    JsonNode root = JSON.readTree(rich().toJson());
    assertEquals(List.of("format", "version", "rows", "passed", "columns", "problems"),
        names(root));
    assertEquals("reco-data-quality-report", root.get("format").asText());
    assertEquals(1, root.get("version").asInt());
    assertEquals(8, root.get("rows").asInt());
    assertEquals(false, root.get("passed").asBoolean());
    JsonNode age = root.get("columns").get(1);
    assertEquals(List.of("name", "expectedType", "actualType", "status", "present", "missing",
        "completeness", "valid", "validity", "outOfRange", "unseenCategories", "duplicates"),
        names(age));
    assertEquals(0.75, age.get("completeness").asDouble()); // 6 of 8 present
    assertTrue(age.get("duplicates").isNull()); // uniqueness not declared
    JsonNode signup = root.get("columns").get(5);
    assertTrue(signup.get("actualType").isNull());
    assertEquals("MISSING_COLUMN", signup.get("status").asText());
    JsonNode key = root.get("problems").get(7);
    assertEquals(List.of("columns", "kind", "count", "detail", "examples"), names(key));
    assertEquals("DUPLICATE_KEY", key.get("kind").asText());
    assertEquals("[\"country\",\"member\"]", key.get("columns").toString());
    assertEquals("{\"row\":6,\"value\":\"(DE, true)\"}", key.get("examples").get(0).toString());
    JsonNode missing = root.get("problems").get(0);
    assertTrue(missing.get("examples").get(0).get("value").isNull());
  }

  @Test
  void goldenFileStillReadsAndMatches() throws IOException {
    String golden = golden();
    assertEquals(rich(), DataQualityReport.fromJson(golden));
    assertEquals(JSON.readTree(golden), JSON.readTree(rich().toJson()));
  }

  @Test
  void fromJsonRejectsOtherFormatsNewerVersionsAndMissingFields() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(rich().toJson());
    root.put("version", 2);
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> DataQualityReport.fromJson(root.toString()));
    assertTrue(v.getMessage().startsWith("version = 2; expected 1..1"), v.getMessage());
    root.put("version", 1);
    root.put("format", "reco-drift-report");
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> DataQualityReport.fromJson(root.toString()));
    assertTrue(f.getMessage().startsWith("format = 'reco-drift-report'"), f.getMessage());
    root.put("format", DataQualityReport.FORMAT);
    root.remove("rows");
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
        () -> DataQualityReport.fromJson(root.toString()));
    assertTrue(r.getMessage().startsWith("field 'rows' is absent"), r.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> DataQualityReport.fromJson("{not json"));
    assertTrue(bad.getMessage().startsWith("json is not valid JSON"), bad.getMessage());
  }

  @Test
  void textSummaryAlignsOneLinePerColumnThenTheProblems() {
    String expected = String.join("\n",
        "Data quality: FAILED (8 rows, 6 columns checked, 8 problems)",
        "column   type         missing  complete  valid  validity  out of range  unseen  duplicates  status",
        "id       LONG               1    87.50%      7   100.00%             0       0           2  FAILED",
        "age      LONG               2    75.00%      4    66.67%             2       0           -  FAILED",
        "country  CATEGORICAL        1    87.50%      5    71.43%             0       2           -  FAILED",
        "spend    DOUBLE             0   100.00%      7    87.50%             1       0           -  FAILED",
        "member   BOOLEAN            0   100.00%      8   100.00%             0       0           -  OK",
        "signup   LONG               -         -      -         -             -       -           -  MISSING_COLUMN",
        "",
        "Problems:",
        " 1. id TOO_MANY_MISSING: 1 of 8 values missing (12.50%); expected none (required column)",
        "      row 5: (missing)",
        " 2. id DUPLICATE: 2 values repeating an earlier row; expected unique values",
        "      row 4: 3",
        "      row 6: 7",
        " 3. age TOO_MANY_MISSING: 2 of 8 values missing (25.00%); expected at most 20.00%",
        "      row 3: (missing)",
        "      row 7: (missing)",
        " 4. age OUT_OF_RANGE: 2 values outside [0, 120]",
        "      row 2: -1",
        "      row 6: 130",
        " 5. country UNSEEN_CATEGORY: 2 values not in the allowed categories [FR, DE]",
        "      row 1: XX",
        "      row 5: ZZ",
        " 6. spend OUT_OF_RANGE: 1 value outside [0, 1000000]",
        "      row 0: 1.0E9",
        " 7. signup MISSING_COLUMN: column 'signup' is not in the table; table columns:"
            + " [id, age, country, spend, member]",
        " 8. country+member DUPLICATE_KEY: 2 rows repeat the key [country, member] of an earlier"
            + " row; expected unique keys",
        "      row 6: (DE, true)",
        "      row 7: (FR, false)",
        "");
    assertEquals(expected, rich().toText());
  }

  @Test
  void textSummaryOfACleanTableHasNoProblemSection() {
    DataQualityReport r = DataQuality.check(Table.of(LongColumn.of("x", 1)),
        QualitySchema.of(ColumnRule.of("x", ColumnType.LONG)));
    assertEquals("Data quality: PASSED (1 row, 1 column checked, 0 problems)\n"
        + "column  type  missing  complete  valid  validity  out of range  unseen  duplicates  status\n"
        + "x       LONG        0   100.00%      1   100.00%             0       0           -  OK\n",
        r.toText());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
