#!/usr/bin/env bash
# The inbox under a slowloris attack: a Lattice node in its own JVM (InboxNode, default server
# limits, no per-address cap since load and attack share 127.0.0.1), and a load process
# (SlowlorisLoad) that posts signed Creates at a fixed rate with no attack, then again while
# CONNECTIONS slowloris connections send a header byte a second. The node is stopped by the PID
# this script started. Usage: benchmarks/slowloris-load.sh [RATE SECONDS CONNECTIONS]
# JAR=path/to/benchmarks.jar runs another build.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
RATE=${1:-400}
SECONDS_EACH=${2:-20}
CONNECTIONS=${3:-200}
SERVER_PORT=18080
LOAD_PORT=18090
LOG=$(mktemp)
java -Xms512m -Xmx512m ${NODE_JAVA_OPTS:-} -cp "$JAR" coop.lattice.benchmarks.InboxNode $SERVER_PORT $LOAD_PORT 0 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q "inbox node listening" "$LOG" && break; sleep 0.1; done
grep -q "inbox node listening" "$LOG" || { cat "$LOG"; exit 1; }
grep "inbox node listening" "$LOG"
java -Xmx1g -cp "$JAR" coop.lattice.benchmarks.SlowlorisLoad $LOAD_PORT \
  http://127.0.0.1:$SERVER_PORT/collectives/bench/inbox http://127.0.0.1:$SERVER_PORT/collectives/bench \
  "$RATE" "$SECONDS_EACH" "$CONNECTIONS"
