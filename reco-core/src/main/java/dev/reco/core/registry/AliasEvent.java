package dev.reco.core.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an alias, as recorded in a model's append-only audit log. Immutable.
 *
 * @param sequence position in the model's audit log: 1 for the first event, then increasing by
 *     one
 * @param time when the change was made, from the registry's clock
 * @param model the model name
 * @param alias the alias that changed
 * @param action what happened
 * @param from the version the alias pointed to before, or {@code null} if it was not set
 * @param to the version it points to after, or {@code null} if it was deleted
 * @param actor who made the change, e.g. a user or a deployment job; not blank
 * @param reason why, free text (may be empty)
 */
public record AliasEvent(
    long sequence,
    Instant time,
    String model,
    String alias,
    Action action,
    Integer from,
    Integer to,
    String actor,
    String reason) {

  /** The kind of change. */
  public enum Action {
    /** The alias was created: {@code from} is null, {@code to} is set. */
    SET,
    /** The alias moved from one version to another: both are set. */
    MOVE,
    /** The alias was removed: {@code from} is set, {@code to} is null. */
    DELETE,
    /**
     * The alias went back to an earlier target by {@link ModelRegistry#rollback}: {@code to} is
     * set; {@code from} is null when the alias had been deleted.
     */
    ROLLBACK
  }

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if {@code sequence < 1}, a name is invalid, or
   *     {@code from}/{@code to} do not fit {@code action}
   */
  public AliasEvent {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence = " + sequence + "; expected sequence >= 1");
    }
    Objects.requireNonNull(time, "time");
    ModelNames.model(model);
    ModelNames.alias(alias);
    Objects.requireNonNull(action, "action");
    ModelNames.actor(actor);
    ModelNames.reason(reason);
    if (from != null) {
      ModelNames.version(from);
    }
    if (to != null) {
      ModelNames.version(to);
    }
    boolean ok;
    switch (action) {
      case SET:
        ok = from == null && to != null;
        break;
      case MOVE:
        ok = from != null && to != null && !from.equals(to);
        break;
      case DELETE:
        ok = from != null && to == null;
        break;
      default:
        ok = to != null && !to.equals(from);
        break;
    }
    if (!ok) {
      throw new IllegalArgumentException("action " + action + " with from = " + from + ", to = "
          + to + "; expected " + expectation(action));
    }
  }

  private static String expectation(Action action) {
    switch (action) {
      case SET:
        return "from null and to set";
      case MOVE:
        return "from and to set and different";
      case DELETE:
        return "from set and to null";
      default:
        return "to set and different from from";
    }
  }
}
