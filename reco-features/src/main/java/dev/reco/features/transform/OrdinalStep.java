package dev.reco.features.transform;

import dev.reco.features.table.CategoricalColumn;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import java.util.Objects;

/**
 * Ordinal encoding of a CATEGORICAL column into one DOUBLE column: kept category {@code i} (in
 * {@code order}) is coded {@code i}; rare categories (as in {@link OneHotStep}) share the code
 * {@code kept} (one past the last kept code), the other bucket.
 *
 * <ul>
 *   <li>A category not seen at fit time follows {@code unseen}: ERROR throws naming the value,
 *       IGNORE writes {@code unseenValue} (default -1; NaN is allowed, making it missing), OTHER
 *       writes the other bucket's code {@code kept}.
 *   <li>A missing value stays missing (NaN), for a later imputation step.
 * </ul>
 *
 * @param input the CATEGORICAL column to encode
 * @param output the DOUBLE column to write
 * @param order the category order that defines the codes
 * @param unseen the unseen-category policy
 * @param unseenValue the code of an unseen category under IGNORE (finite or NaN)
 * @param minFrequency the least count of a kept category, {@code >= 1}
 * @param maxCategories the most kept categories, {@code >= 0} (0 = no limit)
 */
public record OrdinalStep(String input, String output, CategoryOrder order,
    UnseenCategoryPolicy unseen, double unseenValue, int minFrequency, int maxCategories)
    implements SingleInputStep {
  /** The JSON type name. */
  public static final String TYPE = "ordinal";

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a name is blank, a count is out of range or
   *     {@code unseenValue} is infinite, naming it
   */
  public OrdinalStep {
    CategoricalSupport.name("input", input);
    CategoricalSupport.name("output", output);
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(unseen, "unseen");
    if (Double.isInfinite(unseenValue)) {
      throw new IllegalArgumentException("unseenValue = " + unseenValue + "; expected a finite value or NaN");
    }
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency = " + minFrequency + "; expected >= 1");
    }
    if (maxCategories < 0) {
      throw new IllegalArgumentException(
          "maxCategories = " + maxCategories + "; expected >= 0 (0 = no limit)");
    }
  }

  /**
   * Returns the defaults: output {@code <input>_ordinal}, frequency order, unseen IGNORE with
   * code -1, every category kept.
   *
   * @param input the CATEGORICAL column
   * @return the step
   */
  public static OrdinalStep of(String input) {
    return new OrdinalStep(input, input + "_ordinal", CategoryOrder.FREQUENCY,
        UnseenCategoryPolicy.IGNORE, -1, 1, 0);
  }

  /** Returns this step with another order. */
  public OrdinalStep withOrder(CategoryOrder order) {
    return new OrdinalStep(input, output, order, unseen, unseenValue, minFrequency, maxCategories);
  }

  /** Returns this step with another unseen policy and IGNORE code. */
  public OrdinalStep withUnseen(UnseenCategoryPolicy policy, double value) {
    return new OrdinalStep(input, output, order, policy, value, minFrequency, maxCategories);
  }

  /** Returns this step with other rare-category limits. */
  public OrdinalStep withRare(int minFrequency, int maxCategories) {
    return new OrdinalStep(input, output, order, unseen, unseenValue, minFrequency, maxCategories);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Learns the codes.
   *
   * @throws IllegalArgumentException if the input is missing or not CATEGORICAL
   */
  @Override
  public OrdinalFitted fit(Table training) {
    CategoricalSupport.requireColumn(training, input, ColumnType.CATEGORICAL, TYPE);
    CategoricalColumn column = training.categoricalColumn(input);
    return new OrdinalFitted(input, output,
        CategoryMap.fit(column, order, minFrequency, maxCategories), unseen, unseenValue);
  }
}
