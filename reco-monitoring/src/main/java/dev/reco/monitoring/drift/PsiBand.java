package dev.reco.monitoring.drift;

/**
 * The customary reading of a population stability index: below 0.1 stable, 0.1 to 0.25 a
 * moderate shift, 0.25 or more a major shift. The bands ignore sample size; {@link Psi}'s verdict
 * adds a significance test so that small samples do not false-alarm.
 */
public enum PsiBand {
  /** {@code psi < 0.1}. */
  STABLE,
  /** {@code 0.1 <= psi < 0.25}. */
  MODERATE,
  /** {@code psi >= 0.25}. */
  MAJOR;

  /** Lower end of {@link #MODERATE}. */
  public static final double MODERATE_FROM = 0.1;

  /** Lower end of {@link #MAJOR}. */
  public static final double MAJOR_FROM = 0.25;

  /**
   * Returns the band of a PSI value.
   *
   * @param psi a PSI value, {@code >= 0}
   * @return its band
   * @throws IllegalArgumentException if {@code psi} is negative or {@code NaN}
   */
  public static PsiBand of(double psi) {
    if (!(psi >= 0.0)) {
      throw new IllegalArgumentException("psi = " + psi + "; expected psi >= 0");
    }
    return psi < MODERATE_FROM ? STABLE : psi < MAJOR_FROM ? MODERATE : MAJOR;
  }
}
