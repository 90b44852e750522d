package dev.reco.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sparse matrix in compressed sparse row (CSR) form with float values.
 *
 * <p>Within a row, column indices are strictly increasing: duplicates given to
 * {@link #fromCoordinates} are summed (in input order), as SciPy does when it converts COO to CSR
 * and sums duplicates. Building and transposing are O(nnz + rows + cols) (stable counting
 * sorts), never O(nnz log nnz).
 *
 * <p>Memory: {@code 4 (rows + 1) + 8 nnz} bytes. Iterate a row with
 * <pre>{@code
 * for (int p = m.rowStart(r); p < m.rowEnd(r); p++) { int c = m.columnAt(p); float v = m.valueAt(p); }
 * }</pre>
 */
public final class CsrMatrix {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] values;

  private CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.values = values;
  }

  /**
   * Builds a matrix from coordinate triplets, summing duplicates.
   *
   * @param rows number of rows, {@code >= 0}
   * @param cols number of columns, {@code >= 0}
   * @param rowIndex row of each entry, in {@code [0, rows)}
   * @param colIndex column of each entry, in {@code [0, cols)}
   * @param value value of each entry, or {@code null} for all ones
   * @param count number of entries to read from the arrays
   * @return the matrix
   * @throws IllegalArgumentException if a size is negative, arrays are shorter than {@code count},
   *     or an index is out of range
   */
  public static CsrMatrix fromCoordinates(
      int rows, int cols, int[] rowIndex, int[] colIndex, float[] value, int count) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("shape " + rows + " x " + cols + "; expected non-negative sizes");
    }
    Objects.requireNonNull(rowIndex, "rowIndex");
    Objects.requireNonNull(colIndex, "colIndex");
    if (count < 0 || rowIndex.length < count || colIndex.length < count
        || (value != null && value.length < count)) {
      throw new IllegalArgumentException(
          "count = " + count + " with array lengths rowIndex=" + rowIndex.length + ", colIndex="
              + colIndex.length + (value == null ? "" : ", value=" + value.length)
              + "; expected 0 <= count <= every length");
    }
    for (int k = 0; k < count; k++) {
      if (rowIndex[k] < 0 || rowIndex[k] >= rows || colIndex[k] < 0 || colIndex[k] >= cols) {
        throw new IllegalArgumentException(
            "entry " + k + " at (" + rowIndex[k] + ", " + colIndex[k] + "); expected inside shape "
                + rows + " x " + cols);
      }
    }
    // Stable counting sort by row: one sequential pass over the input. Rows that arrive with
    // strictly increasing columns (the common case: merged Interactions are sorted by user, then
    // item) are then final. Otherwise two transposes sort every row's columns, stably, still in
    // O(nnz + rows + cols), and a last pass sums adjacent duplicates in input order.
    int[] indptr = new int[rows + 1];
    for (int k = 0; k < count; k++) {
      indptr[rowIndex[k] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      indptr[r + 1] += indptr[r];
    }
    int[] indices = new int[count];
    float[] values = new float[count];
    int[] next = Arrays.copyOf(indptr, rows);
    for (int k = 0; k < count; k++) {
      int p = next[rowIndex[k]]++;
      indices[p] = colIndex[k];
      values[p] = value == null ? 1f : value[k];
    }
    next = null;
    boolean sorted = true;
    for (int r = 0; r < rows && sorted; r++) {
      sorted = strictlyIncreasing(indices, indptr[r], indptr[r + 1]);
    }
    CsrMatrix grouped = new CsrMatrix(rows, cols, indptr, indices, values);
    if (sorted) {
      return grouped;
    }
    CsrMatrix twice = grouped.transpose().transpose();
    return twice.sumAdjacentDuplicates();
  }

  /** Sums runs of equal columns within each row (columns already non-decreasing). */
  private CsrMatrix sumAdjacentDuplicates() {
    int[] outPtr = new int[rows + 1];
    int w = 0;
    for (int r = 0; r < rows; r++) {
      int previous = -1;
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        if (indices[p] == previous) {
          values[w - 1] += values[p];
        } else {
          indices[w] = indices[p];
          values[w] = values[p];
          previous = indices[p];
          w++;
        }
      }
      outPtr[r + 1] = w;
    }
    return new CsrMatrix(rows, cols, outPtr,
        w == indices.length ? indices : Arrays.copyOf(indices, w),
        w == values.length ? values : Arrays.copyOf(values, w));
  }

  private static boolean strictlyIncreasing(int[] a, int from, int to) {
    for (int q = from + 1; q < to; q++) {
      if (a[q] <= a[q - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Returns the number of rows. */
  public int numRows() {
    return rows;
  }

  /** Returns the number of columns. */
  public int numCols() {
    return cols;
  }

  /** Returns the number of stored entries. */
  public int nnz() {
    return indices.length;
  }

  /**
   * Returns the position of the first entry of a row.
   *
   * @param row a row in {@code [0, numRows())}
   * @return a position in {@code [0, nnz()]}
   */
  public int rowStart(int row) {
    return indptr[row];
  }

  /**
   * Returns the position one past the last entry of a row.
   *
   * @param row a row in {@code [0, numRows())}
   * @return a position in {@code [0, nnz()]}
   */
  public int rowEnd(int row) {
    return indptr[row + 1];
  }

  /**
   * Returns the number of entries in a row.
   *
   * @param row a row in {@code [0, numRows())}
   * @return the row's entry count
   */
  public int rowLength(int row) {
    return indptr[row + 1] - indptr[row];
  }

  /**
   * Returns the column of the entry at a position.
   *
   * @param position a position in {@code [0, nnz())}
   * @return its column
   */
  public int columnAt(int position) {
    return indices[position];
  }

  /**
   * Returns the value of the entry at a position.
   *
   * @param position a position in {@code [0, nnz())}
   * @return its value
   */
  public float valueAt(int position) {
    return values[position];
  }

  /**
   * Returns the value at (row, col), or 0 when no entry is stored (binary search in the row).
   *
   * @param row a row in {@code [0, numRows())}
   * @param col a column in {@code [0, numCols())}
   * @return the stored value or 0
   * @throws IndexOutOfBoundsException if row or col is out of range
   */
  public float get(int row, int col) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(col, cols);
    int p = Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col);
    return p >= 0 ? values[p] : 0f;
  }

  /**
   * Returns whether an entry is stored at (row, col).
   *
   * @param row a row in {@code [0, numRows())}
   * @param col a column
   * @return whether the entry exists
   */
  public boolean contains(int row, int col) {
    Objects.checkIndex(row, rows);
    return Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col) >= 0;
  }

  /**
   * Returns a copy of the column indices of a row, in increasing order.
   *
   * @param row a row in {@code [0, numRows())}
   * @return a new array
   */
  public int[] rowColumns(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(indices, indptr[row], indptr[row + 1]);
  }

  /**
   * Returns a copy of the values of a row, aligned with {@link #rowColumns(int)}.
   *
   * @param row a row in {@code [0, numRows())}
   * @return a new array
   */
  public float[] rowValues(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(values, indptr[row], indptr[row + 1]);
  }

  /** Returns the transpose, built in O(nnz + rows + cols). */
  public CsrMatrix transpose() {
    int nnz = indices.length;
    int[] tIndptr = new int[cols + 1];
    for (int p = 0; p < nnz; p++) {
      tIndptr[indices[p] + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      tIndptr[c + 1] += tIndptr[c];
    }
    int[] next = Arrays.copyOf(tIndptr, cols);
    int[] tIndices = new int[nnz];
    float[] tValues = new float[nnz];
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        int q = next[indices[p]]++;
        tIndices[q] = r;
        tValues[q] = values[p];
      }
    }
    return new CsrMatrix(cols, rows, tIndptr, tIndices, tValues);
  }

  /** Returns the heap bytes held by the arrays of this matrix (excluding object headers). */
  public long sizeInBytes() {
    return 4L * indptr.length + 4L * indices.length + 4L * values.length;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CsrMatrix)) {
      return false;
    }
    CsrMatrix m = (CsrMatrix) o;
    return rows == m.rows && cols == m.cols && Arrays.equals(indptr, m.indptr)
        && Arrays.equals(indices, m.indices) && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(indptr) + Arrays.hashCode(indices)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + " x " + cols + ", nnz=" + nnz() + "]";
  }
}
