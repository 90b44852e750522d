/**
 * Peers of reco's matrix factorisation, measured in the same JVM on the same data: Spark MLlib
 * ALS ({@link dev.reco.benchmarks.peers.SparkAlsPeer}) and Apache Mahout's
 * {@code RatingSGDFactorizer} ({@link dev.reco.benchmarks.peers.MahoutSgdPeer}), a seeded
 * explicit-ratings generator ({@link dev.reco.benchmarks.peers.SyntheticRatings}) and the
 * comparison program ({@link dev.reco.benchmarks.peers.MfPeerComparison}).
 *
 * <p>Compiled only with the {@code peers} Maven profile of the benchmarks module
 * ({@code ./mvnw -B -Ppeers -pl benchmarks -am package -DskipTests}); run with
 * {@code tools/bench/run-peers.sh}. See {@code docs/peers.md}.
 */
package dev.reco.benchmarks.peers;
