/**
 * Streaming drift profiles: a reference profile built once and live profiles updated per event,
 * both in constant memory, mergeable and stored in a versioned binary format.
 *
 * <ul>
 *   <li>{@link dev.reco.monitoring.profile.ProfileSchema}: the frozen layout, per column either
 *       {@link dev.reco.monitoring.profile.NumericBins} (edges frozen from the reference, with
 *       underflow and overflow bins) or a {@link dev.reco.monitoring.profile.CategoryDictionary}
 *       (frozen categories plus "other"); missing values are counted apart.
 *   <li>{@link dev.reco.monitoring.profile.SingleWriterProfile}: the counters and, per numeric
 *       column, a KLL quantile sketch; not thread-safe, fastest.
 *       {@link dev.reco.monitoring.profile.ConcurrentProfile}: many writers, stable snapshots
 *       (HdrHistogram's Recorder pattern).
 *   <li>{@link dev.reco.monitoring.profile.SketchKs}: two-sample KS on two sketches that
 *       accounts for their rank error.
 *   <li>{@link dev.reco.monitoring.profile.ProfileFormat}: serialize and deserialize.
 * </ul>
 *
 * <p>The bin counts feed count-level tests (PSI, chi-square, Jensen-Shannon) as they are. The
 * method and the binary layout are described in {@code docs/drift-profiles.md}.
 */
package dev.reco.monitoring.profile;
