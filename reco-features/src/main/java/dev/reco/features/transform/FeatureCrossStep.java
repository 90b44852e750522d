package dev.reco.features.transform;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A feature cross: two or more CATEGORICAL columns become one CATEGORICAL column whose categories
 * are the value combinations seen at fit time, written {@code "<a>|<b>"} (each value with
 * {@code \} and {@code |} escaped as {@code \\} and {@code \|}, so distinct combinations never
 * share a name). The vocabulary is fitted (a dictionary, not hashed; to hash a cross, apply
 * {@link FeatureHashingStep} to its output).
 *
 * <ul>
 *   <li>Rare combinations (as in {@link OneHotStep}) become the category {@code __other__}.
 *   <li>A combination not seen at fit time follows {@code unseen}: ERROR throws naming it,
 *       IGNORE writes a missing value, OTHER writes {@code __other__}.
 *   <li>A row with any input missing is missing.
 * </ul>
 *
 * @param inputs the CATEGORICAL columns, at least two, distinct
 * @param output the CATEGORICAL column to write
 * @param order the order of the output dictionary's categories ({@code __other__} last)
 * @param unseen the unseen-combination policy
 * @param minFrequency the least count of a kept combination, {@code >= 1}
 * @param maxCategories the most kept combinations, {@code >= 0} (0 = no limit)
 */
public record FeatureCrossStep(List<String> inputs, String output, CategoryOrder order,
    UnseenCategoryPolicy unseen, int minFrequency, int maxCategories) implements FeatureStep {
  /** The JSON type name. */
  public static final String TYPE = "feature_cross";

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if there are fewer than two inputs, a name is blank or
   *     repeated, or a count is out of range, naming the value
   */
  public FeatureCrossStep {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("inputs = " + inputs + "; expected at least two CATEGORICAL columns");
    }
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new IllegalArgumentException("inputs = " + inputs + "; expected distinct column names");
    }
    inputs.forEach(i -> CategoricalSupport.name("input", i));
    inputs = List.copyOf(inputs);
    CategoricalSupport.name("output", output);
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(unseen, "unseen");
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency = " + minFrequency + "; expected >= 1");
    }
    if (maxCategories < 0) {
      throw new IllegalArgumentException(
          "maxCategories = " + maxCategories + "; expected >= 0 (0 = no limit)");
    }
  }

  /**
   * Returns the defaults: output {@code a×b}, lexicographic order, unseen IGNORE (missing), every
   * combination kept.
   *
   * @param inputs the CATEGORICAL columns
   * @return the step
   */
  public static FeatureCrossStep of(String... inputs) {
    return new FeatureCrossStep(List.of(inputs), String.join("\u00d7", inputs),
        CategoryOrder.LEXICOGRAPHIC, UnseenCategoryPolicy.IGNORE, 1, 0);
  }

  /** Returns this step writing another column. */
  public FeatureCrossStep withOutput(String name) {
    return new FeatureCrossStep(inputs, name, order, unseen, minFrequency, maxCategories);
  }

  /** Returns this step with another unseen policy. */
  public FeatureCrossStep withUnseen(UnseenCategoryPolicy policy) {
    return new FeatureCrossStep(inputs, output, order, policy, minFrequency, maxCategories);
  }

  /** Returns this step with other rare-combination limits. */
  public FeatureCrossStep withRare(int minFrequency, int maxCategories) {
    return new FeatureCrossStep(inputs, output, order, unseen, minFrequency, maxCategories);
  }

  /** Returns this step with another order. */
  public FeatureCrossStep withOrder(CategoryOrder order) {
    return new FeatureCrossStep(inputs, output, order, unseen, minFrequency, maxCategories);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Learns the combinations.
   *
   * @throws IllegalArgumentException if an input is missing or not CATEGORICAL
   */
  @Override
  public FeatureCrossFitted fit(Table training) {
    int k = inputs.size();
    CategoricalColumn[] columns = new CategoricalColumn[k];
    for (int i = 0; i < k; i++) {
      CategoricalSupport.requireColumn(training, inputs.get(i), ColumnType.CATEGORICAL, TYPE);
      columns[i] = training.categoricalColumn(inputs.get(i));
    }
    Map<List<String>, long[]> counts = new HashMap<>();
    rows:
    for (int r = 0; r < training.rows(); r++) {
      String[] values = new String[k];
      for (int i = 0; i < k; i++) {
        values[i] = columns[i].category(r);
        if (values[i] == null) {
          continue rows;
        }
      }
      counts.computeIfAbsent(List.of(values), t -> new long[1])[0]++;
    }
    List<String> names = new ArrayList<>(counts.size());
    long[] n = new long[counts.size()];
    Map<String, List<String>> tuples = new HashMap<>();
    for (Map.Entry<List<String>, long[]> e : counts.entrySet()) {
      n[names.size()] = e.getValue()[0];
      String name = FeatureCrossFitted.join(e.getKey());
      names.add(name);
      tuples.put(name, e.getKey());
    }
    CategoryMap map = CategoryMap.fit(names, n, order, minFrequency, maxCategories);
    List<List<String>> kept = new ArrayList<>();
    map.kept().forEach(s -> kept.add(tuples.get(s)));
    List<List<String>> rare = new ArrayList<>();
    map.rare().forEach(s -> rare.add(tuples.get(s)));
    return new FeatureCrossFitted(inputs, output, kept, rare, unseen);
  }
}
