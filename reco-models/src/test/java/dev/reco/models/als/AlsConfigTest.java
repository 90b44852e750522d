package dev.reco.models.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.Provenance;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AlsConfigTest {
  @Test
  void implicitDefaultsMatchTheImplicitLibraryExceptForFactors() {
    AlsConfig c = AlsConfig.implicitDefaults();
    assertEquals(64, c.factors());
    assertEquals(15, c.iterations());
    assertEquals(0.01, c.regularization());
    assertEquals(AlsConfig.RegularizationMode.PLAIN, c.regularizationMode());
    assertEquals(AlsConfig.Feedback.IMPLICIT, c.feedback());
    assertEquals(AlsConfig.Confidence.LINEAR, c.confidence());
    assertEquals(1.0, c.alpha());
    assertEquals(AlsConfig.Solver.CONJUGATE_GRADIENT, c.solver());
    assertEquals(3, c.cgSteps());
    assertEquals(42L, c.seed());
    assertEquals(0.01, c.initStd());
    assertTrue(c.computeLoss());
  }

  @Test
  void explicitDefaultsAreWeightedLambdaWithCholesky() {
    AlsConfig c = AlsConfig.explicitDefaults();
    assertEquals(AlsConfig.Feedback.EXPLICIT, c.feedback());
    assertEquals(0.1, c.regularization());
    assertEquals(AlsConfig.RegularizationMode.WEIGHTED, c.regularizationMode());
    assertEquals(AlsConfig.Solver.CHOLESKY, c.solver());
    assertEquals(64, c.factors());
  }

  @Test
  void copiesChangeOneSetting() {
    AlsConfig c = AlsConfig.implicitDefaults();
    assertEquals(new AlsConfig(8, 15, 0.01, AlsConfig.RegularizationMode.PLAIN,
        AlsConfig.Feedback.IMPLICIT, AlsConfig.Confidence.LINEAR, 1.0,
        AlsConfig.Solver.CONJUGATE_GRADIENT, 3, 42L, 0.01, true), c.withFactors(8));
    assertEquals(7, c.withIterations(7).iterations());
    assertEquals(0.5, c.withRegularization(0.5).regularization());
    assertEquals(AlsConfig.RegularizationMode.WEIGHTED,
        c.withRegularizationMode(AlsConfig.RegularizationMode.WEIGHTED).regularizationMode());
    assertEquals(AlsConfig.Feedback.EXPLICIT, c.withFeedback(AlsConfig.Feedback.EXPLICIT).feedback());
    assertEquals(AlsConfig.Confidence.ONE_PLUS_LINEAR,
        c.withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR).confidence());
    assertEquals(40.0, c.withAlpha(40).alpha());
    assertEquals(AlsConfig.Solver.CHOLESKY, c.withSolver(AlsConfig.Solver.CHOLESKY).solver());
    assertEquals(5, c.withCgSteps(5).cgSteps());
    assertEquals(-3L, c.withSeed(-3).seed());
    assertEquals(0.1, c.withInitStd(0.1).initStd());
    assertEquals(false, c.withComputeLoss(false).computeLoss());
    assertEquals(c, c.withFactors(8).withFactors(64));
  }

  private static void assertRejected(Supplier<AlsConfig> make, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void outOfRangeValuesAreRejectedNamingThem() {
    AlsConfig c = AlsConfig.implicitDefaults();
    assertRejected(() -> c.withFactors(0), "factors = 0", "1 <= factors <= 4096");
    assertRejected(() -> c.withFactors(-5), "factors = -5");
    assertRejected(() -> c.withFactors(4097), "factors = 4097");
    assertRejected(() -> c.withIterations(0), "iterations = 0", ">= 1");
    assertRejected(() -> c.withRegularization(0), "regularization = 0.0", "> 0");
    assertRejected(() -> c.withRegularization(-1), "regularization = -1.0");
    assertRejected(() -> c.withRegularization(Double.NaN), "regularization = NaN");
    assertRejected(() -> c.withRegularization(Double.POSITIVE_INFINITY), "regularization = Infinity");
    assertRejected(() -> c.withAlpha(0), "alpha = 0.0");
    assertRejected(() -> c.withAlpha(Double.NaN), "alpha = NaN");
    assertRejected(() -> c.withCgSteps(0), "cgSteps = 0");
    assertRejected(() -> c.withInitStd(0), "initStd = 0.0");
    assertRejected(() -> c.withInitStd(Double.POSITIVE_INFINITY), "initStd = Infinity");
    assertThrows(NullPointerException.class, () -> c.withSolver(null));
    assertThrows(NullPointerException.class, () -> c.withFeedback(null));
    assertThrows(NullPointerException.class, () -> c.withConfidence(null));
    assertThrows(NullPointerException.class, () -> c.withRegularizationMode(null));
  }

  @Test
  void jsonRoundTripThroughProvenance() {
    AlsConfig c = AlsConfig.explicitDefaults().withFactors(12).withAlpha(40).withSeed(-9)
        .withConfidence(AlsConfig.Confidence.ONE_PLUS_LINEAR).withComputeLoss(false);
    Provenance p = Provenance.capture("als", c, null, c.seed(), InstantSource.fixed(Instant.EPOCH));
    assertTrue(p.configJson().contains("\"confidence\":\"ONE_PLUS_LINEAR\""), p.configJson());
    assertEquals(c, p.configAs(AlsConfig.class));
    assertEquals(c, Provenance.fromJson(p.toJson()).configAs(AlsConfig.class));
  }
}
