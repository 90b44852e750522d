package dev.reco.models.rank.train;

import dev.reco.models.rank.FeatureSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Grouped training data for learning to rank: rows of (group, candidate item, features, graded
 * label), where a group is what one ranked list is made for (a user, a query, a request).
 *
 * <h2>Layout</h2>
 * Rows are stored grouped and contiguous: group {@code g} owns rows
 * {@code groupStart(g) <= r < groupEnd(g)}, i.e. {@code groupOffsets()[g] .. groupOffsets()[g+1]}.
 * Groups are numbered in order of first appearance in the builder, and the rows of a group keep
 * the order in which they were added; the layout is thus a stable sort of the input by group.
 * Features are row-major, {@code schema().size()} floats per row; labels are graded relevance
 * ({@code 0} = not relevant, higher is better).
 *
 * <h2>Values</h2>
 * A feature value is finite or missing ({@code NaN}, or the schema's sentinel); infinities are
 * rejected. A label is finite, {@code >= 0} and {@code <= 31} ({@link #MAX_LABEL}: NDCG's gain
 * {@code 2^label - 1} must stay exact in a double).
 *
 * <p>Immutable and thread-safe. Array accessors return copies.
 */
public final class RankingData {
  /** The largest accepted label: gains {@code 2^label - 1} stay exact integers in a double. */
  public static final float MAX_LABEL = 31f;

  private final FeatureSchema schema;
  final float[] features;
  final float[] labels;
  final int[] offsets;
  private final String[] groupKeys;
  private final String[] itemIds;

  private RankingData(
      FeatureSchema schema, float[] features, float[] labels, int[] offsets, String[] groupKeys,
      String[] itemIds) {
    this.schema = schema;
    this.features = features;
    this.labels = labels;
    this.offsets = offsets;
    this.groupKeys = groupKeys;
    this.itemIds = itemIds;
  }

  /**
   * Starts a data set over this schema.
   *
   * @param schema the features of every row
   * @return an empty builder
   */
  public static Builder builder(FeatureSchema schema) {
    return new Builder(schema);
  }

  /** Returns the features of every row. */
  public FeatureSchema schema() {
    return schema;
  }

  /** Returns the number of rows. */
  public int rows() {
    return labels.length;
  }

  /** Returns the number of groups. */
  public int groups() {
    return groupKeys.length;
  }

  /**
   * Returns the first row of group {@code g}.
   *
   * @param g a group, {@code 0 <= g < groups()}
   * @return its first row
   * @throws IndexOutOfBoundsException if {@code g} is out of range
   */
  public int groupStart(int g) {
    Objects.checkIndex(g, groupKeys.length);
    return offsets[g];
  }

  /**
   * Returns one past the last row of group {@code g}.
   *
   * @param g a group, {@code 0 <= g < groups()}
   * @return the end of its rows (exclusive)
   * @throws IndexOutOfBoundsException if {@code g} is out of range
   */
  public int groupEnd(int g) {
    Objects.checkIndex(g, groupKeys.length);
    return offsets[g + 1];
  }

  /**
   * Returns the key of group {@code g} as given to the builder (int keys as decimal strings).
   *
   * @param g a group, {@code 0 <= g < groups()}
   * @return its key
   * @throws IndexOutOfBoundsException if {@code g} is out of range
   */
  public String groupKey(int g) {
    return groupKeys[Objects.checkIndex(g, groupKeys.length)];
  }

  /** Returns the group keys in group order (unmodifiable). */
  public List<String> groupKeys() {
    return Collections.unmodifiableList(Arrays.asList(groupKeys));
  }

  /**
   * Returns the item id of row {@code r} (int ids as decimal strings).
   *
   * @param r a row, {@code 0 <= r < rows()}
   * @return its item id
   * @throws IndexOutOfBoundsException if {@code r} is out of range
   */
  public String itemId(int r) {
    return itemIds[Objects.checkIndex(r, itemIds.length)];
  }

  /**
   * Returns the label of row {@code r}.
   *
   * @param r a row, {@code 0 <= r < rows()}
   * @return its graded relevance
   * @throws IndexOutOfBoundsException if {@code r} is out of range
   */
  public float label(int r) {
    return labels[Objects.checkIndex(r, labels.length)];
  }

  /**
   * Returns feature {@code f} of row {@code r}.
   *
   * @param r a row, {@code 0 <= r < rows()}
   * @param f a feature, {@code 0 <= f < schema().size()}
   * @return its value (possibly missing)
   * @throws IndexOutOfBoundsException if {@code r} or {@code f} is out of range
   */
  public float feature(int r, int f) {
    Objects.checkIndex(r, labels.length);
    return features[r * schema.size() + Objects.checkIndex(f, schema.size())];
  }

  /** Returns all features, row-major, {@code rows() * schema().size()} values (a copy). */
  public float[] features() {
    return features.clone();
  }

  /** Returns all labels, one per row (a copy). */
  public float[] labels() {
    return labels.clone();
  }

  /** Returns the group offsets, {@code groups() + 1} values from 0 to {@code rows()} (a copy). */
  public int[] groupOffsets() {
    return offsets.clone();
  }

  /**
   * A partition of a data set into training and validation groups.
   *
   * @param train the training groups
   * @param validation the validation groups, none of which is in {@code train}
   */
  public record Split(RankingData train, RankingData validation) {
    /**
     * Creates the pair.
     *
     * @throws NullPointerException if a part is null
     */
    public Split {
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(validation, "validation");
    }
  }

  /**
   * Splits the groups at random into training and validation parts; every group lands whole in
   * exactly one part. The validation part gets {@code round(validationFraction * groups())}
   * groups, at least one and at most {@code groups() - 1}, chosen by a seeded shuffle; both parts
   * keep the groups in their order here.
   *
   * @param validationFraction share of groups for validation, {@code 0 < fraction < 1}
   * @param seed seed of the shuffle; the same seed gives the same split
   * @return the two parts
   * @throws IllegalArgumentException if the fraction is out of range or there are fewer than two
   *     groups
   */
  public Split split(double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validationFraction = " + validationFraction + "; expected 0 < validationFraction < 1");
    }
    int n = groups();
    if (n < 2) {
      throw new IllegalArgumentException("groups = " + n + "; expected at least 2 groups to split");
    }
    int validation = (int) Math.max(1, Math.min(n - 1, Math.round(validationFraction * n)));
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    boolean[] inValidation = new boolean[n];
    for (int i = 0; i < validation; i++) {
      inValidation[perm[i]] = true;
    }
    int[] train = new int[n - validation];
    int[] valid = new int[validation];
    int t = 0;
    int v = 0;
    for (int g = 0; g < n; g++) {
      if (inValidation[g]) {
        valid[v++] = g;
      } else {
        train[t++] = g;
      }
    }
    return new Split(subset(train), subset(valid));
  }

  /** Returns the data of these groups, in this order. */
  RankingData subset(int[] groupList) {
    int d = schema.size();
    int rows = 0;
    for (int g : groupList) {
      rows += offsets[g + 1] - offsets[g];
    }
    float[] x = new float[rows * d];
    float[] y = new float[rows];
    int[] off = new int[groupList.length + 1];
    String[] keys = new String[groupList.length];
    String[] items = new String[rows];
    int r = 0;
    for (int i = 0; i < groupList.length; i++) {
      int g = groupList[i];
      int from = offsets[g];
      int len = offsets[g + 1] - from;
      System.arraycopy(features, from * d, x, r * d, len * d);
      System.arraycopy(labels, from, y, r, len);
      System.arraycopy(itemIds, from, items, r, len);
      keys[i] = groupKeys[g];
      r += len;
      off[i + 1] = r;
    }
    return new RankingData(schema, x, y, off, keys, items);
  }

  @Override
  public String toString() {
    return "RankingData[" + groups() + " groups, " + rows() + " rows, " + schema.size()
        + " features]";
  }

  /**
   * Collects rows in any order and builds a {@link RankingData}; not thread-safe. Every row is
   * validated when it is added, so a failing {@code add} leaves the builder unchanged.
   */
  public static final class Builder {
    private final FeatureSchema schema;
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final List<String> groupKeys = new ArrayList<>();
    private final List<String> itemIds = new ArrayList<>();
    private float[] features = new float[64];
    private float[] labels = new float[16];
    private int[] rowGroup = new int[16];
    private int rows;

    private Builder(FeatureSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Adds one candidate row.
     *
     * @param group the group key (user, query, request), non-blank
     * @param item the candidate item id, non-null
     * @param rowFeatures exactly {@code schema.size()} values, each finite or missing (copied)
     * @param label graded relevance, finite, {@code 0 <= label <= 31}
     * @return this builder
     * @throws IllegalArgumentException if the feature count, a feature value or the label is
     *     invalid, or the group key is blank (the message names the row and the value)
     * @throws NullPointerException if an argument is null
     */
    public Builder add(String group, String item, float[] rowFeatures, float label) {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(rowFeatures, "features");
      if (group.isBlank()) {
        throw new IllegalArgumentException(
            "group = '" + group + "' at row " + rows + "; expected a non-blank group key");
      }
      int d = schema.size();
      if (rowFeatures.length != d) {
        throw new IllegalArgumentException(
            "row " + rows + " (group '" + group + "', item '" + item + "') has "
                + rowFeatures.length + " features; expected " + d + " (the schema's size)");
      }
      for (int f = 0; f < d; f++) {
        float v = rowFeatures[f];
        if (Float.isInfinite(v)) {
          throw new IllegalArgumentException(
              "feature '" + schema.name(f) + "' = " + v + " at row " + rows + " (group '" + group
                  + "', item '" + item + "'); expected a finite value or NaN for missing");
        }
      }
      if (!(label >= 0 && label <= MAX_LABEL)) {
        throw new IllegalArgumentException(
            "label = " + label + " at row " + rows + " (group '" + group + "', item '" + item
                + "'); expected a finite label with 0 <= label <= " + (int) MAX_LABEL);
      }
      Integer g = groupIndex.get(group);
      if (g == null) {
        g = groupKeys.size();
        groupIndex.put(group, g);
        groupKeys.add(group);
      }
      if (rows == labels.length) {
        labels = Arrays.copyOf(labels, rows * 2);
        rowGroup = Arrays.copyOf(rowGroup, rows * 2);
      }
      if ((long) (rows + 1) * d > features.length) {
        long cap = Math.max((long) features.length * 2, (long) (rows + 1) * d);
        if (cap > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException(
              "rows * features = " + ((long) (rows + 1) * d) + "; expected at most "
                  + (Integer.MAX_VALUE - 8) + " feature values in one data set");
        }
        features = Arrays.copyOf(features, (int) cap);
      }
      System.arraycopy(rowFeatures, 0, features, rows * d, d);
      labels[rows] = label;
      rowGroup[rows] = g;
      itemIds.add(item);
      rows++;
      return this;
    }

    /**
     * Adds one candidate row with int keys, stored as their decimal strings (so group {@code 7}
     * and group {@code "7"} are the same group).
     *
     * @param group the group key
     * @param item the candidate item id
     * @param rowFeatures exactly {@code schema.size()} values, each finite or missing (copied)
     * @param label graded relevance, finite, {@code 0 <= label <= 31}
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(String, String, float[], float)}
     */
    public Builder add(int group, int item, float[] rowFeatures, float label) {
      return add(Integer.toString(group), Integer.toString(item), rowFeatures, label);
    }

    /**
     * Builds the data: groups in order of first appearance, rows of a group in insertion order.
     *
     * @return the data set
     * @throws IllegalArgumentException if no row was added
     */
    public RankingData build() {
      if (rows == 0) {
        throw new IllegalArgumentException("rows = 0; expected at least one row");
      }
      int d = schema.size();
      int groups = groupKeys.size();
      int[] offsets = new int[groups + 1];
      for (int r = 0; r < rows; r++) {
        offsets[rowGroup[r] + 1]++;
      }
      for (int g = 0; g < groups; g++) {
        offsets[g + 1] += offsets[g];
      }
      int[] next = Arrays.copyOf(offsets, groups);
      float[] x = new float[rows * d];
      float[] y = new float[rows];
      String[] items = new String[rows];
      for (int r = 0; r < rows; r++) {
        int to = next[rowGroup[r]]++;
        System.arraycopy(features, r * d, x, to * d, d);
        y[to] = labels[r];
        items[to] = itemIds.get(r);
      }
      return new RankingData(
          schema, x, y, offsets, groupKeys.toArray(new String[0]), items);
    }
  }
}
