package dev.reco.features.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.DoubleColumn;
import dev.reco.features.table.RowBuffer;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps that transform their own training rows differently (out-of-fold style). */
class FitTransformStepTest {
  /**
   * Leave-one-out mean of x: each training row gets the mean of the other rows, new rows the
   * mean of all training rows (the shape of out-of-fold target encoding).
   */
  record LeaveOneOutMean(String input, String output, boolean shrinkRows) implements FitTransformStep {
    @Override
    public String type() {
      return "loo_mean";
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public Result fitTransform(Table training) {
      double[] x = training.doubleColumn(input).toArray();
      double sum = 0;
      for (double v : x) {
        sum += v;
      }
      double[] loo = new double[shrinkRows ? x.length - 1 : x.length];
      for (int r = 0; r < loo.length; r++) {
        loo[r] = (sum - x[r]) / (x.length - 1);
      }
      Table t = shrinkRows ? Table.of(DoubleColumn.of(output, loo)) : training.with(DoubleColumn.of(output, loo));
      return new Result(new ConstantStep(input, output, sum / x.length), t);
    }
  }

  /** Writes a constant into a DOUBLE column. */
  record ConstantStep(String input, String output, double value) implements FittedStep {
    @Override
    public String type() {
      return "loo_mean";
    }

    @Override
    public List<String> inputs() {
      return List.of(input);
    }

    @Override
    public List<TableSchema.Field> outputs() {
      return List.of(new TableSchema.Field(output, ColumnType.DOUBLE));
    }

    @Override
    public Table transform(Table table) {
      double[] v = new double[table.rows()];
      java.util.Arrays.fill(v, value);
      return table.with(DoubleColumn.of(output, v));
    }

    @Override
    public void transformRow(RowBuffer row, int[] in, int[] out) {
      row.setDouble(out[0], value);
    }

    @Override
    public void writeParams(ObjectNode params) {
      params.put("value", value);
    }
  }

  @Test
  void laterStepsAreFittedOnTheTrainingRowsAsTheStepTransformedThem() {
    Table training = Table.of(DoubleColumn.of("x", 1, 2, 6));
    FeaturePipeline.Fit fit = FeaturePipeline.builder()
        .add(new LeaveOneOutMean("x", "loo", false))
        .add(StandardScale.of("loo").as("z"))
        .build()
        .fitTransform(training);
    // training rows: (2 + 6) / 2 = 4, (1 + 6) / 2 = 3.5, (1 + 2) / 2 = 1.5
    assertArrayEquals(new double[] {4, 3.5, 1.5}, fit.training().doubleColumn("loo").toArray());
    // the scaler saw [4, 3.5, 1.5]: mean 3, squared deviations 1 + 0.25 + 2.25 = 3.5, std sqrt(3.5 / 3)
    // (fitted on pipeline.transform(training) it would have seen [3, 3, 3]: std 0 -> scale 1)
    ObjectNode params = new ObjectMapper().createObjectNode();
    fit.pipeline().steps().get(1).writeParams(params);
    assertEquals(3, params.get("mean").doubleValue(), 1e-15);
    assertEquals(Math.sqrt(3.5 / 3), params.get("scale").doubleValue(), 1e-15);
    // new rows use the full mean 3 -> z = 0
    assertArrayEquals(new double[] {3, 0}, fit.pipeline().features(Table.of(DoubleColumn.of("x", 100))));
    assertArrayEquals(new double[] {3, 0, 3, 0, 3, 0}, fit.pipeline().features(training),
        "transforming the training table again is the serving function, not the out-of-fold one");
  }

  @Test
  void aTrainingTableWithOtherRowsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeaturePipeline.builder()
        .add(new LeaveOneOutMean("x", "loo", true)).build().fit(Table.of(DoubleColumn.of("x", 1, 2, 6))));
    assertTrue(e.getMessage().contains("fitTransform returned 2 training rows; expected 3"), e.getMessage());
  }
}
