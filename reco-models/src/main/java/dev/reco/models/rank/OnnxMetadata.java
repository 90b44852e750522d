package dev.reco.models.rank;

/**
 * The custom metadata keys that reco writes into the ONNX models it exports and that
 * {@link OnnxRanker} reads back. All values are strings (ONNX {@code metadata_props}).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>value</th><th>checked at load</th></tr>
 *   <tr><td>{@value #FEATURES}</td><td>JSON array of feature names in input column order, e.g.
 *       {@code ["age","price"]}</td><td>must equal the schema's names
 *       ({@link FeatureSchema#requireSame})</td></tr>
 *   <tr><td>{@value #MISSING_VALUE}</td><td>the schema's missing-value sentinel: {@code "NaN"}
 *       or a float literal such as {@code "-999"} or {@code "0.0"}</td><td>must equal the
 *       schema's sentinel</td></tr>
 *   <tr><td>{@value #PROVENANCE}</td><td>a JSON object describing how the model was made
 *       (trainer, config, data fingerprint, seed, versions)</td><td>no; exposed by
 *       {@link OnnxRanker#metadata()}</td></tr>
 *   <tr><td>{@value #MODEL}</td><td>the kind of reco model exported, e.g.
 *       {@code "TreeEnsemble"}, {@code "Linear"}, {@code "DotProduct"}</td><td>no</td></tr>
 * </table>
 *
 * <p>Models from other tools carry none of these keys; then only the input width is checked
 * against the schema.
 */
public final class OnnxMetadata {
  /** Key of the JSON array of feature names, in input column order. */
  public static final String FEATURES = "reco.features";
  /** Key of the missing-value sentinel: {@code "NaN"} or a float literal. */
  public static final String MISSING_VALUE = "reco.missing_value";
  /** Key of the provenance JSON object. */
  public static final String PROVENANCE = "reco.provenance";
  /** Key of the exported model kind, e.g. {@code "TreeEnsemble"}. */
  public static final String MODEL = "reco.model";

  private OnnxMetadata() {}

  /**
   * Formats a sentinel as the value of {@link #MISSING_VALUE}: {@code "NaN"}, or the shortest
   * decimal that reads back as the same float ({@link Float#toString(float)}).
   *
   * @param missingValue the sentinel ({@link FeatureSchema#missingValue()})
   * @return the metadata value
   */
  public static String formatMissingValue(float missingValue) {
    return Float.isNaN(missingValue) ? "NaN" : Float.toString(missingValue);
  }

  /**
   * Parses the value of {@link #MISSING_VALUE}.
   *
   * @param value {@code "NaN"} or a finite float literal
   * @return the sentinel
   * @throws IllegalArgumentException if {@code value} is neither
   */
  public static float parseMissingValue(String value) {
    String v = value == null ? "" : value.trim();
    if (v.equals("NaN")) {
      return Float.NaN;
    }
    float f;
    try {
      f = Float.parseFloat(v);
    } catch (NumberFormatException e) {
      f = Float.NaN;
    }
    if (!Float.isFinite(f)) {
      throw new IllegalArgumentException(MISSING_VALUE + " = " + (value == null ? "null"
          : "'" + value + "'") + "; expected \"NaN\" or a finite float literal");
    }
    return f;
  }
}
