/**
 * JMH benchmarks. Build with {@code ./mvnw -pl benchmarks -am package -DskipTests}, run with
 * {@code java -jar benchmarks/target/benchmarks.jar [regex]}; results are recorded in
 * {@code docs/benchmarks.md}.
 */
package dev.reco.benchmarks;
