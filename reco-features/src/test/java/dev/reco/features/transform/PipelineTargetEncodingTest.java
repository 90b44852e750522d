package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A pipeline fits the steps after a target encoding on the out-of-fold training values. */
class PipelineTargetEncodingTest {
  @Test
  void laterStepsSeeOutOfFoldEncodingsNotTheLeakyOnes() {
    SplittableRandom rnd = new SplittableRandom(3);
    int rows = 200;
    String[] city = new String[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      city[r] = "c" + rnd.nextInt(12);
      y[r] = rnd.nextDouble() < 0.3 ? 1 : 0;
    }
    Table training = Table.of(CategoricalColumn.of("city", city), DoubleColumn.of("y", y));
    TargetEncodingStep encode = TargetEncodingStep.of("city", "y");

    FeaturePipeline.Fit fit = FeaturePipeline.builder().add(encode).build().fitTransform(training);
    double[] inPipeline = fit.training().doubleColumn("city_target").toArray();
    double[] outOfFold = encode.fitOutOfFold(training).outOfFold()
        .doubleColumn("city_target").toArray();
    double[] leaky = encode.fit(training).transform(training).doubleColumn("city_target").toArray();

    assertArrayEquals(outOfFold, inPipeline);
    assertFalse(Arrays.equals(leaky, inPipeline), "the full-data encoding differs from out-of-fold");
  }
}
