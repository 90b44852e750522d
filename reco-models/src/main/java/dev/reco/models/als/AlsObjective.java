package dev.reco.models.als;

/**
 * The per-entry and per-row constants of the ALS objective for one {@link AlsConfig}; see the
 * class comment of {@link AlsConfig} for the objective itself.
 *
 * <p>Every row problem (a user given the item factors, or an item given the user factors) is
 * the regularised weighted least-squares problem
 * <pre>
 *   minimise  x^T (G + sum_{j in row} w_j y_j y_j^T) x - 2 x^T (sum_{j in row} t_j y_j)
 *             + sum_{j in row} e_j + lambda_row |x|^2
 * </pre>
 * with normal equations {@code (G + sum w_j y_j y_j^T + lambda_row I) x = sum t_j y_j}, where
 * for an observed entry of value {@code r}:
 * <ul>
 *   <li>implicit: {@code G = Y^T Y} (every unobserved entry has weight 1),
 *       {@code c = base + alpha r} (base 0 or 1), {@code w = c - 1}, {@code p = r > 0 ? 1 : 0},
 *       {@code t = c p}, {@code e = c p^2 = t};
 *   <li>explicit: {@code G = 0}, {@code w = 1}, {@code t = r}, {@code e = r^2};
 * </ul>
 * and {@code lambda_row = lambda} (plain) or {@code lambda n_row} (weighted).
 */
final class AlsObjective {
  final int factors;
  final boolean implicit;
  final float confidenceBase;
  final float alpha;
  final float lambda;
  final boolean weighted;

  AlsObjective(AlsConfig config) {
    this.factors = config.factors();
    this.implicit = config.feedback() == AlsConfig.Feedback.IMPLICIT;
    this.confidenceBase = config.confidence() == AlsConfig.Confidence.LINEAR ? 0f : 1f;
    this.alpha = (float) config.alpha();
    this.lambda = (float) config.regularization();
    this.weighted = config.regularizationMode() == AlsConfig.RegularizationMode.WEIGHTED;
  }

  /** Returns the confidence of an implicit observed value. */
  float confidence(float value) {
    return confidenceBase + alpha * value;
  }

  /** Returns the extra weight {@code w} of an observed entry beyond the Gram matrix. */
  float weight(float value) {
    return implicit ? confidence(value) - 1f : 1f;
  }

  /** Returns the right-hand-side coefficient {@code t} of an observed entry. */
  float target(float value) {
    if (!implicit) {
      return value;
    }
    return value > 0f ? confidence(value) : 0f;
  }

  /** Returns the constant {@code e} an observed entry adds to the objective. */
  double constant(float value) {
    return implicit ? target(value) : (double) value * value;
  }

  /** Returns the regularization of a row with {@code entries} observed entries. */
  float lambdaFor(int entries) {
    return weighted ? lambda * entries : lambda;
  }
}
