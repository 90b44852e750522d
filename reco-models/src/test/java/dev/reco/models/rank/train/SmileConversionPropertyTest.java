package dev.reco.models.rank.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.TreeEnsemble;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import smile.data.DataFrame;

/**
 * Random small training sets (continuous, coarse integer-valued features with many ties,
 * negative values) and random probe rows (training values, thresholds, NaN): the converted
 * ensemble's margin equals Smile's prediction bit for bit.
 */
class SmileConversionPropertyTest {

  @Property(tries = 25, seed = "42")
  void convertedMarginEqualsSmilePredict(
      @ForAll @IntRange(min = 1, max = 4) int d,
      @ForAll @IntRange(min = 20, max = 150) int rows,
      @ForAll boolean coarse,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * d];
    float[] y = new float[rows];
    for (int i = 0; i < x.length; i++) {
      x[i] = coarse ? random.nextInt(-3, 4) : (float) (random.nextGaussian() * 10);
    }
    for (int r = 0; r < rows; r++) {
      y[r] = (float) (x[r * d] * (d > 1 ? x[r * d + 1] : 1.0) + random.nextGaussian());
    }
    FeatureSchema schema = FeatureSchema.numbered("v", d);
    GradientBoostingConfig config = GradientBoostingConfig.leastSquares().withTrees(4)
        .withMaxNodes(6).withNodeSize(2).withShrinkage(0.3).withSeed(seed);
    SmileGradientBoosting.Trained trained =
        SmileGradientBoosting.train(schema, x, rows, y, config);
    TreeEnsemble e = trained.ensemble();

    int probes = 60;
    float[] p = new float[probes * d];
    for (int i = 0; i < p.length; i++) {
      int kind = random.nextInt(4);
      p[i] = switch (kind) {
        case 0 -> x[random.nextInt(x.length)];
        case 1 -> Float.NaN;
        case 2 -> thresholdNear(e, random);
        default -> (float) (random.nextGaussian() * 10);
      };
    }
    smile.regression.GradientTreeBoost model =
        (smile.regression.GradientTreeBoost) trained.smileModel();
    DataFrame frame = SmileFrames.frame(p, probes, d, false);
    for (int r = 0; r < probes; r++) {
      double expected = model.predict(frame.get(r));
      float[] row = Arrays.copyOfRange(p, r * d, (r + 1) * d);
      assertEquals(expected, e.margin(row), 0.0, "probe " + Arrays.toString(row));
    }
  }

  /** A float at or next to a random split threshold of the ensemble (or 0 without splits). */
  static float thresholdNear(TreeEnsemble e, SplittableRandom random) {
    var tree = e.trees().get(random.nextInt(e.trees().size()));
    if (tree.nodeCount() == 0) {
      return 0f;
    }
    float t = (float) tree.threshold(random.nextInt(tree.nodeCount()));
    return switch (random.nextInt(3)) {
      case 0 -> Math.nextDown(t);
      case 1 -> t;
      default -> Math.nextUp(t);
    };
  }
}
