package dev.reco.features.transform;

import dev.reco.core.IdIndex;
import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import dev.reco.features.table.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of {@link FeatureStep}s and the names of the final feature columns; immutable.
 * {@link #fit} fits the steps in order, each on the training table as transformed by the steps
 * fitted before it (so a step may read an earlier step's output), and returns a
 * {@link FittedPipeline} that applies the same function to tables and to single serving rows.
 *
 * <pre>{@code
 * FittedPipeline p = FeaturePipeline.builder()
 *     .add(Impute.median("price").withIndicator("price_missing"))
 *     .add(Log1p.of("price"))
 *     .add(StandardScale.of("price").as("price_z"))
 *     .output("price_z", "price_missing")
 *     .build()
 *     .fit(training);
 * double[] x = p.features(scoring); // rows x 2, row-major
 * }</pre>
 */
public final class FeaturePipeline {
  private final List<FeatureStep> steps;
  private final List<String> outputs;

  private FeaturePipeline(List<FeatureStep> steps, List<String> outputs) {
    this.steps = List.copyOf(steps);
    this.outputs = outputs == null ? null : List.copyOf(outputs);
  }

  /** Returns a builder of an empty pipeline. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the steps in order (unmodifiable). */
  public List<FeatureStep> steps() {
    return steps;
  }

  /**
   * Fits the steps in order on {@code training}.
   *
   * <p>The fitted pipeline's {@link FittedPipeline#inputSchema() input schema} is every column a
   * step reads (or an output names) that no earlier step writes, with its type in
   * {@code training}; its outputs are those given to {@link Builder#output}, or else every step
   * output in order of first appearance. CATEGORICAL outputs keep the dictionary they have in the
   * transformed training table, so their codes in {@link FittedPipeline#features} are stable.
   *
   * @param training the training table
   * @return the fitted pipeline
   * @throws IllegalArgumentException if a step cannot be fitted (naming the step and its
   *     position) or an output names no column
   */
  public FittedPipeline fit(Table training) {
    return fitTransform(training).pipeline();
  }

  /**
   * A fitted pipeline and its training table as the steps transformed it while fitting.
   *
   * @param pipeline the fitted pipeline, for new data
   * @param training the training table with every step's outputs; it differs from
   *     {@code pipeline.transform(training)} where a {@link FitTransformStep} (e.g. out-of-fold
   *     target encoding) transforms its training rows differently from new rows
   */
  public record Fit(FittedPipeline pipeline, Table training) {
    /** Checks for nulls. */
    public Fit {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(training, "training");
    }
  }

  /**
   * Fits the pipeline as {@link #fit} does and also returns the transformed training table, the
   * leakage-free input for training a model when a step is a {@link FitTransformStep}.
   *
   * @param training the training table
   * @return the fitted pipeline and the transformed training table
   * @throws IllegalArgumentException as {@link #fit}, or if a {@link FitTransformStep} returns a
   *     training table with other rows or without its outputs
   */
  public Fit fitTransform(Table training) {
    Objects.requireNonNull(training, "training");
    Table current = training;
    List<FittedStep> fitted = new ArrayList<>(steps.size());
    Set<String> produced = new HashSet<>();
    Map<String, TableSchema.Field> inputs = new LinkedHashMap<>();
    Set<String> allOutputs = new LinkedHashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      FeatureStep step = steps.get(i);
      for (String name : step.inputs()) {
        requireInput(training, name, produced, inputs, "step " + i + " (" + step.type() + ")");
      }
      FittedStep f;
      try {
        if (step instanceof FitTransformStep ft) {
          FitTransformStep.Result res = ft.fitTransform(current);
          f = res.fitted();
          Table next = res.training();
          if (next.rows() != current.rows()) {
            throw new IllegalArgumentException("fitTransform returned " + next.rows()
                + " training rows; expected " + current.rows());
          }
          for (TableSchema.Field o : f.outputs()) {
            next.schema().require(o.name(), o.type());
          }
          current = next;
        } else {
          f = step.fit(current);
          current = f.transform(current);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step " + i + " (" + step.type() + "): " + e.getMessage(), e);
      }
      fitted.add(f);
      for (TableSchema.Field o : f.outputs()) {
        produced.add(o.name());
        allOutputs.add(o.name());
      }
    }
    List<String> names = outputs == null ? new ArrayList<>(allOutputs) : outputs;
    Map<String, IdIndex> categories = new HashMap<>();
    for (String name : names) {
      requireInput(training, name, produced, inputs, "output");
      if (current.column(name).type() == ColumnType.CATEGORICAL) {
        categories.put(name, current.categoricalColumn(name).dictionary());
      }
    }
    return new Fit(new FittedPipeline(TableSchema.of(new ArrayList<>(inputs.values())), fitted,
        names, categories), current);
  }

  private static void requireInput(Table training, String name, Set<String> produced,
      Map<String, TableSchema.Field> inputs, String who) {
    if (produced.contains(name) || inputs.containsKey(name)) {
      return;
    }
    int j = training.schema().indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException(who + " reads column '" + name
          + "', which is neither in the training table " + training.schema().names()
          + " nor written by an earlier step");
    }
    inputs.put(name, training.schema().fields().get(j));
  }

  @Override
  public String toString() {
    return "FeaturePipeline" + steps + (outputs == null ? "" : " -> " + outputs);
  }

  /** Collects steps and output names; not thread-safe. */
  public static final class Builder {
    private final List<FeatureStep> steps = new ArrayList<>();
    private List<String> outputs;

    private Builder() {}

    /**
     * Appends a step.
     *
     * @param step the step
     * @return this builder
     */
    public Builder add(FeatureStep step) {
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Sets the final feature columns, in order (default: every step output in order of first
     * appearance). A name may be a step output or an input column passed through.
     *
     * @param names unique column names, at least one
     * @return this builder
     * @throws IllegalArgumentException if there are none, a name repeats, or outputs were set
     */
    public Builder output(String... names) {
      if (outputs != null) {
        throw new IllegalArgumentException("output = " + List.of(names) + " but outputs were already set to "
            + outputs + "; expected one call to output(...)");
      }
      if (names.length == 0) {
        throw new IllegalArgumentException("output = []; expected at least one column name");
      }
      Set<String> seen = new HashSet<>();
      for (String n : names) {
        if (!seen.add(Objects.requireNonNull(n, "output name"))) {
          throw new IllegalArgumentException("output '" + n + "' appears twice; expected unique names");
        }
      }
      outputs = List.of(names);
      return this;
    }

    /**
     * Returns the pipeline.
     *
     * @return the pipeline
     * @throws IllegalArgumentException if it has no steps
     */
    public FeaturePipeline build() {
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("steps = []; expected at least one step");
      }
      return new FeaturePipeline(steps, outputs);
    }
  }
}
