package dev.reco.models.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reco.core.format.Provenance;
import dev.reco.models.svd.BiasedSvdConfig.BlockLayout;
import dev.reco.models.svd.BiasedSvdConfig.RatingScale;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BiasedSvdConfigTest {
  @Test
  void defaultsAreSurprisesSvdDefaults() {
    BiasedSvdConfig c = BiasedSvdConfig.defaults();
    // surprise.SVD(n_factors=100, n_epochs=20, init_mean=0, init_std_dev=0.1, lr_all=0.005,
    //              reg_all=0.02)
    assertEquals(100, c.factors());
    assertEquals(20, c.epochs());
    assertEquals(0.0, c.initMean());
    assertEquals(0.1, c.initStd());
    for (double lr : new double[] {c.lrBu(), c.lrBi(), c.lrPu(), c.lrQi()}) {
      assertEquals(0.005, lr);
    }
    for (double reg : new double[] {c.regBu(), c.regBi(), c.regPu(), c.regQi()}) {
      assertEquals(0.02, reg);
    }
    // and this library's settings
    assertTrue(c.shuffle());
    assertNull(c.ratingScale());
    assertEquals(8, c.blocks());
    assertEquals(BlockLayout.SHUFFLED, c.blockLayout());
    assertEquals(42L, c.seed());
  }

  @Test
  void copiesChangeOneSetting() {
    BiasedSvdConfig c = BiasedSvdConfig.defaults();
    assertEquals(new BiasedSvdConfig(8, 20, 0.005, 0.005, 0.005, 0.005, 0.02, 0.02, 0.02, 0.02,
        0.0, 0.1, true, null, 8, BlockLayout.SHUFFLED, 42L), c.withFactors(8));
    assertEquals(7, c.withEpochs(7).epochs());
    BiasedSvdConfig lr = c.withLearningRates(0.1, 0.2, 0.3, 0.4);
    assertEquals(0.1, lr.lrBu());
    assertEquals(0.2, lr.lrBi());
    assertEquals(0.3, lr.lrPu());
    assertEquals(0.4, lr.lrQi());
    assertEquals(c.withLearningRates(0.01, 0.01, 0.01, 0.01), c.withLearningRate(0.01));
    BiasedSvdConfig reg = c.withRegularizations(0.5, 0.6, 0.7, 0.8);
    assertEquals(0.5, reg.regBu());
    assertEquals(0.6, reg.regBi());
    assertEquals(0.7, reg.regPu());
    assertEquals(0.8, reg.regQi());
    assertEquals(c.withRegularizations(0.1, 0.1, 0.1, 0.1), c.withRegularization(0.1));
    assertEquals(0.3, c.withInit(0.3, 0.2).initMean());
    assertEquals(0.2, c.withInit(0.3, 0.2).initStd());
    assertFalse(c.withShuffle(false).shuffle());
    assertEquals(new RatingScale(1, 5), c.withRatingScale(1, 5).ratingScale());
    assertNull(c.withRatingScale(1, 5).withObservedRatingScale().ratingScale());
    assertEquals(16, c.withBlocks(16).blocks());
    assertEquals(BlockLayout.RANGES, c.withBlockLayout(BlockLayout.RANGES).blockLayout());
    assertEquals(-3L, c.withSeed(-3).seed());
    assertEquals(c, c.withFactors(8).withFactors(100));
  }

  private static void assertRejected(Supplier<?> make, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void outOfRangeValuesAreRejectedNamingThem() {
    BiasedSvdConfig c = BiasedSvdConfig.defaults();
    assertRejected(() -> c.withFactors(0), "factors = 0", "1 <= factors <= 4096");
    assertRejected(() -> c.withFactors(-5), "factors = -5");
    assertRejected(() -> c.withFactors(4097), "factors = 4097");
    assertRejected(() -> c.withEpochs(0), "epochs = 0", "epochs >= 1");
    assertRejected(() -> c.withLearningRates(-0.1, 0, 0, 0), "lrBu = -0.1", ">= 0");
    assertRejected(() -> c.withLearningRates(0, Double.NaN, 0, 0), "lrBi = NaN");
    assertRejected(() -> c.withLearningRates(0, 0, Double.POSITIVE_INFINITY, 0),
        "lrPu = Infinity");
    assertRejected(() -> c.withLearningRates(0, 0, 0, -1), "lrQi = -1.0");
    assertRejected(() -> c.withRegularizations(-1, 0, 0, 0), "regBu = -1.0");
    assertRejected(() -> c.withRegularizations(0, -1, 0, 0), "regBi = -1.0");
    assertRejected(() -> c.withRegularizations(0, 0, Double.NaN, 0), "regPu = NaN");
    assertRejected(() -> c.withRegularizations(0, 0, 0, Double.NEGATIVE_INFINITY),
        "regQi = -Infinity");
    assertRejected(() -> c.withInit(Double.NaN, 0.1), "initMean = NaN");
    assertRejected(() -> c.withInit(0, -0.1), "initStd = -0.1");
    assertRejected(() -> c.withRatingScale(5, 1), "ratingScale = [5.0, 1.0]", "min < max");
    assertRejected(() -> c.withRatingScale(3, 3), "ratingScale = [3.0, 3.0]");
    assertRejected(() -> c.withRatingScale(Double.NaN, 3), "ratingScale = [NaN, 3.0]");
    assertRejected(() -> c.withBlocks(0), "blocks = 0", "1 <= blocks <= 256");
    assertRejected(() -> c.withBlocks(257), "blocks = 257");
    assertThrows(NullPointerException.class, () -> c.withBlockLayout(null));
  }

  @Test
  void zeroRatesAndZeroSpreadAreAllowed() {
    BiasedSvdConfig c = BiasedSvdConfig.defaults().withLearningRate(0).withRegularization(0)
        .withInit(0, 0);
    assertEquals(0.0, c.lrPu());
    assertEquals(0.0, c.regQi());
    assertEquals(0.0, c.initStd());
  }

  @Test
  void jsonRoundTripThroughProvenance() {
    BiasedSvdConfig c = BiasedSvdConfig.defaults().withFactors(12).withLearningRates(0.1, 0.2,
        0.3, 0.4).withRatingScale(0.5, 5).withBlockLayout(BlockLayout.RANGES).withSeed(-9);
    Provenance p = Provenance.capture("biased-svd", c, null, c.seed(),
        InstantSource.fixed(Instant.EPOCH));
    assertTrue(p.configJson().contains("\"blockLayout\":\"RANGES\""), p.configJson());
    assertEquals(c, p.configAs(BiasedSvdConfig.class));
    assertEquals(c, Provenance.fromJson(p.toJson()).configAs(BiasedSvdConfig.class));
    BiasedSvdConfig observed = c.withObservedRatingScale();
    assertEquals(observed, Provenance.capture("biased-svd", observed, null, c.seed(),
        InstantSource.fixed(Instant.EPOCH)).configAs(BiasedSvdConfig.class));
  }
}
