package dev.reco.features.table;

import dev.reco.core.IdIndex;
import java.util.Objects;

/**
 * A column of categories: an int code per row into the column's dictionary (an {@link IdIndex}
 * from category string to dense code), {@link #MISSING} for missing. Immutable.
 */
public final class CategoricalColumn implements Column {
  /** The code of a missing value. */
  public static final int MISSING = -1;

  private final String name;
  private final int[] codes;
  private final IdIndex dictionary;

  private CategoricalColumn(String name, int[] codes, IdIndex dictionary) {
    this.name = Column.checkName(name);
    this.codes = codes;
    this.dictionary = dictionary;
  }

  /**
   * Returns a column from strings; null is missing. Codes follow first appearance.
   *
   * @param name the column name
   * @param values the categories, null for missing
   * @return the column
   */
  public static CategoricalColumn of(String name, String... values) {
    IdIndex.Builder dict = IdIndex.builder();
    int[] codes = new int[values.length];
    for (int r = 0; r < values.length; r++) {
      codes[r] = values[r] == null ? MISSING : dict.add(values[r]);
    }
    return new CategoricalColumn(name, codes, dict.build());
  }

  /**
   * Returns a column from codes into a dictionary (codes copied).
   *
   * @param name the column name
   * @param codes a code per row, {@link #MISSING} or in {@code [0, dictionary.size())}
   * @param dictionary the categories
   * @return the column
   * @throws IllegalArgumentException if a code is out of range, naming the row and the code
   */
  public static CategoricalColumn of(String name, int[] codes, IdIndex dictionary) {
    Objects.requireNonNull(dictionary, "dictionary");
    for (int r = 0; r < codes.length; r++) {
      if (codes[r] < MISSING || codes[r] >= dictionary.size()) {
        throw new IllegalArgumentException("column '" + name + "' row " + r + " code = " + codes[r]
            + "; expected -1 (missing) or a code in [0, " + dictionary.size() + ")");
      }
    }
    return new CategoricalColumn(name, codes.clone(), dictionary);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  @Override
  public int size() {
    return codes.length;
  }

  @Override
  public boolean isMissing(int row) {
    return codes[row] == MISSING;
  }

  /**
   * Returns the code of a row.
   *
   * @param row a row index
   * @return the code, or {@link #MISSING}
   */
  public int code(int row) {
    return codes[row];
  }

  /**
   * Returns the category of a row.
   *
   * @param row a row index
   * @return the category string, or null when missing
   */
  public String category(int row) {
    int c = codes[row];
    return c == MISSING ? null : dictionary.idOf(c);
  }

  /** Returns the dictionary: category string to code. */
  public IdIndex dictionary() {
    return dictionary;
  }

  @Override
  public CategoricalColumn renamed(String newName) {
    return new CategoricalColumn(newName, codes, dictionary);
  }
}
