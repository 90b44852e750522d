package dev.reco.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

  @Test
  void closedFormsOfTheTDistribution() {
    for (double t : new double[] {-30, -2.5, -1, -0.2, 0, 0.3, 1, 4, 50}) {
      // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t) / pi
      assertEquals(0.5 + Math.atan(t) / Math.PI, SpecialFunctions.studentTCdf(t, 1), 1e-14);
      // df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2))
      assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), SpecialFunctions.studentTCdf(t, 2),
          1e-14);
      assertEquals(1 - SpecialFunctions.studentTCdf(t, 7), SpecialFunctions.studentTSf(t, 7),
          1e-14);
    }
    assertEquals(1.0, SpecialFunctions.studentTTwoSided(0.0, 5));
    assertEquals(0.0, SpecialFunctions.studentTTwoSided(Double.NEGATIVE_INFINITY, 5));
  }

  @Test
  void closedFormsOfGammaAndBeta() {
    assertEquals(0.0, SpecialFunctions.logGamma(1), 1e-15);
    assertEquals(0.0, SpecialFunctions.logGamma(2), 1e-15);
    assertEquals(Math.log(Math.sqrt(Math.PI)), SpecialFunctions.logGamma(0.5), 1e-15);
    assertEquals(Math.log(362880), SpecialFunctions.logGamma(10), 1e-14); // 9!
    assertEquals(Math.log(3628800), SpecialFunctions.logGamma(11), 1e-14); // 10!
    // B(2, 3) = 1! 2! / 4! = 1/12
    assertEquals(Math.log(1.0 / 12), SpecialFunctions.logBeta(2, 3), 1e-15);
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b
    assertEquals(0.3, SpecialFunctions.regularizedBeta(0.3, 0.7, 1, 1), 1e-15);
    assertEquals(Math.pow(0.3, 4.5), SpecialFunctions.regularizedBeta(0.3, 0.7, 4.5, 1), 1e-15);
    assertEquals(1 - Math.pow(0.7, 3), SpecialFunctions.regularizedBeta(0.3, 0.7, 1, 3), 1e-15);
  }

  @Test
  void rejectsInvalidArguments() {
    assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.studentTCdf(1, 0));
    assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.studentTCdf(Double.NaN, 3));
    assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logGamma(-1));
  }
}
