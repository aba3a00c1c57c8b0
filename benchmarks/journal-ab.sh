#!/usr/bin/env bash
# A same-run A/B of two builds of the benchmarks jar on the file journal's group commit
# (LedgerAppendBenchmark.fileJournalGroupCommit: batches of 100 entries, each synced before the
# next), runs alternating between the two builds so that both see the same machine. Each run is
# one JMH fork (2 x 2 s warm-up, 5 x 3 s measured); its figure is the median of its 5 iterations.
# Prints each run's figure and the medians. Usage: benchmarks/journal-ab.sh BEFORE.jar AFTER.jar [RUNS]
# Make the jars with `mvn -o -q -B package -DskipTests -Dmaven.javadoc.skip=true -pl benchmarks -am`
# on each commit (a `git worktree` each) and copy benchmarks/target/benchmarks.jar aside.
set -euo pipefail
BEFORE=$1
AFTER=$2
RUNS=${3:-5}
OUT=$(mktemp -d)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for i in $(seq 1 "$RUNS"); do
  for build in before after; do
    jar=$BEFORE; [ "$build" = after ] && jar=$AFTER
    java -jar "$jar" 'LedgerAppendBenchmark.fileJournalGroupCommit' -f 1 >"$OUT/run-$i-$build.txt"
    iterations=$(grep -E '^Iteration +[0-9]+:' "$OUT/run-$i-$build.txt" | sed -E 's/^Iteration +[0-9]+: +([0-9.]+) .*/\1/')
    figure=$(echo "$iterations" | median)
    echo "$figure" >>"$OUT/$build"
    echo "run $i $build: $(echo "$iterations" | awk '{printf "%.0f ", $1}')-> median $(printf '%.0f' "$figure") entries/s"
  done
done
b=$(median <"$OUT/before"); a=$(median <"$OUT/after")
echo "before: $(awk '{printf "%.0f/", $1}' "$OUT/before" | sed 's/\/$//') median $(printf '%.0f' "$b")"
echo "after:  $(awk '{printf "%.0f/", $1}' "$OUT/after" | sed 's/\/$//') median $(printf '%.0f' "$a")"
echo "after / before: $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}') (raw JMH output in $OUT)"
