#!/usr/bin/env bash
# Issue 21's same-run comparison: two builds of the benchmarks jar (before and after, each built
# with the same load programs), runs alternating so that both see the same machine:
#   inbox, cavage RSA senders       inbox-load.sh lattice 60000 40000 64 cavage
#   inbox, Lattice senders           inbox-load.sh lattice 60000 40000 64 lattice
#   outbox to Lattice inboxes        OutboxLoad 100 500 32 lattice 10
#   outbox to cavage-only servers    OutboxLoad 100 200 32 cavage 10
# then the Fedify peer once under the cavage inbox load (its ratio to the after build's median).
# The inbox warms up on 60,000 requests (INBOX_WARMUP to change it). InboxLoad prints the part of
# the server's CPU that its JIT compilers took in the measured phase: with a warm-up of 20,000
# (until 2026-12-02) they took 15 % of it (0.057 of 0.371 ms per request), with 60,000 3 to 6 %;
# with 5,000 (until 2026-12-01) they held 40 % of a profile of the whole run. Each inbox figure is
# accepted/s, then the server's CPU per request in the measured phase alone (ms), then the load
# process's.
# Usage: benchmarks/issue21-ab.sh BEFORE.jar AFTER.jar [RUNS [inbox]]   ("inbox": the inbox loads only)
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1
AFTER=$2
RUNS=${3:-3}
ONLY=${4:-all}
OUT=$(mktemp -d)
WARMUP=${INBOX_WARMUP:-60000}
inbox() { JAR=$1 benchmarks/inbox-load.sh lattice "$WARMUP" 40000 64 "$2" | grep -E '^measured' \
  | sed -E 's/.* ([0-9]+) accepted\/s.*/\1/;s/.*server ([0-9.]+) ms .*load process ([0-9.]+) ms .*/\1 \2/' | paste -sd' '; }
outbox() { java -cp "$1" coop.lattice.benchmarks.OutboxLoad 100 "$3" 32 "$2" 10 \
  | grep -E 'signed deliveries \(|^signing limit' | sed -E 's/.* ([0-9.]+)\/s per core \(.*/\1/;s/.* ([0-9.]+)\/s per core; .*/\1/' | paste -sd' '; }
for i in $(seq 1 "$RUNS"); do
  for build in before after; do
    jar=$BEFORE; [ "$build" = after ] && jar=$AFTER
    echo "$(inbox "$jar" cavage)" >>"$OUT/inbox-cavage-$build"
    echo "$(inbox "$jar" lattice)" >>"$OUT/inbox-lattice-$build"
    echo "run $i $build: inbox cavage $(tail -1 "$OUT/inbox-cavage-$build") | inbox lattice $(tail -1 "$OUT/inbox-lattice-$build")"
    [ "$ONLY" = inbox ] && continue
    echo "$(outbox "$jar" lattice 500)" >>"$OUT/outbox-lattice-$build"
    echo "$(outbox "$jar" cavage 200)" >>"$OUT/outbox-cavage-$build"
    echo "run $i $build: outbox lattice $(tail -1 "$OUT/outbox-lattice-$build") | outbox cavage $(tail -1 "$OUT/outbox-cavage-$build")"
  done
done
median() { cut -d' ' -f1 "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for what in inbox-cavage inbox-lattice outbox-lattice outbox-cavage; do
  [ -s "$OUT/$what-after" ] || continue
  b=$(median "$OUT/$what-before"); a=$(median "$OUT/$what-after")
  echo "$what (first figure): before $(cut -d' ' -f1 "$OUT/$what-before" | paste -sd/) median $b;" \
    "after $(cut -d' ' -f1 "$OUT/$what-after" | paste -sd/) median $a; ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')"
done
fedify=$(benchmarks/inbox-load.sh fedify 1000 4000 64 | grep '^measured' | sed -E 's/.* ([0-9]+) accepted\/s.*/\1/')
echo "fedify peer, cavage inbox load (1,000 + 4,000): $fedify accepted/s; Lattice after / Fedify = $(awk -v a="$(median "$OUT/inbox-cavage-after")" -v f="$fedify" 'BEGIN {printf "%.1f", a/f}')"
echo "raw figures in $OUT"
