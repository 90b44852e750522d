package dev.reco.features.transform;

import dev.reco.features.table.ColumnType;
import dev.reco.features.table.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Feature hashing of CATEGORICAL columns into {@code nFeatures} DOUBLE columns
 * {@code <prefix>_0 .. <prefix>_<n-1>}, as scikit-learn's {@code FeatureHasher} does: each present
 * value hashes (MurmurHash3 x86_32, {@code seed}, on the UTF-8 bytes of the key) to
 * {@code h}; its bucket is {@code |h| mod n} (with {@code |-2^31|} taken as {@code 2^31 - 1 - (n-1)}
 * mod n, as scikit-learn does) and it adds {@code +1}, or, with {@code alternateSign}, the sign
 * of {@code h} ({@code +1} when {@code h >= 0}). A missing value adds nothing.
 *
 * <p>The key is {@code "<column>=<value>"} ({@link Key#COLUMN_AND_VALUE}, the default, what
 * {@code FeatureHasher(input_type="dict")} hashes for a string value) or the value alone
 * ({@link Key#VALUE}, what {@code input_type="string"} hashes, so equal values of different
 * columns collide). With the defaults (seed 0, alternate sign) the output equals
 * {@code FeatureHasher(n_features=n, input_type="dict")} on the row's {column: value} dict.
 * There is nothing to learn: {@link #fit} only checks the input types.
 *
 * @param inputs the CATEGORICAL columns to hash, at least one, distinct
 * @param prefix the output column prefix
 * @param nFeatures the number of buckets, {@code >= 1} (each bucket costs 8 bytes per row)
 * @param seed the MurmurHash3 seed (an unsigned 32-bit value held in an int)
 * @param alternateSign whether to add the hash's sign instead of 1
 * @param key what is hashed
 */
public record FeatureHashingStep(List<String> inputs, String prefix, int nFeatures, int seed,
    boolean alternateSign, Key key) implements FeatureStep {
  /** The JSON type name. */
  public static final String TYPE = "feature_hashing";

  /** What string of a value is hashed. */
  public enum Key {
    /** {@code "<column>=<value>"}. */
    COLUMN_AND_VALUE,
    /** The value alone. */
    VALUE
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if inputs are empty, blank or repeated, or
   *     {@code nFeatures < 1}, naming the value
   */
  public FeatureHashingStep {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs = []; expected at least one CATEGORICAL column");
    }
    if (new HashSet<>(inputs).size() != inputs.size()) {
      throw new IllegalArgumentException("inputs = " + inputs + "; expected distinct column names");
    }
    inputs.forEach(i -> CategoricalSupport.name("input", i));
    inputs = List.copyOf(inputs);
    CategoricalSupport.name("prefix", prefix);
    if (nFeatures < 1) {
      throw new IllegalArgumentException("nFeatures = " + nFeatures + "; expected >= 1");
    }
    Objects.requireNonNull(key, "key");
  }

  /**
   * Returns scikit-learn's defaults: prefix {@code hash}, seed 0, alternate sign, column=value keys.
   *
   * @param nFeatures the number of buckets
   * @param inputs the CATEGORICAL columns
   * @return the step
   */
  public static FeatureHashingStep of(int nFeatures, String... inputs) {
    return new FeatureHashingStep(List.of(inputs), "hash", nFeatures, 0, true, Key.COLUMN_AND_VALUE);
  }

  /** Returns this step with another output prefix. */
  public FeatureHashingStep withPrefix(String prefix) {
    return new FeatureHashingStep(inputs, prefix, nFeatures, seed, alternateSign, key);
  }

  /** Returns this step with another seed. */
  public FeatureHashingStep withSeed(int seed) {
    return new FeatureHashingStep(inputs, prefix, nFeatures, seed, alternateSign, key);
  }

  /** Returns this step adding counts (false) or signs (true). */
  public FeatureHashingStep withAlternateSign(boolean alternate) {
    return new FeatureHashingStep(inputs, prefix, nFeatures, seed, alternate, key);
  }

  /** Returns this step hashing another key. */
  public FeatureHashingStep withKey(Key key) {
    return new FeatureHashingStep(inputs, prefix, nFeatures, seed, alternateSign, key);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Checks the inputs and returns the (parameter-free) fitted step.
   *
   * @throws IllegalArgumentException if an input is missing or not CATEGORICAL
   */
  @Override
  public FeatureHashingFitted fit(Table training) {
    for (String in : inputs) {
      CategoricalSupport.requireColumn(training, in, ColumnType.CATEGORICAL, TYPE);
    }
    return new FeatureHashingFitted(this);
  }
}
