package dev.reco.models.als;

import java.util.Objects;

/**
 * What alternating least squares learns: an immutable, validated configuration of
 * {@link AlsTrainer}. Start from {@link #implicitDefaults()} or {@link #explicitDefaults()} and
 * change single settings with the {@code with...} copies; every copy is validated again.
 *
 * <h2>Objective</h2>
 * With user vectors {@code x_u}, item vectors {@code y_i} and {@code s_ui = x_u · y_i}:
 * <pre>
 *   IMPLICIT:  L = sum over all (u, i) of c_ui (p_ui - s_ui)^2  + R
 *   EXPLICIT:  L = sum over observed (u, i) of (r_ui - s_ui)^2  + R
 *   PLAIN:     R = lambda (sum_u |x_u|^2 + sum_i |y_i|^2)
 *   WEIGHTED:  R = lambda (sum_u n_u |x_u|^2 + sum_i n_i |y_i|^2)
 * </pre>
 * where {@code r_ui} is the training value, {@code n_u} and {@code n_i} count the observed
 * (distinct) entries of the user and item. For implicit feedback the sum runs over the whole
 * {@code users x items} matrix: an unobserved entry has preference {@code p = 0} and confidence
 * {@code c = 1}; an observed entry has preference {@code p = 1} if {@code r > 0} (else 0) and
 * confidence {@code c = alpha r} ({@link Confidence#LINEAR}) or {@code c = 1 + alpha r}
 * ({@link Confidence#ONE_PLUS_LINEAR}). See {@link Confidence} for how the two relate.
 *
 * @param factors latent factors per user and item, {@code 1..4096}; state costs
 *     {@code 4 * factors} bytes per user and per item (factors = 64: 256 bytes each), plus one
 *     {@code factors x factors} matrix per worker thread
 * @param iterations ALS sweeps (each solves every user, then every item), {@code >= 1}
 * @param regularization lambda, finite and {@code > 0} (a positive lambda keeps every normal
 *     equation positive definite, so no solve can fail or produce NaN)
 * @param regularizationMode whether lambda is scaled by the row's entry count
 * @param feedback implicit (weighted over all entries) or explicit (observed entries only)
 * @param confidence how implicit values become confidences; ignored for explicit feedback
 * @param alpha confidence scale, finite and {@code > 0}; ignored for explicit feedback
 * @param solver conjugate gradient (fast, approximate per sweep) or Cholesky (exact)
 * @param cgSteps conjugate-gradient steps per row and sweep, {@code >= 1}; ignored by Cholesky
 * @param seed seed of the factor initialisation
 * @param initStd standard deviation of the Gaussian initial factors, finite and {@code > 0}
 * @param computeLoss whether to compute the training objective {@code L} after every iteration
 *     for the listener (one more pass over the observed entries, a few percent of an iteration);
 *     {@code NaN} is reported otherwise
 */
public record AlsConfig(
    int factors,
    int iterations,
    double regularization,
    RegularizationMode regularizationMode,
    Feedback feedback,
    Confidence confidence,
    double alpha,
    Solver solver,
    int cgSteps,
    long seed,
    double initStd,
    boolean computeLoss) {

  /** Largest accepted number of factors. */
  public static final int MAX_FACTORS = 4096;

  /** Whether the data are implicit signals or explicit ratings. */
  public enum Feedback {
    /**
     * Implicit feedback (Hu, Koren &amp; Volinsky 2008): every user–item pair counts, observed
     * ones with a confidence derived from the value, unobserved ones as weak negatives.
     * Values must be {@code >= 0}.
     */
    IMPLICIT,
    /** Explicit ratings: squared error on the observed entries only (ALS-WR); any finite value. */
    EXPLICIT
  }

  /**
   * How an implicit value {@code r >= 0} of an observed entry becomes its confidence {@code c};
   * unobserved entries always have {@code c = 1, p = 0}, and the preference of an observed entry
   * is {@code p = 1} if {@code r > 0}, else {@code p = 0}.
   *
   * <p>The two conventions differ by exactly 1 in the weight of observed entries. For binary
   * data ({@code r = 1}) {@code LINEAR} with {@code alpha = a} is the same objective as
   * {@code ONE_PLUS_LINEAR} with {@code alpha = a - 1}; for other values they are not scalings of
   * each other. An observed entry with {@code c < 1} (LINEAR with {@code alpha r < 1}) weighs
   * less than an unobserved one, and an entry with {@code r = 0} under LINEAR has {@code c = 0}:
   * it drops out of the objective.
   */
  public enum Confidence {
    /**
     * {@code c = alpha r}: the {@code implicit} library's convention, where the input matrix is
     * multiplied by {@code alpha} and used as the confidence of its entries.
     */
    LINEAR,
    /** {@code c = 1 + alpha r}: the convention of Hu et al. (2008) and Spark MLlib. */
    ONE_PLUS_LINEAR
  }

  /** Whether the regularization of a row is scaled by its number of observed entries. */
  public enum RegularizationMode {
    /** {@code lambda |x_u|^2} for every user (and item), as in {@code implicit} and Hu et al. */
    PLAIN,
    /**
     * {@code lambda n_u |x_u|^2} (weighted-lambda regularization of ALS-WR, Zhou et al. 2008,
     * and Spark MLlib); rows without entries have no term.
     */
    WEIGHTED
  }

  /** How each row's normal equations are solved. */
  public enum Solver {
    /**
     * A few conjugate-gradient steps per row and sweep, warm-started from the row's previous
     * vector (Takács, Pilászy &amp; Tikk 2011): {@code O(k^2 + n_u k)} per step, no
     * {@code k x k} matrix per row.
     */
    CONJUGATE_GRADIENT,
    /** The exact solution by Cholesky factorisation: {@code O(n_u k^2 + k^3)} per row. */
    CHOLESKY
  }

  /**
   * Validates the configuration.
   *
   * @throws NullPointerException if an enum setting is null
   * @throws IllegalArgumentException if a number is out of its documented range, naming it
   */
  public AlsConfig {
    Objects.requireNonNull(regularizationMode, "regularizationMode");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(solver, "solver");
    if (factors < 1 || factors > MAX_FACTORS) {
      throw new IllegalArgumentException(
          "factors = " + factors + "; expected 1 <= factors <= " + MAX_FACTORS);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations = " + iterations + "; expected iterations >= 1");
    }
    if (!(regularization > 0) || Double.isInfinite(regularization)) {
      throw new IllegalArgumentException(
          "regularization = " + regularization + "; expected a finite number > 0");
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha = " + alpha + "; expected a finite number > 0");
    }
    if (cgSteps < 1) {
      throw new IllegalArgumentException("cgSteps = " + cgSteps + "; expected cgSteps >= 1");
    }
    if (!(initStd > 0) || Double.isInfinite(initStd)) {
      throw new IllegalArgumentException("initStd = " + initStd + "; expected a finite number > 0");
    }
  }

  /**
   * Returns the defaults for implicit feedback, which match the {@code implicit} library's
   * {@code AlternatingLeastSquares} except for the number of factors: 64 factors, 15 iterations,
   * plain lambda = 0.01, confidence {@code c = alpha r} with alpha = 1, 3 warm-started
   * conjugate-gradient steps, seed 42, initial factors N(0, 0.01^2), loss computed.
   *
   * @return the defaults
   */
  public static AlsConfig implicitDefaults() {
    return new AlsConfig(64, 15, 0.01, RegularizationMode.PLAIN, Feedback.IMPLICIT,
        Confidence.LINEAR, 1.0, Solver.CONJUGATE_GRADIENT, 3, 42L, 0.01, true);
  }

  /**
   * Returns the defaults for explicit ratings (ALS-WR as in Spark MLlib): 64 factors,
   * 15 iterations, weighted lambda = 0.1, exact Cholesky solves, seed 42, initial factors
   * N(0, 0.01^2), loss computed. Confidence settings are kept but unused.
   *
   * @return the defaults
   */
  public static AlsConfig explicitDefaults() {
    return new AlsConfig(64, 15, 0.1, RegularizationMode.WEIGHTED, Feedback.EXPLICIT,
        Confidence.LINEAR, 1.0, Solver.CHOLESKY, 3, 42L, 0.01, true);
  }

  /**
   * Returns a copy with another number of factors.
   *
   * @param value {@code 1..4096}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public AlsConfig withFactors(int value) {
    return new AlsConfig(value, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another number of iterations.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public AlsConfig withIterations(int value) {
    return new AlsConfig(factors, value, regularization, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another regularization strength lambda.
   *
   * @param value finite, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public AlsConfig withRegularization(double value) {
    return new AlsConfig(factors, iterations, value, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another regularization mode.
   *
   * @param value plain or weighted lambda
   * @return the copy
   */
  public AlsConfig withRegularizationMode(RegularizationMode value) {
    return new AlsConfig(factors, iterations, regularization, value, feedback,
        confidence, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another kind of feedback (other settings unchanged).
   *
   * @param value implicit or explicit
   * @return the copy
   */
  public AlsConfig withFeedback(Feedback value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, value,
        confidence, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another confidence convention.
   *
   * @param value {@code c = alpha r} or {@code c = 1 + alpha r}
   * @return the copy
   */
  public AlsConfig withConfidence(Confidence value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        value, alpha, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another confidence scale alpha.
   *
   * @param value finite, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public AlsConfig withAlpha(double value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, value, solver, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another solver.
   *
   * @param value conjugate gradient or Cholesky
   * @return the copy
   */
  public AlsConfig withSolver(Solver value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, value, cgSteps, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another number of conjugate-gradient steps per row and sweep.
   *
   * @param value {@code >= 1}
   * @return the copy
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public AlsConfig withCgSteps(int value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, solver, value, seed, initStd, computeLoss);
  }

  /**
   * Returns a copy with another seed.
   *
   * @param value any seed
   * @return the copy
   */
  public AlsConfig withSeed(long value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, value, initStd, computeLoss);
  }

  /**
   * Returns a copy with another standard deviation of the initial factors.
   *
   * @param value finite, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public AlsConfig withInitStd(double value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, seed, value, computeLoss);
  }

  /**
   * Returns a copy that does or does not compute the training loss after every iteration.
   *
   * @param value whether to compute it
   * @return the copy
   */
  public AlsConfig withComputeLoss(boolean value) {
    return new AlsConfig(factors, iterations, regularization, regularizationMode, feedback,
        confidence, alpha, solver, cgSteps, seed, initStd, value);
  }
}
