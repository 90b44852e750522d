package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
  @Test
  void twoByTwoHandCase() {
    // [[2,1],[1,2]] has eigenvalues 1 (vector (1,-1)/sqrt 2) and 3 (vector (1,1)/sqrt 2)
    double[] a = {2, 1, 1, 2};
    double[] d = new double[2];
    double[] v = new double[4];
    SymmetricEigen.decompose(a, 2, d, v);
    double[] sorted = d.clone();
    Arrays.sort(sorted);
    assertEquals(1.0, sorted[0], 1e-12);
    assertEquals(3.0, sorted[1], 1e-12);
    int big = d[0] > d[1] ? 0 : 1;
    // the eigenvector of 3 has equal components, the one of 1 opposite ones
    assertEquals(Math.abs(v[0 * 2 + big]), Math.abs(v[1 * 2 + big]), 1e-12);
    assertEquals(1 / Math.sqrt(2), Math.abs(v[0 * 2 + big]), 1e-12);
    assertEquals(0.0, v[0 * 2 + (1 - big)] + v[1 * 2 + (1 - big)], 1e-12);
  }

  /** V is orthonormal and V diag(d) V^T reproduces A, for random symmetric matrices. */
  @Property(tries = 100, seed = "7031")
  void reconstructsRandomSymmetricMatrices(@ForAll @IntRange(min = 1, max = 24) int n,
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double x = random.nextDouble() * 2 - 1;
        a[i * n + j] = x;
        a[j * n + i] = x;
      }
    }
    double[] copy = a.clone();
    double[] d = new double[n];
    double[] v = new double[n * n];
    SymmetricEigen.decompose(copy, n, d, v);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double vtv = 0;
        double rebuilt = 0;
        for (int q = 0; q < n; q++) {
          vtv += v[q * n + i] * v[q * n + j];
          rebuilt += v[i * n + q] * d[q] * v[j * n + q];
        }
        assertEquals(i == j ? 1.0 : 0.0, vtv, 1e-10, "V^T V at " + i + "," + j);
        assertEquals(a[i * n + j], rebuilt, 1e-10, "A at " + i + "," + j);
      }
    }
  }
}
