#!/usr/bin/env bash
# Runs the cluster benchmarks (package io.strata.bench.cluster) against real bin/strata processes on
# loopback. Builds first (./mvnw -T1 -B -pl bench -am package -DskipTests) unless SKIP_BUILD=1.
#
#   bench/run-cluster-bench.sh ingest   [--records-per-request 10,50,100] [--writers 1,4,16,64] ...
#   bench/run-cluster-bench.sh failover [--rounds 5] ...
#   bench/run-cluster-bench.sh catchup  [--records 100000] [--rounds 3] ...
#   bench/run-cluster-bench.sh all      (the three, default arguments)
#
# BENCH_JVM_OPTS goes to the load generator's JVM; cluster processes get bin/strata's flags plus
# their own heap (see each benchmark's --cluster-heap). Results: stdout and, unless --report is
# given, appended to bench/target/cluster-bench/report.md. Every process started is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -T1 -B -q -pl bench -am package -DskipTests
fi

which="${1:-all}"
shift || true
work_dir=bench/target/cluster-bench
mkdir -p "$work_dir"
report_args=()
if [[ " $* " != *" --report "* ]]; then
  report_args=(--report "$work_dir/report.md")
fi

run() {
  local main_class="$1"
  shift
  echo "== $main_class $* (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  "$JAVA_HOME/bin/java" -Xmx1g ${BENCH_JVM_OPTS:-} --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -Dstrata.home="$PWD" \
    -cp "bench/target/classes:bench/target/lib/*" \
    "io.strata.bench.cluster.$main_class" --work-dir "$work_dir" "${report_args[@]}" "$@"
}

case "$which" in
  ingest) run IngestBenchmark "$@" ;;
  failover) run FailoverBenchmark "$@" ;;
  catchup) run CatchUpBenchmark "$@" ;;
  all)
    run IngestBenchmark "$@"
    run FailoverBenchmark "$@"
    run CatchUpBenchmark "$@"
    ;;
  *) echo "usage: $0 ingest|failover|catchup|all [--option value ...]" >&2; exit 64 ;;
esac
