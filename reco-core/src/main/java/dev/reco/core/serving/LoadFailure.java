package dev.reco.core.serving;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an attempt to load the version an alias points to did not replace the serving model. The
 * model that served before keeps serving. Immutable.
 *
 * @param model the registered model's name
 * @param alias the alias followed
 * @param version the version that failed, or {@code null} when the alias could not be resolved
 * @param stage the step that failed
 * @param cause what was thrown (for {@link Stage#RESOLVE} of an unset alias, an
 *     {@link IllegalStateException} saying so)
 * @param time when the failure was recorded, from the live model's clock
 */
public record LoadFailure(String model, String alias, Integer version, Stage stage,
    Throwable cause, Instant time) {

  /** The steps of a load, in order. */
  public enum Stage {
    /** Resolving the alias in the registry (unset alias, unreachable registry). */
    RESOLVE,
    /** Reading and verifying the artifact (missing or corrupted file). */
    READ,
    /** Turning the artifact into a model (the loader threw or returned null). */
    LOAD,
    /** The warm-up threw. */
    WARM_UP,
    /** The health check threw. */
    HEALTH_CHECK
  }

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a field other than {@code version} is null
   */
  public LoadFailure {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(time, "time");
  }

  /**
   * Describes the failure in one line.
   *
   * @return for example {@code "version 3 of model 'als' (alias 'champion') failed at
   *     HEALTH_CHECK: IllegalStateException: recall 0.01 < 0.2"}
   */
  public String message() {
    String what = version == null ? "alias '" + alias + "' of model '" + model + "'"
        : "version " + version + " of model '" + model + "' (alias '" + alias + "')";
    return what + " failed at " + stage + ": " + cause.getClass().getSimpleName() + ": "
        + cause.getMessage();
  }
}
