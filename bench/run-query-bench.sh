#!/usr/bin/env bash
# Runs the query latency benchmark (io.strata.bench.query.QueryBenchmark): the devops dataset in one
# real shard replica, the queries through the node's query path, memory tier then magnetic tier.
# Builds first (./mvnw -T1 -B -pl bench -am package -DskipTests) unless SKIP_BUILD=1. Extra arguments
# go to the benchmark, e.g.: bench/run-query-bench.sh --rounds 50 --queries groupby-host-hour-12h
#
# BENCH_JVM_OPTS goes to the JVM (e.g. a JFR recording). Results: stdout and appended to
# bench/target/query-bench/report.md. The shard's files live under bench/target/query-bench while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -T1 -B -q -pl bench -am package -DskipTests
fi

# Chronicle Queue (the shard's journal) needs these; the same list as the root pom's strata.jvm.flags.
jvm_flags=(--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED -Dchronicle.analytics.disable=true
  -Dchronicle.disk.monitor.disable=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

echo "== QueryBenchmark $* (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# 1 M rows of 10 doubles in the memory store (~150 MB) plus the query's working set fit in 2 GB.
exec "$JAVA_HOME/bin/java" -Xms2g -Xmx2g -XX:+UseParallelGC ${BENCH_JVM_OPTS:-} "${jvm_flags[@]}" \
  -cp "bench/target/classes:bench/target/lib/*" io.strata.bench.query.QueryBenchmark \
  --work-dir bench/target/query-bench "$@"
