package dev.reco.features.transform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reco.features.table.TableSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The closed registry of fitted step types that {@link PipelineJson} can read: a fixed map from
 * type name to the step's reader, built in code (no reflection, no class names in the JSON, no
 * registration at run time). A saved pipeline therefore can only ever instantiate the step
 * classes listed here.
 */
public final class StepRegistry {
  /**
   * Rebuilds a fitted step from its JSON form.
   *
   * <p>Every step class offers one as {@code static FittedStep read(List<String> inputs,
   * List<TableSchema.Field> outputs, JsonNode params)}; it validates the parameters and throws
   * {@link IllegalArgumentException} naming the offending field.
   */
  @FunctionalInterface
  public interface StepReader {
    /**
     * Rebuilds a step.
     *
     * @param inputs the input column names, as written
     * @param outputs the output columns, as written
     * @param params the step's parameters ({@link FittedStep#writeParams})
     * @return the fitted step
     * @throws IllegalArgumentException if a field is missing or invalid, naming it
     */
    FittedStep read(List<String> inputs, List<TableSchema.Field> outputs, JsonNode params);
  }

  private static final Map<String, StepReader> READERS = readers();

  private StepRegistry() {}

  private static Map<String, StepReader> readers() {
    Map<String, StepReader> m = new LinkedHashMap<>();
    // Numeric steps.
    put(m, StandardScale.TYPE, StandardScale::read);
    put(m, MinMaxScale.TYPE, MinMaxScale::read);
    put(m, RobustScale.TYPE, RobustScale::read);
    put(m, Log1p.TYPE, Log1p::read);
    put(m, Clip.TYPE, Clip::read);
    put(m, Winsorize.TYPE, Winsorize::read);
    put(m, EqualWidthBin.TYPE, EqualWidthBin::read);
    put(m, QuantileBin.TYPE, QuantileBin::read);
    put(m, Impute.TYPE, Impute::read);
    put(m, OneHotStep.TYPE, OneHotFitted::read);
    put(m, OrdinalStep.TYPE, OrdinalFitted::read);
    put(m, FeatureHashingStep.TYPE, FeatureHashingFitted::read);
    put(m, TargetEncodingStep.TYPE, TargetEncodingFitted::read);
    put(m, FeatureCrossStep.TYPE, FeatureCrossFitted::read);
    return Collections.unmodifiableMap(m);
  }

  private static void put(Map<String, StepReader> m, String type, StepReader reader) {
    if (m.putIfAbsent(type, reader) != null) {
      throw new IllegalStateException("step type '" + type + "' registered twice");
    }
  }

  /** Returns the known step type names, in registration order (unmodifiable). */
  public static Set<String> types() {
    return READERS.keySet();
  }

  /**
   * Returns the reader of a step type.
   *
   * @param type a step type name
   * @return its reader
   * @throws IllegalArgumentException if the type is unknown, naming it and listing the known types
   */
  public static StepReader reader(String type) {
    Objects.requireNonNull(type, "type");
    StepReader r = READERS.get(type);
    if (r == null) {
      throw new IllegalArgumentException("step type '" + type + "' is unknown; expected one of "
          + READERS.keySet());
    }
    return r;
  }
}
