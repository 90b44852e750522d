package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankerExampleTest {
  @Test
  void trainsExportsAndServesTheSameTopTenThroughOnnx(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RankerExample.Outcome outcome;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      outcome = RankerExample.run(300, 30, 10, dir, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(60, outcome.groups(), "20% of 300 groups held out");
    assertEquals(outcome.groups(), outcome.identicalTopK(), printed);
    assertTrue(outcome.largestScoreDifference() < 1e-4, printed);
    assertTrue(Files.size(outcome.onnxFile()) > 0);
    // both rankers learned the planted signal: random order gives about 0.45 on this data
    assertTrue(outcome.lambdaMartNdcg() > 0.8, printed);
    assertTrue(outcome.pointwiseNdcg() > 0.75, printed);
    assertTrue(printed.contains("identical top-10 in 60 of 60 test groups"), printed);
    assertTrue(printed.contains("LambdaMART (listwise, reco)"), printed);
  }
}
