package dev.reco.core.registry;

import dev.reco.core.format.Provenance;
import dev.reco.core.store.Names;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is recorded with a model version besides its artifact: training parameters, evaluation
 * metrics, tags, provenance, the feature schema the model expects and the experiment run that
 * produced it. Immutable; maps are copied and iterate in key order.
 *
 * <p>Keys (parameters, metrics, tags) follow the registry's name rules: 1 to 128 characters from
 * {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit, not ending with {@code '.'}. Values
 * of parameters and tags are at most 8192 chars of text encodable as UTF-8.
 *
 * @param params training parameters, e.g. {@code factors -> "64"}
 * @param metrics evaluation metrics, finite numbers, e.g. {@code ndcg_at_10 -> 0.41}
 * @param tags free-form tags, e.g. {@code team -> "search"}; on a {@link ModelVersion} these are
 *     the version's current tags (they can change through {@link ModelRegistry#setVersionTag})
 * @param provenance where the artifact came from, or {@code null} when unknown
 * @param featureSchemaJson the feature schema the model expects, as one JSON value (stored
 *     compactly), or {@code null} when not recorded
 * @param sourceRunId the experiment run that produced the model
 *     ({@link dev.reco.core.tracking.ExperimentTracker}), or {@code null}; it must be a valid run
 *     id but need not exist in any tracker
 */
public record VersionMetadata(
    Map<String, String> params,
    Map<String, Double> metrics,
    Map<String, String> tags,
    Provenance provenance,
    String featureSchemaJson,
    String sourceRunId) {

  private static final VersionMetadata EMPTY =
      new VersionMetadata(Map.of(), Map.of(), Map.of(), null, null, null);

  /**
   * Validates and copies the fields.
   *
   * @throws NullPointerException if a map, or a key or value in one, is null
   * @throws IllegalArgumentException if a key or value breaks the rules above, a metric is not
   *     finite, {@code featureSchemaJson} is not one JSON value, or {@code sourceRunId} is not a
   *     valid run id
   */
  public VersionMetadata {
    params = Names.textMap("param", params);
    tags = Names.textMap("tag", tags);
    Objects.requireNonNull(metrics, "metrics");
    TreeMap<String, Double> m = new TreeMap<>();
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      String key = Names.key("metric key", Objects.requireNonNull(e.getKey(), "metric key"));
      Double v = Objects.requireNonNull(e.getValue(), () -> "metric '" + key + "'");
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("metric '" + key + "' = " + v + "; expected a finite number");
      }
      m.put(key, v);
    }
    metrics = Collections.unmodifiableMap(m);
    if (featureSchemaJson != null) {
      featureSchemaJson = RegistryJson.normalize("featureSchemaJson", featureSchemaJson);
    }
    if (sourceRunId != null) {
      Names.runId(sourceRunId);
    }
  }

  /**
   * Returns metadata with nothing recorded.
   *
   * @return empty metadata
   */
  public static VersionMetadata empty() {
    return EMPTY;
  }

  /**
   * Starts building metadata.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a copy with other tags.
   *
   * @param newTags the tags of the copy
   * @return the copy
   * @throws IllegalArgumentException if a tag breaks the rules above
   */
  public VersionMetadata withTags(Map<String, String> newTags) {
    return new VersionMetadata(params, metrics, newTags, provenance, featureSchemaJson, sourceRunId);
  }

  /** Collects metadata step by step; not thread-safe. Validation happens in {@link #build()}. */
  public static final class Builder {
    private final TreeMap<String, String> params = new TreeMap<>();
    private final TreeMap<String, Double> metrics = new TreeMap<>();
    private final TreeMap<String, String> tags = new TreeMap<>();
    private Provenance provenance;
    private String featureSchemaJson;
    private String sourceRunId;

    private Builder() {}

    /**
     * Records a parameter, replacing an earlier value for the same key.
     *
     * @param key the parameter name
     * @param value its value as text
     * @return this builder
     */
    public Builder param(String key, String value) {
      params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Records every entry of a map as a parameter.
     *
     * @param values parameter names and values
     * @return this builder
     */
    public Builder params(Map<String, String> values) {
      values.forEach(this::param);
      return this;
    }

    /**
     * Records a metric, replacing an earlier value for the same key.
     *
     * @param key the metric name
     * @param value a finite number
     * @return this builder
     */
    public Builder metric(String key, double value) {
      metrics.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /**
     * Records a tag, replacing an earlier value for the same key.
     *
     * @param key the tag name
     * @param value its value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the provenance.
     *
     * @param value the provenance, or {@code null} for none
     * @return this builder
     */
    public Builder provenance(Provenance value) {
      provenance = value;
      return this;
    }

    /**
     * Sets the feature schema.
     *
     * @param json one JSON value, or {@code null} for none
     * @return this builder
     */
    public Builder featureSchemaJson(String json) {
      featureSchemaJson = json;
      return this;
    }

    /**
     * Sets the run that produced the model.
     *
     * @param runId a run id, or {@code null} for none
     * @return this builder
     */
    public Builder sourceRunId(String runId) {
      sourceRunId = runId;
      return this;
    }

    /**
     * Builds the metadata.
     *
     * @return the metadata
     * @throws IllegalArgumentException if a field breaks the rules of {@link VersionMetadata}
     */
    public VersionMetadata build() {
      return new VersionMetadata(params, metrics, tags, provenance, featureSchemaJson, sourceRunId);
    }
  }
}
