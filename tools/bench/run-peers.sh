#!/usr/bin/env bash
# Runs the matrix-factorisation peer comparison (Spark MLlib ALS, Mahout RatingSGDFactorizer and
# reco's ALS/BiasedSVD in one JVM) with the JDK 17 flags Spark needs. See docs/peers.md.
#
#   ./mvnw -B -Ppeers -pl benchmarks -am package -DskipTests   # once (downloads the peers)
#   tools/bench/run-peers.sh [--size small|large] [other options; --help lists them]
#
# Environment: PEERS_HEAP (default 6g; use 20g or more for --size large),
#              PEERS_VECTOR=0 to leave out jdk.incubator.vector (reco then uses scalar kernels),
#              JAVA (default: java on the PATH), PEERS_JAVA_OPTS (extra JVM options),
#              PEERS_CLASSPATH (entries put before the module's classes, e.g. a directory with
#              classes of a reco-models build that has a trainer this checkout lacks).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
classes="$root/benchmarks/target/classes"
classpath_file="$root/benchmarks/target/peers.classpath"
if [[ ! -f "$classpath_file" || ! -f "$classes/dev/reco/benchmarks/peers/MfPeerComparison.class" ]]; then
  echo "run-peers.sh: $classpath_file or the peers classes are missing;" >&2
  echo "  build them first: ./mvnw -B -Ppeers -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi

# The module opens Spark 4.1 asks for on JDK 17 (its launcher's JavaModuleOptions).
opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)
vector=()
if [[ "${PEERS_VECTOR:-1}" != "0" ]]; then
  # Spark's launcher adds it too; with it reco's VectorOps.best() picks the SIMD kernels.
  vector=(--add-modules=jdk.incubator.vector)
fi
# Spark logs through SLF4J; slf4j-simple (the benchmarks module's binding) at WARN keeps it quiet.
quiet=(
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
  -Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error
  -Dlog4j2.level=WARN
)
# Spark binds and advertises loopback only (the session also sets spark.driver.host and
# spark.driver.bindAddress to 127.0.0.1).
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=localhost

# -Xss: Spark serialises the lineage of many ALS iterations recursively (StackOverflowError at
# 20 iterations with the default stack).
# shellcheck disable=SC2086
exec "${JAVA:-java}" -Xmx"${PEERS_HEAP:-6g}" -Xss64m -XX:+UseParallelGC \
  "${opens[@]}" "${vector[@]}" "${quiet[@]}" ${PEERS_JAVA_OPTS:-} \
  -cp "${PEERS_CLASSPATH:+$PEERS_CLASSPATH:}$classes:$(cat "$classpath_file")" \
  dev.reco.benchmarks.peers.MfPeerComparison "$@"
