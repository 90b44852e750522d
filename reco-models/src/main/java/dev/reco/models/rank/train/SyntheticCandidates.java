package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import java.util.SplittableRandom;

/**
 * Seeded synthetic ranking data: groups of candidates whose graded relevance depends
 * non-linearly on their features, plus a strong per-group shift that only matters across groups.
 *
 * <h2>Generative model</h2>
 * For {@code d >= 7} features named {@code f0 .. f(d-1)} and every group {@code g}:
 * <ul>
 *   <li>{@code f0 = c ~ U(-1, 1)}, the same for every candidate of the group (a context
 *       feature, e.g. a property of the user), and a hidden offset {@code h ~ N(0, 0.5^2)} that
 *       no feature shows;</li>
 *   <li>for every candidate, {@code f1 .. f(d-1) ~ U(-1, 1)} independently; {@code f7} and
 *       beyond are pure noise;</li>
 *   <li>the latent relevance is
 *       <pre>
 *   z = w A + (1 - w) B                     within-group signal, w = (1 + c) / 2
 *     + 2 sin(5 c) + h                      group shift
 *     + e,  e ~ N(0, 0.35^2)                noise
 *   A = 1.5 [f1 &gt; 0.2] (1 + f2) + 1.5 f4 f5
 *   B = 2 sin(pi f3) + 1.5 f6
 *       </pre>
 *       a threshold ({@code f1 > 0.2}) gating a slope ({@code f2}), a pure interaction
 *       ({@code f4 f5}, no main effect), a non-monotone term ({@code f3}), and a context that
 *       decides which of the two patterns matters;</li>
 *   <li>the label is the number of cut points {@code 0.5, 1.5, 2.5, 3.5} below {@code z}: a grade
 *       {@code 0..4}, most candidates 0;</li>
 *   <li>after the label is drawn, each of {@code f1 .. f(d-1)} is replaced by {@code NaN} with
 *       probability 0.05 ({@code f0} is never missing).</li>
 * </ul>
 * The group shift {@code 2 sin(5 c) + h} moves every label of a group together: it decides how
 * many relevant candidates a group has but not their order. A pointwise regression must model
 * this wiggly function of {@code f0} to fit the labels (spending trees on it, and it cannot
 * explain {@code h}); for a listwise learner the shift cancels within a group. Groups with a low
 * shift have few relevant candidates and small label variance, so squared error weighs them
 * little while NDCG weighs every group alike. Candidates are generated in random order, so the
 * input order of a group carries no information.
 *
 * <p>Group keys are {@code 0 .. groups-1}; item ids are {@code g * candidatesPerGroup + i}.
 * Stateless; the same arguments give the same data.
 */
public final class SyntheticCandidates {
  /** The smallest number of features: the context feature and six signal features. */
  public static final int MIN_FEATURES = 7;

  /** Probability that a candidate feature value is replaced by NaN. */
  static final double MISSING_RATE = 0.05;

  private SyntheticCandidates() {}

  /**
   * Generates ranking data as described in the class documentation.
   *
   * @param groups number of groups, {@code >= 1}
   * @param candidatesPerGroup candidates per group, {@code >= 1}
   * @param features features per candidate, {@code >= 6}
   * @param seed the seed; the same arguments give identical data
   * @return the data, {@code groups * candidatesPerGroup} rows in group order
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static RankingData generate(int groups, int candidatesPerGroup, int features, long seed) {
    if (groups < 1) {
      throw new IllegalArgumentException("groups = " + groups + "; expected groups >= 1");
    }
    if (candidatesPerGroup < 1) {
      throw new IllegalArgumentException(
          "candidatesPerGroup = " + candidatesPerGroup + "; expected candidatesPerGroup >= 1");
    }
    if (features < MIN_FEATURES) {
      throw new IllegalArgumentException(
          "features = " + features + "; expected features >= " + MIN_FEATURES);
    }
    if ((long) groups * candidatesPerGroup * features > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "groups * candidatesPerGroup * features = "
              + ((long) groups * candidatesPerGroup * features) + "; expected at most "
              + (Integer.MAX_VALUE - 8));
    }
    RankingData.Builder builder = RankingData.builder(FeatureSchema.numbered("f", features));
    SplittableRandom master = new SplittableRandom(seed);
    float[] row = new float[features];
    double[] x = new double[features];
    for (int g = 0; g < groups; g++) {
      SplittableRandom random = master.split();
      double context = uniform(random);
      double hidden = 0.5 * gaussian(random);
      for (int i = 0; i < candidatesPerGroup; i++) {
        x[0] = context;
        for (int f = 1; f < features; f++) {
          x[f] = uniform(random);
        }
        double z = latent(x, context, hidden) + 0.35 * gaussian(random);
        int label = 0;
        for (double cut = 0.5; cut < 4; cut += 1.0) {
          if (z > cut) {
            label++;
          }
        }
        row[0] = (float) x[0];
        for (int f = 1; f < features; f++) {
          row[f] = random.nextDouble() < MISSING_RATE ? Float.NaN : (float) x[f];
        }
        builder.add(g, g * candidatesPerGroup + i, row, label);
      }
    }
    return builder.build();
  }

  /** Returns the noise-free latent relevance of a candidate with values {@code x}. */
  static double latent(double[] x, double context, double hidden) {
    return signal(x, context) + 2.0 * Math.sin(5.0 * context) + hidden;
  }

  /** Returns the within-group part of the latent relevance. */
  static double signal(double[] x, double context) {
    double w = (1.0 + context) / 2.0;
    double a = (x[1] > 0.2 ? 1.5 * (1.0 + x[2]) : 0.0) + 1.5 * x[4] * x[5];
    double b = 2.0 * Math.sin(Math.PI * x[3]) + 1.5 * x[6];
    return w * a + (1.0 - w) * b;
  }

  private static double uniform(SplittableRandom random) {
    return 2.0 * random.nextDouble() - 1.0;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; one of the pair is discarded so each call uses two fresh uniforms.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
