package dev.reco.monitoring.profile;

/**
 * The outcome of a sketch-based two-sample Kolmogorov-Smirnov comparison ({@link SketchKs}).
 *
 * @param statistic the KS distance between the two sketches' CDFs, {@code D_hat}, in {@code [0, 1]}
 * @param location a value where {@code D_hat} is reached
 * @param rankErrorBound the sum of the two sketches' rank-error bounds, {@code eps}; 0 when both
 *     sketches are exact
 * @param adjustedStatistic {@code max(0, D_hat - eps)}: a lower bound on the KS distance of the
 *     data (with about 98% confidence)
 * @param pValue the asymptotic two-sided KS p-value of {@code adjustedStatistic}: conservative,
 *     an upper bound on the p-value of the data's own KS distance
 * @param rawPValue the asymptotic p-value of {@code D_hat} itself, with the rank error ignored;
 *     reported for comparison only, since it false-alarms on large samples
 * @param threshold the smallest {@code D_hat} that counts as drift at {@code alpha}: the
 *     asymptotic critical value {@code lambda_alpha * sqrt((n + m) / (n m))} plus {@code eps}
 * @param alpha the significance level the verdict uses
 * @param drifted whether {@code pValue < alpha}, equivalently {@code statistic > threshold}
 * @param n values in the reference sketch
 * @param m values in the current sketch
 */
public record SketchKsResult(double statistic, double location, double rankErrorBound,
    double adjustedStatistic, double pValue, double rawPValue, double threshold, double alpha,
    boolean drifted, long n, long m) {}
