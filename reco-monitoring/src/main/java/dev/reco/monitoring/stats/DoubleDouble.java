package dev.reco.monitoring.stats;

/**
 * An unevaluated sum {@code hi + lo} of two doubles with {@code |lo| <= ulp(hi) / 2}: about 106
 * bits of significand, used where the one-sided Smirnov sum needs more than a double holds.
 *
 * <p>Algorithms of Dekker (1971) and Knuth (TAOCP vol. 2) as collected in the QD library of Hida,
 * Li and Bailey ("Library for Double-Double and Quad-Double Arithmetic", 2007); products use
 * {@link Math#fma} for the exact error term.
 */
record DoubleDouble(double hi, double lo) {
  static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
  static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

  static DoubleDouble of(double a) {
    return new DoubleDouble(a, 0.0);
  }

  double value() {
    return hi + lo;
  }

  boolean isZero() {
    return hi == 0.0;
  }

  boolean isFinite() {
    return Double.isFinite(hi);
  }

  private static DoubleDouble quickTwoSum(double a, double b) {
    double s = a + b;
    double e = b - (s - a);
    return new DoubleDouble(s, e);
  }

  /** Exact sum of two doubles. */
  static DoubleDouble sum(double a, double b) {
    double s = a + b;
    double bb = s - a;
    double e = (a - (s - bb)) + (b - bb);
    return new DoubleDouble(s, e);
  }

  /** Exact product of two doubles. */
  static DoubleDouble product(double a, double b) {
    double p = a * b;
    return new DoubleDouble(p, Math.fma(a, b, -p));
  }

  /** Quotient of two doubles to double-double precision. */
  static DoubleDouble quotient(double a, double b) {
    double q1 = a / b;
    DoubleDouble p = product(q1, b);
    DoubleDouble s = sum(a, -p.hi);
    double e = s.lo - p.lo;
    double q2 = (s.hi + e) / b;
    return quickTwoSum(q1, q2);
  }

  DoubleDouble add(DoubleDouble b) {
    DoubleDouble s = sum(hi, b.hi);
    DoubleDouble t = sum(lo, b.lo);
    double s2 = s.lo + t.hi;
    DoubleDouble u = quickTwoSum(s.hi, s2);
    double u2 = u.lo + t.lo;
    return quickTwoSum(u.hi, u2);
  }

  DoubleDouble add(double b) {
    DoubleDouble s = sum(hi, b);
    return quickTwoSum(s.hi, s.lo + lo);
  }

  DoubleDouble negate() {
    return new DoubleDouble(-hi, -lo);
  }

  DoubleDouble subtract(DoubleDouble b) {
    return add(b.negate());
  }

  DoubleDouble subtract(double b) {
    return add(-b);
  }

  DoubleDouble multiply(DoubleDouble b) {
    DoubleDouble p = product(hi, b.hi);
    double p2 = p.lo + (hi * b.lo + lo * b.hi);
    return quickTwoSum(p.hi, p2);
  }

  DoubleDouble multiply(double b) {
    DoubleDouble p = product(hi, b);
    return quickTwoSum(p.hi, p.lo + lo * b);
  }

  DoubleDouble divide(DoubleDouble b) {
    double q1 = hi / b.hi;
    DoubleDouble r = subtract(b.multiply(q1));
    double q2 = r.hi / b.hi;
    r = r.subtract(b.multiply(q2));
    double q3 = r.hi / b.hi;
    return quickTwoSum(q1, q2).add(q3);
  }

  DoubleDouble divide(double b) {
    return divide(of(b));
  }

  DoubleDouble reciprocal() {
    return ONE.divide(this);
  }

  /** Largest integer not above this value (exact). */
  DoubleDouble floor() {
    double h = Math.floor(hi);
    double l = 0.0;
    if (h == hi) {
      l = Math.floor(lo);
    }
    return quickTwoSum(h, l);
  }

  /** This value times {@code 2^e} (exact barring overflow or underflow). */
  DoubleDouble scalb(int e) {
    return new DoubleDouble(Math.scalb(hi, e), Math.scalb(lo, e));
  }

  /** The binary exponent {@code e} with {@code |hi| / 2^e} in {@code [0.5, 1)}; 0 for zero. */
  static int frexpExponent(double x) {
    if (x == 0.0 || !Double.isFinite(x)) {
      return 0;
    }
    int e = Math.getExponent(x);
    if (e == Double.MIN_EXPONENT - 1) { // subnormal
      return Math.getExponent(x * 0x1p54) - 54 + 1;
    }
    return e + 1;
  }

  /** Significand of this value in {@code [0.5, 1)} (by {@code hi}); the exponent goes in {@code e[0]}. */
  DoubleDouble frexp(int[] e) {
    int ex = frexpExponent(hi);
    e[0] = ex;
    return scalb(-ex);
  }

  /**
   * {@code this^m}, with {@code pow} on the high part and a first-order correction for the low
   * part: enough for the Smirnov terms, far cheaper than repeated double-double products.
   */
  DoubleDouble pow(int m) {
    if (m <= 0) {
      if (m == 0) {
        return ONE;
      }
      return pow(-m).reciprocal();
    }
    if (isZero()) {
      return ZERO;
    }
    double ans = Math.pow(hi, m);
    double r = lo / hi;
    double adj = m * r;
    if (Math.abs(adj) > 1e-8) {
      if (Math.abs(adj) < 1e-4) {
        adj += (m * r) * ((m - 1) / 2.0 * r);
      } else {
        adj = Math.expm1(m * Math.log1p(r));
      }
    }
    return sum(ans, ans * adj);
  }
}
