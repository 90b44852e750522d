package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CholeskyTest {
  @Test
  void factorsAndSolvesAHandCase() {
    // A = [[4,2],[2,3]] = U^T U with U = [[2,1],[0,sqrt 2]] (2*2 = 4, 2*1 = 2, 1 + 2 = 3)
    // A^-1 = (1/8) [[3,-2],[-2,4]], so A x = (2,1) gives x = ((6 - 2)/8, (-4 + 4)/8) = (0.5, 0)
    double[] a = {4, 2, -99, 3}; // the lower triangle (-99) is never read
    assertEquals(true, Cholesky.factorUpper(a, 2));
    assertArrayEquals(new double[] {2, 1, -99, Math.sqrt(2)}, a, 1e-15);
    double[] b = {2, 1};
    Cholesky.solveUpper(a, 2, b);
    assertArrayEquals(new double[] {0.5, 0}, b, 1e-15);
  }

  @Test
  void rejectsMatricesThatAreNotPositiveDefinite() {
    assertFalse(Cholesky.factorUpper(new double[] {1, 2, 2, 1}, 2)); // eigenvalues 3 and -1
    assertFalse(Cholesky.factorUpper(new double[] {0, 0, 0, 1}, 2));
  }
}
