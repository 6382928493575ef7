#!/usr/bin/env bash
# The long chaos run (see CHAOS.md): a random fault schedule of the given length against real node processes.
#   chaos-tests/run-long.sh [duration, ISO-8601, default PT30M] [seed, default fresh] [nodes, default 3]
# Only LongChaosRunTest runs (-Dtest), in chaos-tests; the upstream modules are built, not tested.
# The report table is at the end of chaos-tests/target/surefire-reports/io.strata.chaos.run.LongChaosRunTest-output.txt
# and in chaos-tests/target/chaos/long-<seed>/report.txt, with history.jsonl and every node's log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-PT30M}"
seed="${2:-}"
nodes="${3:-3}"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
cd "$root"
exec ./mvnw -T1 -B -pl chaos-tests -am verify -Pchaos-long \
  -Dtest=LongChaosRunTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.duration="$duration" -Dchaos.nodes="$nodes" ${seed:+-Dchaos.seed="$seed"}
