package dev.reco.features.transform;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import java.util.Objects;

/**
 * One-hot encoding of a CATEGORICAL column: one DOUBLE 0/1 column {@code <input>=<category>} per
 * kept category, in {@code order}.
 *
 * <ul>
 *   <li>Rare categories (seen fewer than {@code minFrequency} times, or beyond the
 *       {@code maxCategories} most frequent when {@code maxCategories > 0}) share the column
 *       {@code <input>=__other__}, which exists when some category was rare or when
 *       {@code unseen = OTHER}.
 *   <li>A category not seen at fit time follows {@code unseen}: ERROR throws naming the value,
 *       IGNORE writes all zeros, OTHER writes 1 in {@code <input>=__other__}.
 *   <li>A missing value writes all zeros; with {@code missingIndicator}, the last column
 *       {@code <input>=__missing__} is 1 exactly on missing rows.
 * </ul>
 *
 * @param input the CATEGORICAL column to encode
 * @param unseen the unseen-category policy
 * @param order the order of the category columns
 * @param minFrequency the least count of a kept category, {@code >= 1} (1 keeps all)
 * @param maxCategories the most kept categories, {@code >= 0} (0 = no limit)
 * @param missingIndicator whether to add the {@code <input>=__missing__} column
 */
public record OneHotStep(String input, UnseenCategoryPolicy unseen, CategoryOrder order,
    int minFrequency, int maxCategories, boolean missingIndicator) implements SingleInputStep {
  /** The JSON type name. */
  public static final String TYPE = "one_hot";

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a name is blank or a count is out of range, naming it
   */
  public OneHotStep {
    CategoricalSupport.name("input", input);
    Objects.requireNonNull(unseen, "unseen");
    Objects.requireNonNull(order, "order");
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency = " + minFrequency + "; expected >= 1");
    }
    if (maxCategories < 0) {
      throw new IllegalArgumentException(
          "maxCategories = " + maxCategories + "; expected >= 0 (0 = no limit)");
    }
  }

  /**
   * Returns the defaults: unseen IGNORE, lexicographic order, every category kept, no missing
   * indicator.
   *
   * @param input the CATEGORICAL column
   * @return the step
   */
  public static OneHotStep of(String input) {
    return new OneHotStep(input, UnseenCategoryPolicy.IGNORE, CategoryOrder.LEXICOGRAPHIC, 1, 0, false);
  }

  /** Returns this step with another unseen-category policy. */
  public OneHotStep withUnseen(UnseenCategoryPolicy policy) {
    return new OneHotStep(input, policy, order, minFrequency, maxCategories, missingIndicator);
  }

  /** Returns this step with other rare-category limits (see the record's parameters). */
  public OneHotStep withRare(int minFrequency, int maxCategories) {
    return new OneHotStep(input, unseen, order, minFrequency, maxCategories, missingIndicator);
  }

  /** Returns this step with another category order. */
  public OneHotStep withOrder(CategoryOrder order) {
    return new OneHotStep(input, unseen, order, minFrequency, maxCategories, missingIndicator);
  }

  /** Returns this step with or without the missing-indicator column. */
  public OneHotStep withMissingIndicator(boolean indicator) {
    return new OneHotStep(input, unseen, order, minFrequency, maxCategories, indicator);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Learns the kept and rare categories.
   *
   * @throws IllegalArgumentException if the input is missing or not CATEGORICAL, or a kept
   *     category is named {@code __other__} or {@code __missing__} while that column exists
   */
  @Override
  public OneHotFitted fit(Table training) {
    CategoricalSupport.requireColumn(training, input, ColumnType.CATEGORICAL, TYPE);
    CategoricalColumn column = training.categoricalColumn(input);
    CategoryMap map = CategoryMap.fit(column, order, minFrequency, maxCategories);
    boolean other = map.hasRare() || unseen == UnseenCategoryPolicy.OTHER;
    return new OneHotFitted(input, map, unseen, other, missingIndicator);
  }
}
