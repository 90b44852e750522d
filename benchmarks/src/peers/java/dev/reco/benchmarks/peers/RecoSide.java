package dev.reco.benchmarks.peers;

import dev.reco.core.Interactions;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * reco's matrix-factorisation trainers as the peer comparison calls them: ALS (implicit and
 * explicit, with Spark's conventions so both sides fit the same model) and BiasedSVD.
 */
public interface RecoSide {

  /**
   * Returns whether reco's ALS trainer is available in this build.
   *
   * @return true when {@link #fitAls} can run
   */
  boolean hasAls();

  /**
   * Returns whether reco's BiasedSVD trainer is available in this build.
   *
   * @return true when {@link #fitBiasedSvd} can run
   */
  boolean hasBiasedSvd();

  /**
   * Fits reco's ALS.
   *
   * @param train the training rows
   * @param settings what to learn (confidence {@code 1 + alpha * r}, weighted λ)
   * @param threads worker threads, {@code >= 1}
   * @return the model, timings and the configuration actually used
   * @throws UnsupportedOperationException if {@link #hasAls()} is false
   * @throws IllegalStateException if the trainer's API does not accept the settings
   */
  Trained fitAls(Interactions train, AlsSettings settings, int threads);

  /**
   * Fits reco's BiasedSVD with a named preset of its configuration.
   *
   * @param train ratings
   * @param preset name of a static factory of the config, e.g. {@code "defaults"}
   * @param overrides settings applied after the preset, in order: {@code name -> value} calls
   *     the config's {@code withName(value)} copy method (int, long, double or boolean parameter)
   * @param seed seed of the initial factors and shuffling
   * @param threads worker threads, {@code >= 1}
   * @return the model, timings and the configuration actually used
   * @throws UnsupportedOperationException if {@link #hasBiasedSvd()} is false
   * @throws IllegalStateException if the preset or an override's method does not exist, or a
   *     value does not parse
   */
  Trained fitBiasedSvd(Interactions train, String preset, Map<String, String> overrides,
      long seed, int threads);

  /**
   * A fitted reco model with its timings.
   *
   * @param model the model
   * @param fit wall time of {@code fit}
   * @param iterationTimes wall time of each iteration, from the trainer's listener (may be
   *     shorter than the configured iterations with early stopping, empty without reports)
   * @param config {@code toString()} of the configuration used
   * @param notes settings the trainer's configuration could not express, if any
   */
  record Trained(MatrixFactorizationModel model, Duration fit, Duration[] iterationTimes,
      String config, List<String> notes) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public Trained {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(fit, "fit");
      iterationTimes = iterationTimes.clone();
      Objects.requireNonNull(config, "config");
      notes = List.copyOf(notes);
    }

    /** Returns a copy of the per-iteration times. */
    @Override
    public Duration[] iterationTimes() {
      return iterationTimes.clone();
    }

    /**
     * Returns the median iteration time, or {@code fit / iterations} when the trainer reported
     * no iterations.
     *
     * @param iterations configured iterations, used only without reports
     * @return the time of a typical iteration
     */
    public Duration typicalIteration(int iterations) {
      if (iterationTimes.length == 0) {
        return fit.dividedBy(Math.max(1, iterations));
      }
      Duration[] sorted = iterationTimes.clone();
      Arrays.sort(sorted);
      return sorted[sorted.length / 2];
    }
  }
}
