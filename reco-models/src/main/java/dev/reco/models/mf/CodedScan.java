package dev.reco.models.mf;

import dev.reco.core.recommend.TopK;
import dev.reco.models.linalg.VectorOps;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The exact top {@code k} of a catalog from two passes: every item scored from its 8-bit codes
 * ({@link QuantizedRows}), which reads a quarter of the bytes of the float factors, then the
 * exact float scores of the few items the first pass cannot rule out.
 *
 * <p>First pass: each item gets an approximate score {@code a} and a bound {@code b} with
 * {@code |a - exact| <= b}, exact being the float score the tile-wise scan computes
 * ({@code dot(item, query)}, plus the item's bias in float). An eligible item is kept as a
 * candidate when its upper bound {@code a + b} reaches the {@code k}-th largest lower bound
 * {@code a - b} of the eligible items seen so far. Second pass: the candidates' exact scores,
 * offered in item order to a {@link TopKScan}.
 *
 * <p>Why the list is the float scan's list, item for item and bit for bit: every exact score is
 * at least its lower bound, so the {@code k}-th largest exact score is at least the final
 * {@code k}-th largest lower bound {@code T}; every item of the exact top {@code k} (ties
 * included) therefore has an upper bound of at least {@code T}, and at least the running
 * threshold when it was seen, so it is a candidate. Rounding goes the safe way throughout: the
 * bounds include float rounding on both sides, lower bounds are rounded down and upper bounds up
 * when stored as floats, and a cheap float pre-test only rejects items whose upper bound is below
 * the threshold by more than that pre-test's own rounding.
 *
 * <p>{@link #selectCosine} ranks by cosine similarity the same way: the bounds are divided by
 * the positive denominator {@code |q| |v_i|} (which keeps their order) and widened by the
 * rounding of the final float division.
 *
 * <p>The eligibility check runs at most once per item, only for items that pass the first
 * comparison. Not thread-safe; one instance per request.
 */
final class CodedScan {
  private final VectorOps ops;
  private final QuantizedRows codes;
  private final float[] itemFactors;
  private final float[] itemBias; // null: none
  private final int factors;

  /**
   * Creates a scan over a model's items.
   *
   * @param ops the kernels that also compute the exact scores
   * @param codes the items' codes
   * @param itemFactors the float factors, row-major
   * @param itemBias item biases, or null
   * @param factors factors per item
   */
  CodedScan(VectorOps ops, QuantizedRows codes, float[] itemFactors, float[] itemBias,
      int factors) {
    this.ops = ops;
    this.codes = codes;
    this.itemFactors = itemFactors;
    this.itemBias = itemBias;
    this.factors = factors;
  }

  /**
   * Selects the top {@code k} eligible items for a query vector by {@code dot(item, query)} plus
   * the item's bias.
   *
   * @param query the query's array
   * @param qOff its offset
   * @param k the list length, {@code >= 1}
   * @param eligibility which items may be listed; called at most once per item
   * @return the selection, or null when the scores could come near float overflow (the caller
   *     then scans the float factors)
   */
  TopKScan select(float[] query, int qOff, int k, IntPredicate eligibility) {
    return run(query, qOff, k, eligibility, null, null, 0f);
  }

  /**
   * Selects the top {@code k} eligible items by cosine similarity with a query vector, computed
   * as {@code MatrixFactorizationModel.similarItems} computes it from the float factors:
   * {@code (float) (dot(item, query) / (queryNorm * norms[item]))} in double, 0 where that
   * denominator is 0. Biases play no part.
   *
   * @param query the query's array
   * @param qOff its offset
   * @param queryNorm the query's norm as the float scan uses it
   * @param norms every item's norm as the float scan uses it
   * @param inverseNorms {@code 1 / norms[i]} in float, 0 for a zero norm
   * @param k the list length, {@code >= 1}
   * @param eligibility which items may be listed; called at most once per item
   * @return the selection, or null when the vectors are too small or too large for the bounds
   *     (the caller then scans the float factors)
   */
  TopKScan selectCosine(float[] query, int qOff, float queryNorm, float[] norms,
      float[] inverseNorms, int k, IntPredicate eligibility) {
    // below this the pre-test's float products could lose precision to underflow
    if (queryNorm > 0 && !(queryNorm * codes.minNorm >= 1e-20)) {
      return null;
    }
    return run(query, qOff, k, eligibility, norms, inverseNorms, queryNorm);
  }

  /** Both selections; {@code norms == null} ranks by dot product plus bias, else by cosine. */
  private TopKScan run(float[] query, int qOff, int k, IntPredicate eligibility, float[] norms,
      float[] inverseNorms, float queryNorm) {
    boolean cosine = norms != null;
    int n = codes.scales.length;
    double norm = 0;
    for (int j = 0; j < factors; j++) {
      double x = query[qOff + j];
      norm += x * x;
    }
    norm = Math.sqrt(norm) * (1 + 1e-12);
    double magnitude = 4 * norm * codes.maxNorm + codes.maxOffset;
    if (!(magnitude < 1e36)) {
      return null;
    }
    // absolute slack for products that underflow in float (the relative bounds do not cover them)
    double tiny = factors * (double) Float.MIN_NORMAL;
    // the pre-test's float arithmetic rounds by far less than 2^-16 of the magnitudes involved;
    // a cosine's magnitudes are at most about 1 + 3 slack / norm
    float normF = QuantizedRows.roundUp(norm * (1 + 0x1p-20));
    double margin = cosine
        ? (1 + 4 * codes.maxRelativeSlack) * 0x1p-16 + tiny / ((double) queryNorm * codes.minNorm)
        : magnitude * 0x1p-16 + tiny;
    float inverseQuery = queryNorm > 0 ? QuantizedRows.roundUp(1.0 / queryNorm) : 0f;
    float[] scales = codes.scales;
    float[] slack = codes.slack;
    float[] offsets = codes.offsets;

    TopK lows = new TopK(Math.min(k, n));
    float threshold = Float.NEGATIVE_INFINITY;
    float cut = Float.NEGATIVE_INFINITY;
    int[] candidates = new int[Math.min(n, 4 * k + 64)];
    float[] uppers = new float[candidates.length];
    int count = 0;
    int tileRows = Math.min(n, 4 * TiledScoring.tileRows(factors));
    float[] raw = new float[tileRows];
    float[] quick = new float[tileRows];
    for (int t = 0; t < n; t += tileRows) {
      int len = Math.min(tileRows, n - t);
      ops.scoreCodes(codes.codes, t, len, factors, query, qOff, raw, 0);
      // plain loops over arrays, which the JIT compiles to vector instructions
      float max = Float.NEGATIVE_INFINITY;
      if (cosine) {
        for (int r = 0; r < len; r++) {
          float v = (raw[r] * scales[t + r] + normF * slack[t + r])
              * (inverseNorms[t + r] * inverseQuery);
          quick[r] = v;
          max = Math.max(max, v);
        }
      } else {
        for (int r = 0; r < len; r++) {
          float v = raw[r] * scales[t + r] + offsets[t + r] + normF * slack[t + r];
          quick[r] = v;
          max = Math.max(max, v);
        }
      }
      if (max < cut) {
        continue;
      }
      for (int r = 0; r < len; r++) {
        if (quick[r] < cut) {
          continue;
        }
        int i = t + r;
        // the product of two floats is exact in double
        double a = raw[r] * (double) scales[i] + (cosine ? 0 : offsets[i]);
        // |a - exact float dot product (plus bias)| <= b, with the rounding of adding the bias
        double b = norm * slack[i] * (1 + 0x1p-22) + Math.abs(a) * 0x1p-22 + tiny;
        double upper = a + b;
        double lower = a - b;
        if (cosine) {
          double d = (double) queryNorm * norms[i];
          // the exact score is the float rounding of (dot / d), between these once widened
          upper = d == 0 ? 0 : upper / d;
          lower = d == 0 ? 0 : lower / d;
          upper += Math.abs(upper) * 0x1p-22;
          lower -= Math.abs(lower) * 0x1p-22;
        }
        if (upper >= threshold && eligibility.test(i)) {
          if (count == candidates.length) {
            candidates = Arrays.copyOf(candidates, Math.min(n, 2 * count));
            uppers = Arrays.copyOf(uppers, candidates.length);
          }
          candidates[count] = i;
          uppers[count++] = QuantizedRows.roundUp(upper);
          lows.offer(i, QuantizedRows.roundDown(lower));
          if (lows.isFull()) {
            threshold = lows.threshold();
            cut = QuantizedRows.roundDown(threshold - margin);
          }
        }
      }
    }
    TopKScan top = new TopKScan(i -> true, k, n);
    for (int c = 0; c < count; c++) {
      if (uppers[c] >= threshold) {
        int i = candidates[c];
        float score = ops.dot(itemFactors, i * factors, query, qOff, factors);
        if (cosine) {
          double d = (double) queryNorm * norms[i];
          score = d == 0 ? 0f : (float) (score / d);
        } else if (itemBias != null) {
          score += itemBias[i];
        }
        top.offer(i, score);
      }
    }
    return top;
  }
}
