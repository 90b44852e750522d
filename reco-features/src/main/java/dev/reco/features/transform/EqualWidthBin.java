package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;

/**
 * Equal-width binning into {@code bins} bins between the training minimum and maximum, as
 * scikit-learn's {@code KBinsDiscretizer(strategy="uniform")}: edges
 * {@code e[i] = min + i * ((max - min) / bins)} ({@code e[bins] = max}, as numpy's
 * {@code linspace}); the bin of {@code x} is the number of inner edges {@code <= x}, so out-of-range
 * values fall in the first or last bin. Output: the bin index as a DOUBLE in {@code [0, bins)};
 * missing stays missing (NaN). A constant training column gives a single bin (index 0).
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 * @param bins the number of bins, at least 1
 */
public record EqualWidthBin(String input, String output, int bins) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "equal_width_bin";

  /**
   * Validates the names and bin count.
   *
   * @throws IllegalArgumentException if a name is blank or {@code bins < 1}
   */
  public EqualWidthBin {
    Column.checkName(input);
    Column.checkName(output);
    if (bins < 1) {
      throw new IllegalArgumentException("bins = " + bins + "; expected bins >= 1");
    }
  }

  /**
   * Returns a step binning {@code input} in place.
   *
   * @param input the column to read
   * @param bins the number of bins, at least 1
   * @return the step
   * @throws IllegalArgumentException if {@code bins < 1}
   */
  public static EqualWidthBin of(String input, int bins) {
    return new EqualWidthBin(input, input, bins);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public EqualWidthBin as(String output) {
    return new EqualWidthBin(input, output, bins);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] s = Numeric.presentSorted(Numeric.values(training, input, TYPE), TYPE, input);
    double min = s[0];
    double max = s[s.length - 1];
    if (min == max) {
      return new BinFitted(TYPE, input, output, new double[] {min, max});
    }
    double[] edges = new double[bins + 1];
    double step = (max - min) / bins;
    for (int i = 0; i < bins; i++) {
      edges[i] = i * step + min;
    }
    edges[bins] = max;
    return new BinFitted(TYPE, input, output, edges);
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return BinFitted.read(TYPE, inputs, outputs, params);
  }
}
