#!/usr/bin/env bash
# The docker-compose topology as real processes on this machine: one standalone ZooKeeper and three
# `strata server` nodes in zones a, b and c, data under ./data/local-cluster/.
#
#   ops/local-cluster.sh [start]   start everything, wait until every node is ready, print the endpoints
#   ops/local-cluster.sh stop      stop the nodes, then ZooKeeper (SIGTERM, SIGKILL after a grace period)
#   ops/local-cluster.sh status    say what is running
#
# Ports (node a, b, c = base, base+1, base+2) and places, overridable from the environment:
#   STRATA_LOCAL_DIR (./data/local-cluster under the repository), STRATA_LOCAL_ZOOKEEPER_PORT (2181),
#   STRATA_LOCAL_GRPC_PORT (7400), STRATA_LOCAL_RAFT_PORT (7410), STRATA_LOCAL_HTTP_PORT (7480),
#   STRATA_LOCAL_METRICS_PORT (7490), STRATA_LOCAL_READY_TIMEOUT (seconds, 180),
#   STRATA_LOCAL_STOP_TIMEOUT (seconds per process before SIGKILL, 30).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

dir="${STRATA_LOCAL_DIR:-$root/data/local-cluster}"
zookeeper_port="${STRATA_LOCAL_ZOOKEEPER_PORT:-2181}"
grpc_port="${STRATA_LOCAL_GRPC_PORT:-7400}"
raft_port="${STRATA_LOCAL_RAFT_PORT:-7410}"
http_port="${STRATA_LOCAL_HTTP_PORT:-7480}"
metrics_port="${STRATA_LOCAL_METRICS_PORT:-7490}"
ready_timeout="${STRATA_LOCAL_READY_TIMEOUT:-180}"
stop_timeout="${STRATA_LOCAL_STOP_TIMEOUT:-30}"
zones=(a b c)

log() { echo "local-cluster: $*" >&2; }

pid_file() { echo "$dir/run/$1.pid"; }

# The pid in $1's pid file if that process is alive, else nothing.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

java_binary() {
  if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    echo /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else
    echo "${JAVA_HOME:+$JAVA_HOME/bin/}java"
  fi
}

# Alive and not a zombie (a child this script killed but has not reaped yet counts as stopped).
alive() {
  kill -0 "$1" 2>/dev/null && ! ps -o stat= -p "$1" 2>/dev/null | grep -q '^Z'
}

# The server's libraries hold the ZooKeeper server except the two jars ZooKeeper's pom marks "provided"
# that its server needs at start (metrics, snapshot compression); fetch those once through the Maven wrapper.
zookeeper_provided=(io.dropwizard.metrics:metrics-core:4.1.12.1 org.xerial.snappy:snappy-java:1.1.10.5)
zookeeper_classpath() {
  local artifact name version
  for artifact in "${zookeeper_provided[@]}"; do
    IFS=: read -r _ name version <<<"$artifact"
    if [ ! -f "$dir/zookeeper/lib/$name-$version.jar" ] && ! compgen -G "$root/server/target/lib/$name-*.jar" >/dev/null; then
      log "fetching $artifact for the ZooKeeper server ..."
      (cd "$root" && JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(java_binary)")")}" \
        ./mvnw -q -B -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$dir/zookeeper/lib") >&2
    fi
  done
  echo "$root/server/target/lib/*:$dir/zookeeper/lib/*"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ZooKeeper answers its "srvr" four-letter command (whitelisted in the generated zoo.cfg).
zookeeper_serving() {
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf srvr >&3 && grep -q "Zookeeper version" <&3' _ "$1" \
    2>/dev/null
}

# Starts "$@" detached (own session, so a terminal's Ctrl-C or hang-up does not reach it), logging to
# $dir/logs/$name.log, and records its pid.
launch() {
  local name="$1"
  shift
  setsid "$@" >"$dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

stop_one() {
  local name="$1" pid waited=0
  if pid="$(running_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    while alive "$pid"; do
      if [ "$waited" -ge $((stop_timeout * 10)) ]; then
        log "$name (pid $pid) did not stop in ${stop_timeout}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    log "stopped $name (pid $pid)"
  fi
  rm -f "$(pid_file "$name")"
}

stop_all() {
  local zone
  for zone in "${zones[@]}"; do stop_one "node-$zone"; done
  stop_one zookeeper
}

status() {
  local name pid any=1
  for name in zookeeper node-a node-b node-c; do
    if pid="$(running_pid "$name")"; then
      echo "$name running (pid $pid)"
      any=0
    else
      echo "$name stopped"
    fi
  done
  return "$any"
}

# Fails (after stopping everything) if $1 died; its log tells why.
require_alive() {
  if ! running_pid "$1" >/dev/null; then
    log "$1 exited; the end of $dir/logs/$1.log:"
    tail -n 30 "$dir/logs/$1.log" >&2 || true
    stop_all
    exit 1
  fi
}

start() {
  local zone index java jar deadline
  for name in zookeeper node-a node-b node-c; do
    if running_pid "$name" >/dev/null; then
      log "$name is already running; 'ops/local-cluster.sh stop' first"
      exit 1
    fi
  done
  for port in "$zookeeper_port" \
    $(for index in 0 1 2; do
        echo $((grpc_port + index)) $((raft_port + index)) $((http_port + index)) $((metrics_port + index))
      done); do
    if port_open "$port"; then
      log "port $port is already in use on 127.0.0.1; stop what uses it or move the ports (STRATA_LOCAL_*_PORT)"
      exit 1
    fi
  done
  mkdir -p "$dir/run" "$dir/logs" "$dir/zookeeper/data" "$dir/nodes"
  java="$(java_binary)"
  jar="$root/server/target/strata-server.jar"
  if [ ! -f "$jar" ]; then
    log "building the server (first run) ..."
    "$root/bin/strata" --version >/dev/null
  fi

  cat >"$dir/zookeeper/zoo.cfg" <<EOF
tickTime=2000
dataDir=$dir/zookeeper/data
clientPort=$zookeeper_port
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=srvr,ruok
EOF
  launch zookeeper "$java" -Xmx256m -cp "$(zookeeper_classpath)" \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$dir/zookeeper/zoo.cfg"
  deadline=$((SECONDS + ready_timeout))
  until zookeeper_serving "$zookeeper_port"; do
    require_alive zookeeper
    if [ "$SECONDS" -ge "$deadline" ]; then log "ZooKeeper did not serve on port $zookeeper_port"; stop_all; exit 1; fi
    sleep 0.2
  done
  log "ZooKeeper listening on 127.0.0.1:$zookeeper_port"

  for index in 0 1 2; do
    zone="${zones[$index]}"
    launch "node-$zone" "$root/bin/strata" server --node-id "node-$zone" --zone "$zone" \
      --zookeeper "127.0.0.1:$zookeeper_port" --data-dir "$dir/nodes" --host 127.0.0.1 \
      --grpc-port $((grpc_port + index)) --raft-port $((raft_port + index)) \
      --http-port $((http_port + index)) --metrics-port $((metrics_port + index))
  done

  for index in 0 1 2; do
    zone="${zones[$index]}"
    until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$((metrics_port + index))/health/ready"; do
      require_alive "node-$zone"
      if [ "$SECONDS" -ge "$deadline" ]; then
        log "node-$zone was not ready in ${ready_timeout}s:"
        curl -sS --max-time 5 "http://127.0.0.1:$((metrics_port + index))/health/ready" >&2 || true
        stop_all
        exit 1
      fi
      sleep 0.5
    done
    log "node-$zone ready"
  done

  echo "Strata local cluster is ready (data and logs under $dir):"
  echo "  ZooKeeper        127.0.0.1:$zookeeper_port"
  for index in 0 1 2; do
    zone="${zones[$index]}"
    echo "  node-$zone (zone $zone)  gRPC 127.0.0.1:$((grpc_port + index))  Timestream HTTP http://127.0.0.1:$((http_port + index))  metrics http://127.0.0.1:$((metrics_port + index))/metrics"
  done
  echo "Stop it with: ops/local-cluster.sh stop"
}

case "${1:-start}" in
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  *) echo "usage: ops/local-cluster.sh [start|stop|status]" >&2; exit 2 ;;
esac
