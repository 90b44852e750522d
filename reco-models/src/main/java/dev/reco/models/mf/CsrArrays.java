package dev.reco.models.mf;

import dev.reco.core.CsrMatrix;

/**
 * Moves a {@link CsrMatrix} to and from its three CSR arrays (row pointers, column indices,
 * values), through its public accessors and {@link CsrMatrix#fromCoordinates}; O(nnz + rows).
 */
final class CsrArrays {
  private CsrArrays() {}

  /** Returns the row pointers: {@code rows + 1} positions, from 0 to nnz. */
  static int[] indptr(CsrMatrix m) {
    int[] p = new int[m.numRows() + 1];
    for (int r = 0; r < m.numRows(); r++) {
      p[r + 1] = m.rowEnd(r);
    }
    return p;
  }

  /** Returns the column index of every entry, row by row. */
  static int[] indices(CsrMatrix m) {
    int[] c = new int[m.nnz()];
    for (int p = 0; p < c.length; p++) {
      c[p] = m.columnAt(p);
    }
    return c;
  }

  /** Returns the value of every entry, row by row. */
  static float[] values(CsrMatrix m) {
    float[] v = new float[m.nnz()];
    for (int p = 0; p < v.length; p++) {
      v[p] = m.valueAt(p);
    }
    return v;
  }

  /**
   * Builds a matrix from CSR arrays whose row pointers start at 0, never decrease and end at
   * {@code indices.length}, and whose columns are strictly increasing within each row and inside
   * {@code [0, cols)} (the caller checks); the result has exactly these entries.
   */
  static CsrMatrix fromCsr(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    int[] rowOf = new int[indices.length];
    for (int r = 0; r < rows; r++) {
      for (int p = indptr[r]; p < indptr[r + 1]; p++) {
        rowOf[p] = r;
      }
    }
    return CsrMatrix.fromCoordinates(rows, cols, rowOf, indices, values, indices.length);
  }

  /**
   * Returns a matrix with the same entries and a larger shape: new rows are empty, new columns
   * have no entries.
   */
  static CsrMatrix resize(CsrMatrix m, int rows, int cols) {
    int[] indptr = new int[rows + 1];
    int[] old = indptr(m);
    System.arraycopy(old, 0, indptr, 0, old.length);
    for (int r = m.numRows() + 1; r <= rows; r++) {
      indptr[r] = m.nnz();
    }
    return fromCsr(rows, cols, indptr, indices(m), values(m));
  }
}
