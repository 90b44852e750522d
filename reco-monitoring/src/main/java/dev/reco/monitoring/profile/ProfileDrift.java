package dev.reco.monitoring.profile;

import dev.reco.monitoring.drift.BinCounts;
import dev.reco.monitoring.drift.BinnedDriftTest;
import dev.reco.monitoring.drift.Binning;
import dev.reco.monitoring.drift.CategoricalDriftTest;
import dev.reco.monitoring.drift.CategoryCounts;
import dev.reco.monitoring.drift.ChiSquare;
import dev.reco.monitoring.drift.DriftResult;
import dev.reco.monitoring.drift.JensenShannon;
import dev.reco.monitoring.drift.Psi;
import java.util.List;
import java.util.Objects;

/**
 * Runs the binned drift tests of {@code dev.reco.monitoring.drift} on the counters of two
 * profiles with the same schema: a reference profile built once and a live one, without keeping
 * any raw values. Numeric columns are compared on the schema's frozen bins (underflow and
 * overflow included); categorical columns on the frozen dictionary plus its "other" bucket,
 * which is labelled {@link #OTHER}. Missing values are passed on as counted.
 *
 * <p>For a KS-style comparison of numeric columns use the sketches: {@link SketchKs#test}.
 *
 * <pre>{@code
 * DriftResult psi = ProfileDrift.numeric(Psi.defaults(), reference, live, "basket_value");
 * DriftResult js = ProfileDrift.categorical(JensenShannon.defaults(), reference, live, "device");
 * }</pre>
 */
public final class ProfileDrift {
  /** Label of a categorical column's "other" bucket in the counts handed to a test. */
  public static final String OTHER = "(other)";

  private ProfileDrift() {}

  /**
   * Runs a binned test ({@link Psi}, {@link JensenShannon}, {@link ChiSquare}) on a numeric
   * column's counters, on the schema's frozen bins.
   *
   * @param test the test settings (its own bin settings are not used: the bins are the schema's)
   * @param reference the reference profile
   * @param current the current profile, with the same schema
   * @param column the column name
   * @return the result
   * @throws IllegalArgumentException if the schemas differ, the column does not exist or is not
   *     numeric
   */
  public static DriftResult numeric(BinnedDriftTest test, SingleWriterProfile reference,
      SingleWriterProfile current, String column) {
    Objects.requireNonNull(test, "test");
    int c = columnIndex(reference, current, column, ProfileColumn.Kind.NUMERIC);
    Binning binning = Binning.ofCuts(reference.schema().column(c).bins().edges());
    return test.compare(binning, BinCounts.of(reference.counts(c), reference.missing(c)),
        BinCounts.of(current.counts(c), current.missing(c)));
  }

  /**
   * Runs a categorical test ({@link ChiSquare}, {@link JensenShannon}, {@link Psi}) on a
   * categorical column's counts.
   *
   * @param test the test
   * @param reference the reference profile
   * @param current the current profile, with the same schema
   * @param column the column name
   * @return the result
   * @throws IllegalArgumentException if the schemas differ, the column does not exist or is not
   *     categorical, or the dictionary itself holds the label {@link #OTHER}
   */
  public static DriftResult categorical(CategoricalDriftTest test,
      SingleWriterProfile reference, SingleWriterProfile current, String column) {
    Objects.requireNonNull(test, "test");
    int c = columnIndex(reference, current, column, ProfileColumn.Kind.CATEGORICAL);
    CategoryDictionary dictionary = reference.schema().column(c).dictionary();
    List<String> categories = dictionary.categories();
    String[] labels = categories.toArray(new String[categories.size() + 1]);
    if (categories.contains(OTHER)) {
      throw new IllegalArgumentException("column '" + column + "' has a category named '" + OTHER
          + "'; expected that label to be free for the other bucket");
    }
    labels[categories.size()] = OTHER;
    return test.test(
        CategoryCounts.ofCounts(labels, reference.counts(c), reference.missing(c)),
        CategoryCounts.ofCounts(labels, current.counts(c), current.missing(c)));
  }

  private static int columnIndex(SingleWriterProfile reference, SingleWriterProfile current,
      String column, ProfileColumn.Kind kind) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(column, "column");
    if (!reference.schema().equals(current.schema())) {
      throw new IllegalArgumentException("the profiles have different schemas (" 
          + reference.schema() + " vs " + current.schema() + "); expected the same schema");
    }
    int c = reference.schema().indexOf(column);
    ProfileColumn pc = reference.schema().column(c);
    if (pc.kind() != kind) {
      throw new IllegalArgumentException("column '" + column + "' is " + pc.kind()
          + "; expected " + kind);
    }
    return c;
  }
}
