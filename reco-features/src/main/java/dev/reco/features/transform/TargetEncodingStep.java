package dev.reco.features.transform;

import dev.reco.features.table.BooleanColumn;
import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.Column;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Target encoding of a CATEGORICAL column against a DOUBLE or BOOLEAN (true = 1) label: each
 * category becomes the smoothed label mean {@code (n * mean_c + m * prior) / (n + m)}, where
 * {@code n} and {@code mean_c} are the category's labelled-row count and label mean, {@code prior}
 * the mean label of all labelled rows and {@code m = smoothing}. Rows whose label is missing are
 * not counted. An unseen or missing category is encoded as the prior.
 *
 * <p><b>Out-of-fold fitting.</b> Encoding the training rows with statistics that include their
 * own labels leaks the label into the feature. {@link #fitOutOfFold} therefore assigns each
 * training row to one of {@code folds} folds (a seeded shuffle, row {@code perm[i]} in fold
 * {@code i mod k}; deterministic for a seed) and encodes each row with the category counts, sums
 * and prior of the other {@code k - 1} folds only, so no training row's encoding depends on its
 * own label. A row whose other folds hold no labelled row gets NaN (missing). {@link #fit}
 * returns the encoder fitted on all training rows, for new data.
 *
 * @param input the CATEGORICAL column to encode
 * @param label the DOUBLE or BOOLEAN label column
 * @param output the DOUBLE column to write
 * @param smoothing the prior's weight {@code m}, finite, {@code >= 0} (0 = raw means)
 * @param folds the number of folds {@code k >= 2} of out-of-fold fitting
 * @param seed the seed of the fold assignment
 */
public record TargetEncodingStep(String input, String label, String output, double smoothing,
    int folds, long seed) implements FitTransformStep, SingleInputStep {
  /** The JSON type name. */
  public static final String TYPE = "target_encoding";

  /**
   * The result of out-of-fold fitting.
   *
   * @param fitted the encoder fitted on all training rows, for new data
   * @param outOfFold the training table with the output column holding out-of-fold encodings
   */
  public record FitResult(TargetEncodingFitted fitted, Table outOfFold) {}

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a name is blank or repeated, {@code smoothing} is negative
   *     or not finite, or {@code folds < 2}, naming the value
   */
  public TargetEncodingStep {
    CategoricalSupport.name("input", input);
    CategoricalSupport.name("label", label);
    CategoricalSupport.name("output", output);
    if (input.equals(label)) {
      throw new IllegalArgumentException("label = '" + label + "'; expected a column other than the input");
    }
    if (output.equals(label)) {
      throw new IllegalArgumentException("output = '" + output + "'; expected a name other than the label's");
    }
    if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("smoothing = " + smoothing + "; expected a finite value >= 0");
    }
    if (folds < 2) {
      throw new IllegalArgumentException("folds = " + folds + "; expected >= 2");
    }
  }

  /**
   * Returns the defaults: output {@code <input>_target}, smoothing 1, 5 folds, seed 0.
   *
   * @param input the CATEGORICAL column
   * @param label the label column
   * @return the step
   */
  public static TargetEncodingStep of(String input, String label) {
    return new TargetEncodingStep(input, label, input + "_target", 1.0, 5, 0L);
  }

  /** Returns this step with another smoothing weight. */
  public TargetEncodingStep withSmoothing(double m) {
    return new TargetEncodingStep(input, label, output, m, folds, seed);
  }

  /** Returns this step with another number of folds and seed. */
  public TargetEncodingStep withFolds(int k, long foldSeed) {
    return new TargetEncodingStep(input, label, output, smoothing, k, foldSeed);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Returns the input column; the label is read at fit time only. */

  /**
   * Fits the encoder on all training rows (for new data).
   *
   * @throws IllegalArgumentException if the input is not CATEGORICAL, the label is not DOUBLE or
   *     BOOLEAN, or no label is present
   */
  @Override
  public TargetEncodingFitted fit(Table training) {
    CategoricalColumn column = category(training);
    double[] y = labels(training);
    int d = column.dictionary().size();
    long[] n = new long[d];
    double[] s = new double[d];
    long total = 0;
    double sum = 0;
    for (int r = 0; r < y.length; r++) {
      if (Double.isNaN(y[r])) {
        continue;
      }
      total++;
      sum += y[r];
      int c = column.code(r);
      if (c >= 0) {
        n[c]++;
        s[c] += y[r];
      }
    }
    if (total == 0) {
      throw new IllegalArgumentException("label column '" + label
          + "' has no present value; expected at least one labelled row");
    }
    double prior = sum / total;
    List<String> categories = new ArrayList<>();
    List<Double> encodings = new ArrayList<>();
    for (int c = 0; c < d; c++) {
      if (n[c] > 0) {
        categories.add(column.dictionary().idOf(c));
        encodings.add(encode(n[c], s[c], prior));
      }
    }
    double[] e = new double[encodings.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = encodings.get(i);
    }
    return new TargetEncodingFitted(input, output, categories, e, prior);
  }

  /**
   * Fits the encoder and returns it with the out-of-fold training table, so that a
   * {@link FeaturePipeline} fits its later steps on values no training row computed from its own
   * label.
   *
   * @param training the training rows with the input and the label
   * @return the fitted encoder and the out-of-fold training table
   * @throws IllegalArgumentException as {@link #fit}
   */
  @Override
  public FitTransformStep.Result fitTransform(Table training) {
    FitResult r = fitOutOfFold(training);
    return new FitTransformStep.Result(r.fitted(), r.outOfFold());
  }

  /**
   * Fits the encoder on all rows and encodes every training row out of fold (see the class
   * comment): the training table for a model that must not see its own labels through this
   * feature.
   *
   * @param training the training rows with the input and the label
   * @return the fitted encoder and the training table with the out-of-fold output column
   * @throws IllegalArgumentException as {@link #fit}
   */
  public FitResult fitOutOfFold(Table training) {
    TargetEncodingFitted fitted = fit(training);
    CategoricalColumn column = category(training);
    double[] y = labels(training);
    int rows = y.length;
    int[] fold = assignFolds(rows, folds, seed);
    int d = column.dictionary().size();
    long[][] n = new long[folds][d];
    double[][] s = new double[folds][d];
    long[] foldN = new long[folds];
    double[] foldS = new double[folds];
    for (int r = 0; r < rows; r++) {
      if (Double.isNaN(y[r])) {
        continue;
      }
      int f = fold[r];
      foldN[f]++;
      foldS[f] += y[r];
      int c = column.code(r);
      if (c >= 0) {
        n[f][c]++;
        s[f][c] += y[r];
      }
    }
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      int f = fold[r];
      long priorN = 0;
      double priorS = 0;
      long cn = 0;
      double cs = 0;
      int c = column.code(r);
      // sums over the other folds, in fold order, so a row's value never touches its own fold
      for (int g = 0; g < folds; g++) {
        if (g == f) {
          continue;
        }
        priorN += foldN[g];
        priorS += foldS[g];
        if (c >= 0) {
          cn += n[g][c];
          cs += s[g][c];
        }
      }
      if (priorN == 0) {
        out[r] = Double.NaN;
        continue;
      }
      out[r] = encode(cn, cs, priorS / priorN);
    }
    return new FitResult(fitted, training.with(DoubleColumn.of(output, out)));
  }

  /** The smoothed mean of {@code n} labels summing to {@code s}; the prior when {@code n = 0}. */
  private double encode(long n, double s, double prior) {
    if (n == 0) {
      return prior;
    }
    return (s + smoothing * prior) / (n + smoothing);
  }

  /**
   * Assigns rows to folds: a seeded Fisher-Yates shuffle {@code perm} of the rows, then row
   * {@code perm[i]} in fold {@code i mod k}, so fold sizes differ by at most one.
   */
  static int[] assignFolds(int rows, int k, long seed) {
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] fold = new int[rows];
    for (int i = 0; i < rows; i++) {
      fold[perm[i]] = i % k;
    }
    return fold;
  }

  private CategoricalColumn category(Table training) {
    CategoricalSupport.requireColumn(training, input, ColumnType.CATEGORICAL, TYPE);
    return training.categoricalColumn(input);
  }

  private double[] labels(Table training) {
    Column c = training.column(label);
    double[] y = new double[training.rows()];
    if (c instanceof DoubleColumn d) {
      for (int r = 0; r < y.length; r++) {
        y[r] = d.get(r);
      }
    } else if (c instanceof BooleanColumn b) {
      for (int r = 0; r < y.length; r++) {
        y[r] = b.isMissing(r) ? Double.NaN : b.get(r) ? 1.0 : 0.0;
      }
    } else {
      throw new IllegalArgumentException(TYPE + ": label column '" + label + "' is " + c.type()
          + "; expected DOUBLE or BOOLEAN");
    }
    return y;
  }
}
