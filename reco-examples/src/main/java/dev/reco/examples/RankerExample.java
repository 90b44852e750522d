package dev.reco.examples;

import dev.reco.models.rank.FeatureSchema;
import dev.reco.models.rank.OnnxExport;
import dev.reco.models.rank.OnnxRanker;
import dev.reco.models.rank.Ranker;
import dev.reco.models.rank.TreeEnsemble;
import dev.reco.models.rank.train.GradientBoostingConfig;
import dev.reco.models.rank.train.LambdaMart;
import dev.reco.models.rank.train.LambdaMartConfig;
import dev.reco.models.rank.train.RankingData;
import dev.reco.models.rank.train.SmileGradientBoosting;
import dev.reco.models.rank.train.SyntheticCandidates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The second stage end to end on generated candidates: train a listwise LambdaMART ranker and a
 * pointwise gradient-boosting baseline (Smile 2.6.0), compare their NDCG@10 on held-out groups,
 * export LambdaMART to ONNX, load the file back in the ONNX Runtime backend, and show that both
 * backends give every held-out group the same top-10.
 *
 * <p>Run with {@code ./mvnw -q -Pdemo package -DskipTests -Ddemo.mainClass=dev.reco.examples.RankerExample}.
 * The ONNX file is written under a new temporary directory, whose path is printed.
 */
public final class RankerExample {
  private RankerExample() {}

  /** The list length compared and evaluated. */
  public static final int K = 10;

  /**
   * What the example measured.
   *
   * @param lambdaMartNdcg mean NDCG@10 of LambdaMART over the held-out groups
   * @param pointwiseNdcg mean NDCG@10 of the pointwise baseline
   * @param groups held-out groups compared
   * @param identicalTopK groups whose top-10 is identical in the native and ONNX backends
   * @param largestScoreDifference the largest |native - ONNX| score over all held-out rows
   * @param onnxFile the exported model
   */
  public record Outcome(double lambdaMartNdcg, double pointwiseNdcg, int groups,
      int identicalTopK, double largestScoreDifference, Path onnxFile) {}

  /**
   * Runs the example on 1,500 groups of 40 candidates with 12 features.
   *
   * @param args ignored
   * @throws IOException if the temporary directory or the model file cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(1_500, 40, 12, Files.createTempDirectory("reco-ranker-example"), System.out);
  }

  /**
   * Runs every step and prints what happens.
   *
   * @param groups groups (users) to generate
   * @param candidates candidates per group
   * @param features features per candidate
   * @param dir where to write {@code ranker.onnx}
   * @param out where to print
   * @return what was measured
   * @throws IOException if the model file cannot be written
   */
  public static Outcome run(int groups, int candidates, int features, Path dir, PrintStream out)
      throws IOException {
    out.println("reco second stage: LambdaMART vs pointwise, native vs ONNX Runtime");
    RankingData data = SyntheticCandidates.generate(groups, candidates, features, 42);
    RankingData.Split split = data.split(0.2, 7);
    RankingData train = split.train();
    RankingData test = split.validation();
    FeatureSchema schema = data.schema();
    out.printf(Locale.ROOT, "candidates: %d train groups, %d test groups, %d features each%n%n",
        train.groups(), test.groups(), schema.size());

    // 1. Listwise: LambdaMART optimizes NDCG@10 within each group.
    long t0 = System.nanoTime();
    TreeEnsemble lambdaMart = LambdaMart.fit(train, LambdaMartConfig.defaults());
    long t1 = System.nanoTime();
    // 2. Pointwise: gradient-boosted regression on the labels (Smile cannot train on missing
    //    values, so both its training and test rows get NaN replaced by 0, as an imputing
    //    feature pipeline would).
    TreeEnsemble pointwise = SmileGradientBoosting.fit(schema, zeroFilled(train.features()),
        train.rows(), train.labels(), GradientBoostingConfig.leastSquares().withTrees(100));
    long t2 = System.nanoTime();

    double listwiseNdcg = meanNdcg(lambdaMart, test, test.features());
    double pointwiseNdcg = meanNdcg(pointwise, test, zeroFilled(test.features()));
    out.printf(Locale.ROOT, "%-36s %9s %10s%n", "ranker (100 trees)", "NDCG@10", "training");
    out.printf(Locale.ROOT, "%-36s %9.4f %8.1f s%n", "LambdaMART (listwise, reco)",
        listwiseNdcg, (t1 - t0) / 1e9);
    out.printf(Locale.ROOT, "%-36s %9.4f %8.1f s%n", "gradient boosting (pointwise, Smile)",
        pointwiseNdcg, (t2 - t1) / 1e9);
    out.println();

    // 3. Export to ONNX, load it back in ONNX Runtime, compare every held-out group.
    Path file = dir.resolve("ranker.onnx");
    OnnxExport.write(lambdaMart, file);
    out.printf(Locale.ROOT, "exported %s (%,d bytes)%n", file, Files.size(file));
    int identical = 0;
    double largest = 0;
    try (OnnxRanker onnx = OnnxRanker.load(file, schema)) {
      float[] x = test.features();
      float[] nativeScores = lambdaMart.score(x, test.rows());
      float[] onnxScores = onnx.score(x, test.rows());
      for (int g = 0; g < test.groups(); g++) {
        int start = test.groupStart(g);
        int size = test.groupEnd(g) - start;
        int[] a = Ranker.topK(Arrays.copyOfRange(nativeScores, start, start + size), size, K);
        int[] b = Ranker.topK(Arrays.copyOfRange(onnxScores, start, start + size), size, K);
        if (Arrays.equals(a, b)) {
          identical++;
        }
        for (int r = start; r < start + size; r++) {
          largest = Math.max(largest, Math.abs(nativeScores[r] - onnxScores[r]));
        }
        if (g < 2) {
          printSideBySide(out, test, g, a, b, nativeScores, onnxScores);
        }
      }
    }
    out.println();
    out.printf(Locale.ROOT, "identical top-%d in %d of %d test groups; largest score difference %.2e%n",
        K, identical, test.groups(), largest);
    return new Outcome(listwiseNdcg, pointwiseNdcg, test.groups(), identical, largest, file);
  }

  private static void printSideBySide(PrintStream out, RankingData test, int g, int[] a,
      int[] b, float[] nativeScores, float[] onnxScores) {
    int start = test.groupStart(g);
    out.printf(Locale.ROOT, "%nuser %s: top-%d%n", test.groupKey(g), K);
    out.printf(Locale.ROOT, "  %4s  %-8s %10s   %-8s %10s  %s%n",
        "rank", "native", "score", "onnx", "score", "label");
    for (int i = 0; i < a.length; i++) {
      int ra = start + a[i];
      int rb = start + b[i];
      out.printf(Locale.ROOT, "  %4d  %-8s %10.6f   %-8s %10.6f  %.0f%n", i + 1,
          test.itemId(ra), nativeScores[ra], test.itemId(rb), onnxScores[rb], test.label(ra));
    }
  }

  /** A copy with NaN replaced by 0. */
  static float[] zeroFilled(float[] x) {
    float[] copy = x.clone();
    for (int i = 0; i < copy.length; i++) {
      if (Float.isNaN(copy[i])) {
        copy[i] = 0f;
      }
    }
    return copy;
  }

  /** Mean NDCG@10 (gain 2^label - 1, log2 discount) over groups with a relevant candidate. */
  static double meanNdcg(Ranker ranker, RankingData data, float[] features) {
    float[] scores = ranker.score(features, data.rows());
    double sum = 0;
    int counted = 0;
    for (int g = 0; g < data.groups(); g++) {
      int start = data.groupStart(g);
      int size = data.groupEnd(g) - start;
      float[] labels = Arrays.copyOfRange(data.labels(), start, start + size);
      int[] ranked = Ranker.topK(Arrays.copyOfRange(scores, start, start + size), size, K);
      float[] ideal = labels.clone();
      Arrays.sort(ideal);
      double dcg = 0;
      double idcg = 0;
      for (int i = 0; i < Math.min(K, size); i++) {
        double discount = Math.log(i + 2) / Math.log(2);
        dcg += i < ranked.length ? (Math.pow(2, labels[ranked[i]]) - 1) / discount : 0;
        idcg += (Math.pow(2, ideal[size - 1 - i]) - 1) / discount;
      }
      if (idcg > 0) {
        sum += dcg / idcg;
        counted++;
      }
    }
    return counted == 0 ? 0 : sum / counted;
  }
}
