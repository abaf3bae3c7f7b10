#!/usr/bin/env bash
# Every figure issue 17 asks for, on PostgreSQL, as medians of ROUNDS rounds (default 3). Run it on
# a quiet machine (nothing else building or benchmarking): about 2.5 hours on 2 cores, most of it
# Camunda at N = 50,000. Build the jars first (docs/benchmarks.md).
#   bench/run-campaign.sh [ROUNDS]     (STORY_SIZES="10000" leaves the story at 50,000 out)
# Results: ./bench-results/campaign-<time>/ with the matrix's per-round files and medians, and
# summary.md (executor jobs/s and batch creation per round).
set -euo pipefail
rounds=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
export BENCH_OUT=$PWD/bench-results/campaign-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BENCH_OUT"
summary=$BENCH_OUT/summary.md
log() { echo "== $* ($(date -u +%H:%M:%S))" >&2; }

# 1. Job executor throughput on trivial jobs.
echo "## Job executor, 10,000 trivial jobs (and their starts, executor paused, 8 clients)" >"$summary"
for round in $(seq "$rounds"); do
  log "executor round $round"
  out=$(SCENARIO=executor "$repo/bench/run-story.sh" tern postgres 10000)
  echo "- round $round: $(grep -i 'jobs/s' "${out%.json}.out" | tail -1); $(grep '^starts:' "${out%.json}.out" | tail -1)" >>"$summary"
done

# 2. Batch creation at 10,000 and 100,000 failed jobs, engine heap bounded to 256 MB.
for n in 10000 100000; do
  echo "## Batch creation, $n failed jobs" >>"$summary"
  for round in $(seq "$rounds"); do
    log "batch-scale $n round $round"
    out=$(BENCH_JAVA_OPTS=-Xmx256m SCENARIO=batch-scale "$repo/bench/run-story.sh" tern postgres "$n")
    echo "- round $round: $(grep "batch created" "$out" | tail -1)" >>"$summary"
  done
done
# 3. The outage story side by side at 10,000, then at 50,000 (the longest part: Camunda takes about
#    25 minutes a run at 50,000, so it comes last), Tern's server in 256 MB of heap
#    (the memory target); the story's start phase gives start throughput and p50/p99 latency.
for n in ${STORY_SIZES:-10000 50000}; do
  log "story matrix $n"
  TERN_JAVA_OPTS=-Xmx256m "$repo/bench/run-matrix.sh" postgres "$n" "$rounds"
done

cat "$summary"
