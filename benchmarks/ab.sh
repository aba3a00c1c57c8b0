#!/usr/bin/env bash
# A same-run A/B of two builds of the benchmarks jar: the inbox load and the outbox load, runs
# alternating between the two builds so that both see the same machine. Prints each run's figure
# and the medians. Usage: benchmarks/ab.sh BEFORE.jar AFTER.jar [RUNS]
# Make the jars with `mvn -B -q package -DskipTests` on each commit and copy
# benchmarks/target/benchmarks.jar aside.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1
AFTER=$2
RUNS=${3:-5}
OUT=$(mktemp -d)
for i in $(seq 1 "$RUNS"); do
  for build in before after; do
    jar=$BEFORE; [ "$build" = after ] && jar=$AFTER
    JAR=$jar benchmarks/inbox-load.sh lattice 5000 20000 64 | grep '^measured' \
      | sed -E 's/.* ([0-9]+) accepted\/s.*/\1/' >>"$OUT/inbox-$build"
    java -cp "$jar" coop.lattice.benchmarks.OutboxLoad 100 200 32 | grep 'signed deliveries' \
      | sed -E 's/.* ([0-9.]+)\/s per core.*/\1/' >>"$OUT/outbox-$build"
    echo "run $i $build: inbox $(tail -1 "$OUT/inbox-$build")/s, outbox $(tail -1 "$OUT/outbox-$build")/s per core"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for what in inbox outbox; do
  b=$(median "$OUT/$what-before"); a=$(median "$OUT/$what-after")
  echo "$what: before $(paste -sd/ "$OUT/$what-before") median $b; after $(paste -sd/ "$OUT/$what-after") median $a; ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')"
done
