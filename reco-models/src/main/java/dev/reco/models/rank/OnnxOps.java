package dev.reco.models.rank;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators the exporter uses, at the opsets the exported models import: the default
 * domain at {@link #DEFAULT_OPSET} and {@code ai.onnx.ml} at {@link #ML_OPSET}. Tribuo's own
 * operator enum lacks several of them (IsNaN, Equal, Abs, Floor, Sign, MatMul, Slice and the
 * tree ensemble), so they are declared here against Tribuo's {@link ONNXOperator} interface, which
 * builds and checks each node.
 */
enum OnnxOps implements ONNXOperator {
  ABS("Abs", 1, 0),
  ADD("Add", 2, 0),
  CAST("Cast", 1, 0, attr("to", AttributeType.INT, true)),
  CONCAT("Concat", ONNXAttribute.VARIADIC_INPUT, 0, attr("axis", AttributeType.INT, true)),
  EQUAL("Equal", 2, 0),
  FLOOR("Floor", 1, 0),
  GATHER("Gather", 2, 0, attr("axis", AttributeType.INT, false)),
  IDENTITY("Identity", 1, 0),
  IS_NAN("IsNaN", 1, 0),
  LESS_OR_EQUAL("LessOrEqual", 2, 0),
  MAT_MUL("MatMul", 2, 0),
  MUL("Mul", 2, 0),
  REDUCE_SUM("ReduceSum", 1, 1, attr("keepdims", AttributeType.INT, false)),
  SIGMOID("Sigmoid", 1, 0),
  SIGN("Sign", 1, 0),
  SLICE("Slice", 3, 2),
  UNSQUEEZE("Unsqueeze", 2, 0),
  WHERE("Where", 3, 0),
  TREE_ENSEMBLE_REGRESSOR(
      "TreeEnsembleRegressor", 1, 0, true,
      attr("aggregate_function", AttributeType.STRING, false),
      attr("base_values", AttributeType.FLOATS, false),
      attr("base_values_as_tensor", AttributeType.TENSOR, false),
      attr("n_targets", AttributeType.INT, true),
      attr("nodes_falsenodeids", AttributeType.INTS, true),
      attr("nodes_featureids", AttributeType.INTS, true),
      attr("nodes_missing_value_tracks_true", AttributeType.INTS, false),
      attr("nodes_modes", AttributeType.STRINGS, true),
      attr("nodes_nodeids", AttributeType.INTS, true),
      attr("nodes_treeids", AttributeType.INTS, true),
      attr("nodes_truenodeids", AttributeType.INTS, true),
      attr("nodes_values", AttributeType.FLOATS, false),
      attr("nodes_values_as_tensor", AttributeType.TENSOR, false),
      attr("post_transform", AttributeType.STRING, false),
      attr("target_ids", AttributeType.INTS, true),
      attr("target_nodeids", AttributeType.INTS, true),
      attr("target_treeids", AttributeType.INTS, true),
      attr("target_weights", AttributeType.FLOATS, false),
      attr("target_weights_as_tensor", AttributeType.TENSOR, false));

  /** The default-domain opset every exported model imports. */
  static final int DEFAULT_OPSET = 17;
  /** The {@code ai.onnx.ml} opset tree models import (3: the first with double-valued tensors). */
  static final int ML_OPSET = 3;
  /** The domain of the classic machine-learning operators. */
  static final String ML_DOMAIN = "ai.onnx.ml";

  private final String opName;
  private final int inputs;
  private final int optionalInputs;
  private final boolean ml;
  private final Map<String, ONNXAttribute> attributes;
  private final Set<String> mandatory;

  OnnxOps(String opName, int inputs, int optionalInputs, ONNXAttribute... attributes) {
    this(opName, inputs, optionalInputs, false, attributes);
  }

  OnnxOps(String opName, int inputs, int optionalInputs, boolean ml, ONNXAttribute... attributes) {
    this.opName = opName;
    this.inputs = inputs;
    this.optionalInputs = optionalInputs;
    this.ml = ml;
    Map<String, ONNXAttribute> map = new LinkedHashMap<>();
    Set<String> required = new HashSet<>();
    for (ONNXAttribute a : attributes) {
      map.put(a.getName(), a);
      if (a.isMandatory()) {
        required.add(a.getName());
      }
    }
    this.attributes = Collections.unmodifiableMap(map);
    this.mandatory = Collections.unmodifiableSet(required);
  }

  private static ONNXAttribute attr(String name, AttributeType type, boolean mandatory) {
    return new ONNXAttribute(name, type, mandatory);
  }

  @Override
  public String getOpName() {
    return opName;
  }

  @Override
  public int getNumInputs() {
    return inputs;
  }

  @Override
  public int getNumOptionalInputs() {
    return optionalInputs;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return attributes;
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return mandatory;
  }

  @Override
  public int getOpVersion() {
    return ml ? ML_OPSET : DEFAULT_OPSET;
  }

  @Override
  public String getOpDomain() {
    return ml ? ML_DOMAIN : "";
  }
}
