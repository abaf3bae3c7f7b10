#!/usr/bin/env bash
# The runs behind docs/benchmarks.md: for each N, R rounds of Camunda 7.24 then Tern (a fresh
# database and server each time, see run-story.sh), then the medians side by side with ratios.
# Usage, from the repository root, after building the jars:
#   bench/run-matrix.sh h2|postgres "1000 10000" 3 [more tern-bench options...]
# Results: ./bench-results/matrix-<time>/ (one JSON and log per run, medians-<db>-<N>.md).
set -euo pipefail

db=${1:?h2 or postgres}; sizes=${2:?sizes, e.g. "1000 10000"}; rounds=${3:-3}; shift $(( $# < 3 ? $# : 3 ))
repo=$(cd "$(dirname "$0")/.." && pwd)
export BENCH_OUT=${BENCH_OUT:-$PWD/bench-results/matrix-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$BENCH_OUT"

for n in $sizes; do
  for round in $(seq "$rounds"); do
    echo "== N = $n, round $round of $rounds ($(date -u +%H:%M:%S)) ==" >&2
    "$repo/bench/run-story.sh" both "$db" "$n" "$@" >/dev/null
  done
  java -jar "$repo/bench/target/tern-bench.jar" compare --median \
    "$BENCH_OUT"/camunda-*-"$db"-"$n"-*.json "$BENCH_OUT"/tern-"$db"-"$n"-*.json \
    | tee "$BENCH_OUT/medians-$db-$n.md"
done
