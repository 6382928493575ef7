#!/usr/bin/env bash
# Runs the magnetic-store encoding benchmark (io.strata.bench.encoding.EncodingBenchmark).
# Builds first if the classes are missing or older than the sources. Extra arguments go to the
# benchmark, e.g.: bench/run-encoding-bench.sh --block-points 10000 --datasets cpu
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

main_class=bench/target/classes/io/strata/bench/encoding/EncodingBenchmark.class
if [ ! -f "$main_class" ] \
   || [ -n "$(find bench/src tier-manager/src/main core/src/main -newer "$main_class" -type f -print -quit)" ]; then
  ./mvnw -T1 -B -q -pl bench -am package -DskipTests
fi

# The encodings need only these modules; -Xmx1g holds the largest dataset (10 M doubles) twice.
classpath=bench/target/classes:tier-manager/target/classes:core/target/classes
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC ${BENCH_JVM_OPTS:-} \
  -cp "$classpath" io.strata.bench.encoding.EncodingBenchmark "$@"
