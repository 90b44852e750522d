package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.Column;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.Arrays;
import java.util.List;

/**
 * Quantile binning into at most {@code bins} bins of about equal training counts, as
 * scikit-learn's {@code KBinsDiscretizer(strategy="quantile")}: edges are the quantiles at
 * {@code i / bins}, {@code i = 0..bins}, of the present training values (linear interpolation,
 * numpy's default); an edge less than 1e-8 above its predecessor is dropped (ties), so fewer bins
 * may remain. The bin of {@code x} is the number of inner edges {@code <= x}. Output: the bin
 * index as a DOUBLE; missing stays missing (NaN). A constant training column gives a single bin.
 *
 * <p>Output name: the input's name unless renamed with {@link #as}.
 *
 * @param input the column to read
 * @param output the column to write
 * @param bins the (largest) number of bins, at least 1
 */
public record QuantileBin(String input, String output, int bins) implements SingleInputStep {
  /** The type name in JSON. */
  public static final String TYPE = "quantile_bin";

  /**
   * Validates the names and bin count.
   *
   * @throws IllegalArgumentException if a name is blank or {@code bins < 1}
   */
  public QuantileBin {
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
  public static QuantileBin of(String input, int bins) {
    return new QuantileBin(input, input, bins);
  }

  /**
   * Returns this step writing to another column.
   *
   * @param output the output column name
   * @return the step
   * @throws IllegalArgumentException if the name is blank
   */
  public QuantileBin as(String output) {
    return new QuantileBin(input, output, bins);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public FittedStep fit(Table training) {
    double[] s = Numeric.presentSorted(Numeric.values(training, input, TYPE), TYPE, input);
    if (s[0] == s[s.length - 1]) {
      return new BinFitted(TYPE, input, output, new double[] {s[0], s[0]});
    }
    double[] q = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      q[i] = Numeric.quantile(s, (double) i / bins);
    }
    // keep an edge only if it is more than 1e-8 above the previous quantile (scikit-learn's rule)
    double[] kept = new double[bins + 1];
    int k = 0;
    for (int i = 0; i <= bins; i++) {
      if (i == 0 || q[i] - q[i - 1] > 1e-8) {
        kept[k++] = q[i];
      }
    }
    if (k < 2) { // every quantile within 1e-8 of the minimum: one bin
      return new BinFitted(TYPE, input, output, new double[] {s[0], s[0]});
    }
    return new BinFitted(TYPE, input, output, Arrays.copyOf(kept, k));
  }

  static FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params) {
    return BinFitted.read(TYPE, inputs, outputs, params);
  }
}
