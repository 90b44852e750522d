package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.LongColumn;
import dev.reco.features.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineJsonTest {
  private static final double NAN = Double.NaN;

  private static String golden() throws IOException {
    try (InputStream in = PipelineJsonTest.class.getResourceAsStream("/golden/feature-pipeline-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Table scoring() {
    return Table.of(
        DoubleColumn.of("price", 9, NAN, 1),
        LongColumn.of("visits", 15, 35, -3),
        CategoricalColumn.of("city", "paris", null, "oslo"));
  }

  /** The version-1 golden file keeps reading, with hand-computed outputs. */
  @Test
  void readsTheVersion1GoldenFile() throws IOException {
    FittedPipeline p = PipelineJson.read(golden());
    assertEquals(List.of("price", "price_missing", "visits_bin", "city"), p.outputNames());
    assertArrayEquals(new double[] {
        // 9 -> (9 - 5) / 2 = 2; present; 15 in [10, 20) -> bin 1; paris = code 1
        2, 0, 1, 1,
        // missing -> median 4 -> (4 - 5) / 2 = -0.5; flagged; 35 >= 20 -> last bin 2; null -> "other" = 2
        -0.5, 1, 2, 2,
        // 1 -> (1 - 5) / 2 = -2, clipped at -1; -3 -> bin 0; "oslo" not in the dictionary -> NaN
        -1, 0, 0, NAN}, p.features(scoring()));
    assertEquals(golden().strip(), PipelineJson.write(p).strip(), "written back unchanged");
  }

  @Test
  void errorsNameTheProblem() throws IOException {
    String g = golden();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"type\" : \"clip\"", "\"type\" : \"magic\"")));
    assertTrue(e.getMessage().startsWith("steps[2] (magic): step type 'magic' is unknown; expected one of [standard_scale, "),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"version\" : 1", "\"version\" : 2")));
    assertEquals("pipeline JSON has version 2; this reader supports up to 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"version\" : 1", "\"version\" : \"1\"")));
    assertEquals("field 'version' = \"1\"; expected an integer", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PipelineJson.read(g.substring(0, 200)));
    assertTrue(e.getMessage().startsWith("malformed pipeline JSON at line"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"mean\" : 5.0,", "")));
    assertEquals("steps[1] (standard_scale): field 'params.mean' is missing", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"scale\" : 2.0", "\"scale\" : 0.0")));
    assertEquals("steps[1] (standard_scale): field 'params.scale' = 0.0; expected a finite value > 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("reco-feature-pipeline", "other")));
    assertEquals("field 'format' = 'other'; expected 'reco-feature-pipeline'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"type\" : \"LONG\"", "\"type\" : \"INT\"")));
    assertTrue(e.getMessage().startsWith("field 'input[1].type' = 'INT'; expected one of"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PipelineJson.read(g.replace("\"inputs\" : [ \"visits\" ]", "\"inputs\" : [ \"ghost\" ]")));
    assertTrue(e.getMessage().startsWith("step 3 (equal_width_bin) reads column 'ghost'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PipelineJson.read("[1, 2]"));
    assertEquals("pipeline JSON = ARRAY; expected an object", e.getMessage());
  }

  @Test
  void registryListsTheNumericStepTypes() {
    assertEquals(List.of("standard_scale", "min_max_scale", "robust_scale", "log1p", "clip", "winsorize",
        "equal_width_bin", "quantile_bin", "impute"), List.copyOf(StepRegistry.types()).subList(0, 9));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepRegistry.reader("x"));
    assertTrue(e.getMessage().startsWith("step type 'x' is unknown; expected one of [standard_scale"), e.getMessage());
  }

  @Test
  void saveAndLoadAtomically(@TempDir Path dir) throws IOException {
    FittedPipeline p = PipelineJson.read(golden());
    Path file = dir.resolve("pipeline.json");
    Files.writeString(file, "old content");
    p.save(file);
    FittedPipeline loaded = FittedPipeline.load(file);
    assertArrayEquals(p.features(scoring()), loaded.features(scoring()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    // a failed save leaves the old file: the target's directory does not exist
    Path missingDir = dir.resolve("nope").resolve("p.json");
    assertThrows(IOException.class, () -> p.save(missingDir));
    assertEquals(PipelineJson.write(p), Files.readString(file));
  }
}
