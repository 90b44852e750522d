package dev.reco.monitoring.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contracts of {@link NumericDriftTest} and {@link CategoricalDriftTest}, run against every
 * implementation: missing values counted and kept out, infinite values rejected by name, inputs
 * untouched, frozen references reusable, identical samples not drift, a large change drift.
 */
class DriftTestContractTest {

  /** The contract every numeric drift test meets. */
  abstract static class NumericContract {
    abstract NumericDriftTest test();

    private static double[] withMissing(double[] values, int every) {
      double[] out = new double[2 * values.length]; // a NaN before values 0, every, 2 every, ...
      int k = 0;
      for (int i = 0; i < values.length; i++) {
        if (i % every == 0) {
          out[k++] = Double.NaN;
        }
        out[k++] = values[i];
      }
      return java.util.Arrays.copyOf(out, k);
    }

    @Test
    void identicalSamplesAreNotDrift() {
      double[] x = Samples.normal(new SplittableRandom(11), 300, 5, 2);
      DriftResult r = test().test(x, x.clone());
      assertEquals(test().name(), r.test());
      assertEquals(0.0, r.effectSize(), 1e-12, r.toString());
      assertEquals(Verdict.NO_DRIFT, r.verdict());
      assertFalse(r.drifted());
    }

    @Test
    void aLargeShiftIsDrift() {
      SplittableRandom random = new SplittableRandom(12);
      DriftResult r = test().test(Samples.normal(random, 2000, 0, 1),
          Samples.normal(random, 2000, 1, 1));
      assertEquals(Verdict.DRIFT, r.verdict(), r.toString());
      assertTrue(r.effectSize() >= r.effectThreshold(), r.toString());
    }

    @Test
    void missingValuesAreCountedAndKeptOutOfTheStatistic() {
      SplittableRandom random = new SplittableRandom(13);
      double[] ref = Samples.normal(random, 400, 0, 1);
      double[] cur = Samples.normal(random, 300, 0.3, 1);
      DriftResult clean = test().test(ref, cur);
      double[] refMissing = withMissing(ref, 4); // 100 NaN
      double[] curMissing = withMissing(cur, 3); // 100 NaN
      DriftResult r = test().test(refMissing, curMissing);
      assertEquals(400, r.referenceCount());
      assertEquals(300, r.currentCount());
      assertEquals(100, r.referenceMissing());
      assertEquals(100, r.currentMissing());
      assertEquals(clean.statistic(), r.statistic(), 1e-12 * Math.max(1, clean.statistic()));
      assertEquals(clean.effectSize(), r.effectSize(),
          1e-12 * Math.max(1, clean.effectSize()));
      assertEquals(clean.pValue(), r.pValue(), 1e-12);
      assertEquals(clean.verdict(), r.verdict());
    }

    @Test
    void anAllMissingSideIsNotTested() {
      NumericReference frozen = test().freeze(new double[] {1, 2, 3, Double.NaN});
      DriftResult r = frozen.test(new double[] {Double.NaN, Double.NaN});
      assertEquals(Verdict.NOT_TESTED, r.verdict());
      assertFalse(r.drifted());
      assertEquals(3, r.referenceCount());
      assertEquals(1, r.referenceMissing());
      assertEquals(0, r.currentCount());
      assertEquals(2, r.currentMissing());
      assertTrue(Double.isNaN(r.statistic()));
    }

    @Test
    void infiniteValuesAreRejectedByName() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> test().test(new double[] {1, 2, 3}, new double[] {1, Double.NEGATIVE_INFINITY}));
      assertTrue(e.getMessage().contains("current[1] = -Infinity"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> test().freeze(new double[] {Double.POSITIVE_INFINITY, 1}));
      assertTrue(e.getMessage().contains("reference[0] = Infinity"), e.getMessage());
    }

    @Test
    void frozenReferenceIsReusableAndInputsStayUntouched() {
      SplittableRandom random = new SplittableRandom(14);
      double[] ref = withMissing(Samples.normal(random, 200, 0, 1), 10);
      double[] cur = withMissing(Samples.normal(random, 150, 0.2, 1.3), 7);
      double[] refCopy = ref.clone();
      double[] curCopy = cur.clone();
      NumericReference frozen = test().freeze(ref);
      DriftResult first = frozen.test(cur);
      assertEquals(first, frozen.test(cur));
      assertEquals(first, test().test(ref, cur));
      assertEquals(200, frozen.count());
      assertEquals(20, frozen.missing());
      assertArrayEquals(refCopy, ref);
      assertArrayEquals(curCopy, cur);
    }
  }

  /** The contract every categorical drift test meets. */
  abstract static class CategoricalContract {
    abstract CategoricalDriftTest test();

    private static final double[] SHARES = {0.5, 0.3, 0.15, 0.05};

    @Test
    void identicalSamplesAreNotDrift() {
      String[] x = Samples.categories(new SplittableRandom(21), 500, SHARES);
      DriftResult r = test().test(x, x.clone());
      assertEquals(test().name(), r.test());
      assertEquals(0.0, r.effectSize(), 1e-12, r.toString());
      assertEquals(Verdict.NO_DRIFT, r.verdict());
    }

    @Test
    void aLargeChangeIsDrift() {
      SplittableRandom random = new SplittableRandom(22);
      DriftResult r = test().test(Samples.categories(random, 2000, SHARES),
          Samples.categories(random, 2000, new double[] {0.2, 0.3, 0.3, 0.2}));
      assertEquals(Verdict.DRIFT, r.verdict(), r.toString());
    }

    @Test
    void missingLabelsAreCountedAndKeptOut() {
      DriftResult clean = test().test(new String[] {"a", "b", "b", "c"},
          new String[] {"a", "a", "c"});
      DriftResult r = test().test(new String[] {null, "a", "b", null, "b", "c"},
          new String[] {"a", null, "a", "c"});
      assertEquals(4, r.referenceCount());
      assertEquals(3, r.currentCount());
      assertEquals(2, r.referenceMissing());
      assertEquals(1, r.currentMissing());
      assertEquals(clean.statistic(), r.statistic(), 0.0);
      assertEquals(clean.pValue(), r.pValue(), 0.0);
      DriftResult none = test().test(new String[] {"a"}, new String[] {null, null});
      assertEquals(Verdict.NOT_TESTED, none.verdict());
      assertEquals(2, none.currentMissing());
    }

    @Test
    void orderOfRowsDoesNotMatterAndUnseenCategoriesRaiseTheStatistic() {
      DriftResult r = test().test(new String[] {"a", "b", "c", "a"},
          new String[] {"c", "b", "a", "a"});
      assertEquals(0.0, r.effectSize(), 1e-12);
      DriftResult unseen = test().test(new String[] {"a", "b", "c", "a"},
          new String[] {"c", "b", "a", "a", "z"});
      assertTrue(unseen.statistic() > r.statistic(), unseen.toString());
      assertEquals(BinDetail.Kind.UNSEEN, unseen.bins().get(unseen.bins().size() - 1).kind());
    }
  }

  @Nested
  class PsiNumeric extends NumericContract {
    @Override
    NumericDriftTest test() {
      return Psi.defaults();
    }
  }

  @Nested
  class PsiEqualWidth extends NumericContract {
    @Override
    NumericDriftTest test() {
      return Psi.defaults().withBins(BinSpec.equalWidth(8));
    }
  }

  @Nested
  class ChiSquareNumeric extends NumericContract {
    @Override
    NumericDriftTest test() {
      return ChiSquare.defaults();
    }
  }

  @Nested
  class JensenShannonNumeric extends NumericContract {
    @Override
    NumericDriftTest test() {
      return JensenShannon.defaults();
    }
  }

  @Nested
  class WassersteinNumeric extends NumericContract {
    @Override
    NumericDriftTest test() {
      return Wasserstein.defaults();
    }
  }

  @Nested
  class WassersteinPermutation extends NumericContract {
    @Override
    NumericDriftTest test() {
      return Wasserstein.defaults().withPermutations(99, 5);
    }
  }

  @Nested
  class KsNumeric extends NumericContract {
    @Override
    NumericDriftTest test() {
      return KsDrift.using(TestKs.BACKEND);
    }
  }

  @Nested
  class PsiCategorical extends CategoricalContract {
    @Override
    CategoricalDriftTest test() {
      return Psi.defaults();
    }
  }

  @Nested
  class ChiSquareCategorical extends CategoricalContract {
    @Override
    CategoricalDriftTest test() {
      return ChiSquare.defaults();
    }
  }

  @Nested
  class JensenShannonCategorical extends CategoricalContract {
    @Override
    CategoricalDriftTest test() {
      return JensenShannon.defaults();
    }
  }
}
