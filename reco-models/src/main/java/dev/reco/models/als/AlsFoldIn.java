package dev.reco.models.als;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.models.linalg.VectorOps;
import dev.reco.models.mf.Cancellation;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Computes the vector of a user the model has not been trained on from a few (item, value)
 * pairs, holding the model's item factors fixed: the exact minimiser of that user's part of the
 * ALS objective ({@link AlsConfig}), as the {@code implicit} library's {@code recalculate_user}
 * does. The returned vector can be scored against the item factors like a trained user's.
 *
 * <p>Built once per model (computing {@code Y^T Y} costs {@code O(items k^2)} and holds one
 * {@code k x k} matrix beside a copy of the item factors); each call then costs
 * {@code O(n k^2 + k^3)} for {@code n} items (about 0.2 M floating-point operations for
 * {@code n = 50, k = 64}). Immutable and thread-safe.
 *
 * <p>Values follow the trainer's rules: duplicate items are summed, implicit values must be
 * {@code >= 0}, and with weighted regularization {@code lambda} is scaled by the number of
 * distinct known items. Items the model does not know are skipped; with no known item the
 * result is the zero vector (no information: every item scores 0).
 */
public final class AlsFoldIn {
  private final AlsConfig config;
  private final AlsObjective objective;
  private final IdIndex items;
  private final int k;
  private final float[] itemFactors;
  private final float[] gram; // null for explicit feedback
  private final VectorOps ops = VectorOps.best();

  /**
   * Prepares fold-in for a model trained with the given configuration.
   *
   * @param model the trained model (its item factors are copied)
   * @param config the configuration the model was trained with (objective and regularization)
   * @throws IllegalArgumentException if the model's factor count differs from the config's
   */
  public AlsFoldIn(MatrixFactorizationModel model, AlsConfig config) {
    Objects.requireNonNull(model, "model");
    this.config = Objects.requireNonNull(config, "config");
    if (model.factors() != config.factors()) {
      throw new IllegalArgumentException("model has factors = " + model.factors()
          + ", config has factors = " + config.factors() + "; expected the same number");
    }
    this.objective = new AlsObjective(config);
    this.items = model.items();
    this.k = config.factors();
    this.itemFactors = model.itemFactors();
    if (objective.implicit) {
      gram = new float[k * k];
      int n = items.size();
      try (BlockRunner runner = new BlockRunner(1, new Cancellation(), "als fold-in")) {
        Factors.gram(itemFactors, n, k, Factors.GRAM_BLOCK,
            Factors.gramWorkspace(n, k, Factors.GRAM_BLOCK), gram, null, ops, runner);
      }
    } else {
      gram = null;
    }
  }

  /** Returns the configuration fold-in uses. */
  public AlsConfig config() {
    return config;
  }

  /**
   * Computes a user vector from external item ids and values.
   *
   * @param itemIds items the user interacted with; unknown ids are skipped
   * @param values one finite value per item (for implicit feedback {@code >= 0})
   * @return a new vector of length {@code factors}
   * @throws IllegalArgumentException if the lengths differ or a value is invalid, naming it
   */
  public float[] userVector(List<String> itemIds, float[] values) {
    Objects.requireNonNull(itemIds, "itemIds");
    Objects.requireNonNull(values, "values");
    checkLengths(itemIds.size(), values.length);
    int[] indexes = new int[itemIds.size()];
    for (int j = 0; j < indexes.length; j++) {
      indexes[j] = items.indexOf(Objects.requireNonNull(itemIds.get(j), "itemIds[" + j + "]"));
    }
    return solve(indexes, values, itemIds);
  }

  /**
   * Computes a user vector from item indexes of the model's item index and values.
   *
   * @param itemIndexes item indexes; {@link IdIndex#UNKNOWN} entries are skipped
   * @param values one finite value per item (for implicit feedback {@code >= 0})
   * @return a new vector of length {@code factors}
   * @throws IllegalArgumentException if the lengths differ, an index is out of range, or a value
   *     is invalid, naming it
   */
  public float[] userVector(int[] itemIndexes, float[] values) {
    Objects.requireNonNull(itemIndexes, "itemIndexes");
    Objects.requireNonNull(values, "values");
    checkLengths(itemIndexes.length, values.length);
    for (int j = 0; j < itemIndexes.length; j++) {
      int i = itemIndexes[j];
      if (i != IdIndex.UNKNOWN && (i < 0 || i >= items.size())) {
        throw new IllegalArgumentException("itemIndexes[" + j + "] = " + i + "; expected in [0, "
            + items.size() + ") or IdIndex.UNKNOWN");
      }
    }
    return solve(itemIndexes, values, null);
  }

  private static void checkLengths(int items, int values) {
    if (items != values) {
      throw new IllegalArgumentException("items has " + items + " entries and values " + values
          + "; expected one value per item");
    }
  }

  private float[] solve(int[] indexes, float[] values, List<String> ids) {
    int n = 0;
    for (int j = 0; j < indexes.length; j++) {
      float v = values[j];
      if (!Float.isFinite(v) || (objective.implicit && v < 0f)) {
        String which = ids != null ? "item '" + ids.get(j) + "'" : "item index " + indexes[j];
        throw new IllegalArgumentException("values[" + j + "] (" + which + ") = " + v
            + (objective.implicit ? "; expected a finite value >= 0 for implicit feedback"
                : "; expected a finite value"));
      }
      if (indexes[j] != IdIndex.UNKNOWN) {
        n++;
      }
    }
    float[] x = new float[k];
    if (n == 0) {
      return x;
    }
    // sort the known items by index (stable: key = index, then position) and sum duplicates in
    // input order, so the one-row matrix below is built without any pass over the catalog
    long[] keys = new long[n];
    int c = 0;
    for (int j = 0; j < indexes.length; j++) {
      if (indexes[j] != IdIndex.UNKNOWN) {
        keys[c++] = ((long) indexes[j] << 32) | j;
      }
    }
    Arrays.sort(keys);
    int[] cols = new int[n];
    float[] vals = new float[n];
    int distinct = 0;
    for (int q = 0; q < n; ) {
      int item = (int) (keys[q] >>> 32);
      double sum = 0;
      for (; q < n && (int) (keys[q] >>> 32) == item; q++) {
        sum += values[(int) keys[q]];
      }
      cols[distinct] = item;
      vals[distinct] = (float) sum;
      distinct++;
    }
    CsrMatrix row = CsrMatrix.fromCoordinates(1, items.size(), new int[distinct], cols, vals,
        distinct);
    for (int q = 0; q < row.nnz(); q++) {
      if (!Float.isFinite(objective.confidence(row.valueAt(q)))
          || !Float.isFinite(row.valueAt(q))) {
        throw new IllegalArgumentException("summed value of item '" + items.idOf(row.columnAt(q))
            + "' = " + row.valueAt(q) + " with alpha = " + config.alpha()
            + "; expected a finite value and confidence");
      }
    }
    new RowSolver(objective, ops).cholesky(row, 0, itemFactors, gram, x, 0);
    return x;
  }

  @Override
  public String toString() {
    return "AlsFoldIn[items=" + items.size() + ", factors=" + k + "]";
  }
}
