package dev.reco.models.svd;

/**
 * Derives independent 64-bit seeds from (seed, stream, indexes) with the SplitMix64 finaliser, so
 * each random task (a row's initial factors, a block's shuffle in an epoch) has its own generator
 * whatever thread runs it.
 */
final class Seeds {
  static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  /** Stream of the user layout permutation. */
  static final long USER_LAYOUT = 1;
  /** Stream of the item layout permutation. */
  static final long ITEM_LAYOUT = 2;
  /** Stream of the initial user factors. */
  static final long USER_INIT = 3;
  /** Stream of the initial item factors. */
  static final long ITEM_INIT = 4;
  /** Stream of the per-epoch block shuffles. */
  static final long SHUFFLE = 5;

  private Seeds() {}

  /** Returns a seed for (seed, stream, a). */
  static long derive(long seed, long stream, long a) {
    return mix64(mix64(mix64(seed) + stream * GOLDEN_GAMMA) + (a + 1) * GOLDEN_GAMMA);
  }

  /** Returns a seed for (seed, stream, a, b). */
  static long derive(long seed, long stream, long a, long b) {
    return mix64(derive(seed, stream, a) + (b + 1) * GOLDEN_GAMMA);
  }

  /** SplitMix64 finaliser (Stafford variant 13). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
