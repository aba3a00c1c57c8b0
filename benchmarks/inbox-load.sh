#!/usr/bin/env bash
# The inbox load test: a separate load process posts pre-signed Create activities to a Lattice
# node, or to the Fedify peer, over loopback. Each server is stopped by the PID this script
# started. Usage: benchmarks/inbox-load.sh lattice|fedify [WARMUP MEASURED IN_FLIGHT [SENDER]]
# SENDER is cavage (RSA draft-cavage, as Mastodon sends) or lattice (RFC 9421 Ed25519 and an
# FEP-8b32 proof, as Lattice nodes send each other); see InboxLoad.
# JAR=path/to/benchmarks.jar runs another build (for same-run A/B comparisons, see ab.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
TARGET=${1:-lattice}
WARMUP=${2:-5000}
MEASURED=${3:-20000}
IN_FLIGHT=${4:-64}
SENDER=${5:-cavage}
SERVER_PORT=18080
LOAD_PORT=18090
LOG=$(mktemp)
if [ "$TARGET" = lattice ]; then
  java -Xms512m -Xmx512m ${NODE_JAVA_OPTS:-} -cp "$JAR" coop.lattice.benchmarks.InboxNode $SERVER_PORT $LOAD_PORT >"$LOG" 2>&1 &
  INBOX=http://127.0.0.1:$SERVER_PORT/collectives/bench/inbox
  ACTOR=http://127.0.0.1:$SERVER_PORT/collectives/bench
  READY="inbox node listening"
else
  PEER=federation/target/fedify-peer
  mkdir -p $PEER && cp federation/src/test/peers/fedify/package.json federation/src/test/peers/fedify/server.mjs $PEER/
  [ -d $PEER/node_modules/@fedify/fedify ] || (cd $PEER && npm install --no-audit --no-fund --loglevel=error)
  (cd $PEER && exec node server.mjs $SERVER_PORT) >"$LOG" 2>&1 &
  INBOX=http://127.0.0.1:$SERVER_PORT/users/peer/inbox
  ACTOR=http://127.0.0.1:$SERVER_PORT/users/peer
  READY="fedify-peer listening"
fi
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q "$READY" "$LOG" && break; sleep 0.1; done
grep -q "$READY" "$LOG" || { cat "$LOG"; exit 1; }
# The server's CPU time (user + system, in clock ticks) from /proc, around the whole load (warm-up
# included): CPU per request is steadier than throughput on a shared machine.
cpu() { awk '{print $14 + $15}' /proc/$PID/stat; }
CPU0=$(cpu)
${LOAD_WRAP:-} java -Xmx1g -Dserver.pid=$PID ${LOAD_CLIENT:+-Dload.client=$LOAD_CLIENT} -cp "$JAR" coop.lattice.benchmarks.InboxLoad $LOAD_PORT "$INBOX" "$ACTOR" "$WARMUP" "$MEASURED" "$IN_FLIGHT" "$SENDER"
CPU1=$(cpu)
awk -v t=$((CPU1 - CPU0)) -v hz="$(getconf CLK_TCK)" -v n=$((WARMUP + MEASURED)) \
  'BEGIN {printf "server CPU: %.2f s for %d requests (warm-up included), %.3f ms per request\n", t / hz, n, 1000 * t / hz / n}'
