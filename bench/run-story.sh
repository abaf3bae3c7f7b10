#!/usr/bin/env bash
# The outage story on a fresh database against Camunda 7.24 (the reference), Tern, or both one after
# the other on the same machine; every server (and PostgreSQL) it starts is stopped at the end.
# Usage, from the repository root, after building the jars (docs/benchmarks.md):
#   bench/run-story.sh camunda|tern|both h2|postgres N [more tern-bench options...]
# SCENARIO=external-tasks runs `tern-bench external-tasks` (fetch-and-complete, long-polling wake-up,
# retries-async over N external tasks) instead of the outage story.
# SCENARIO=diff runs the differential scenario (`tern-bench diff`, N is ignored): each engine's masked
# answers are recorded, and "both" writes their comparison to ./bench-results/compare-diff-<db>-….md.
# SCENARIO=executor (Tern only) runs `tern-bench executor -n N` (trivial jobs/s); SCENARIO=batch-scale
# (Tern only, no server: the engine runs in the driver's JVM, BENCH_JAVA_OPTS e.g. -Xmx256m) runs
# `tern-bench batch-scale -n N --creation-only` on the fresh database.
# TERN_JAVA_OPTS are given to Tern's server JVM (e.g. -Xmx256m for the memory target).
# Results: ./bench-results/<engine>-<db>-<N>-<time>.{json,out}; "both" also prints the comparison.
set -euo pipefail

engine=${1:?camunda, tern or both}; db=${2:?h2 or postgres}; n=${3:?number of instances}; shift 3
repo=$(cd "$(dirname "$0")/.." && pwd)
camunda_jar=$repo/bench/camunda-reference/target/camunda-reference.jar
tern_jar=$repo/server/target/tern.jar
bench_jar=$repo/bench/target/tern-bench.jar
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_port=${PG_PORT:-5433}
http_port=${HTTP_PORT:-8080}
out=${BENCH_OUT:-$PWD/bench-results}; mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
scenario=${SCENARIO:-story}
# TERN_NODES=3: Tern runs as that many nodes on the one database (ports HTTP_PORT, +1, …); the
# driver talks to the first, every node's job executor takes part (PostgreSQL only).
tern_nodes=${TERN_NODES:-1}
extra_pids=""
work=""; server_pid=""; pg_started=""

need() { [ -f "$1" ] || { echo "missing $1: build it first (docs/benchmarks.md)" >&2; exit 2; }; }

stop() {
  for pid in $extra_pids; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  extra_pids=""
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_started" ]; then su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null || true; fi
  server_pid=""; pg_started=""
}
trap stop EXIT

# A fresh database in $work: sets url, user, password.
fresh_database() {
  case "$db" in
    h2)
      # AUTO_SERVER: the driver opens a second connection for the SQL floor
      url="jdbc:h2:file:$work/data/$1;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"; user=sa; password=""
      ;;
    postgres)
      chown postgres "$work"
      su postgres -c "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8" >"$work/initdb.log"
      su postgres -c "$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w \
        -o '-p $pg_port -k $work -c listen_addresses=127.0.0.1' start" >/dev/null
      pg_started=yes
      su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $pg_port -U postgres -c 'create database $1'"
      url="jdbc:postgresql://127.0.0.1:$pg_port/$1"; user=postgres; password=""
      ;;
    *) echo "database must be h2 or postgres" >&2; exit 2 ;;
  esac
}

# Runs the story against one engine; prints the path of its JSON result last.
run_one() {
  local which=$1 schema label name base
  shift
  work=$(mktemp -d "/tmp/bench-$which.XXXXXX"); chmod 755 "$work"
  fresh_database "$which"
  if [ "$scenario" = batch-scale ]; then
    name="$scenario-tern-$db-$n-$stamp"
    java ${BENCH_JAVA_OPTS:-} -jar "$bench_jar" batch-scale -n "$n" --creation-only \
      --jdbc-url "$url" --jdbc-user "$user" --jdbc-password "$password" "$@" 2>&1 | tee "$out/$name.out" >&2
    stop
    echo "$out/$name.out"
    return
  fi
  if [ "$which" = camunda ]; then
    need "$camunda_jar"; schema=CAMUNDA; label="camunda-7.24-$db"
    (cd "$work" && exec java -jar "$camunda_jar" --server.port="$http_port" \
      --spring.datasource.url="$url" --spring.datasource.username="$user" \
      --spring.datasource.password="$password" >"$work/server.log" 2>&1) &
  else
    need "$tern_jar"; schema=TERN; label="tern-$db"
    (cd "$work" && TERN_PORT=$http_port TERN_DB_URL=$url TERN_DB_USER=$user TERN_DB_PASSWORD=$password \
      exec java ${TERN_JAVA_OPTS:-} -jar "$tern_jar" >"$work/server.log" 2>&1) &
  fi
  server_pid=$!
  base="http://127.0.0.1:$http_port/engine-rest"
  for _ in $(seq 180); do
    curl -sf "$base/version" >/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
    sleep 1
  done
  curl -sf "$base/version" >/dev/null || { echo "$which did not start within 180 s" >&2; exit 1; }
  if [ "$which" = tern ] && [ "$tern_nodes" -gt 1 ]; then
    [ "$db" = postgres ] || { echo "TERN_NODES needs postgres" >&2; exit 2; }
    label="$label-${tern_nodes}nodes"
    for i in $(seq 2 "$tern_nodes"); do
      port=$((http_port + i - 1))
      (cd "$work" && TERN_PORT=$port TERN_DB_URL=$url TERN_DB_USER=$user TERN_DB_PASSWORD=$password \
        exec java ${TERN_JAVA_OPTS:-} -jar "$tern_jar" >"$work/server-$i.log" 2>&1) &
      extra_pids="$extra_pids $!"
      for _ in $(seq 180); do curl -sf "http://127.0.0.1:$port/engine-rest/version" >/dev/null && break; sleep 1; done
    done
  fi
  name="$label-$n-$stamp"; [ "$scenario" = story ] || name="$scenario-$name"
  if [ "$scenario" = executor ]; then
    java -jar "$bench_jar" executor --base-url "$base" -n "$n" "$@" 2>&1 | tee "$out/$name.out" >&2
  elif [ "$scenario" = external-tasks ]; then
    java -jar "$bench_jar" external-tasks --base-url "$base" -n "$n" \
      --label "$label" --json "$out/$name.json" "$@" 2>&1 | tee "$out/$name.out" >&2
  elif [ "$scenario" = diff ]; then
    java -jar "$bench_jar" diff --base-url "$base" --label "$label" --json "$out/$name.json" "$@" \
      2>&1 | tee "$out/$name.out" >&2
  else
    java -jar "$bench_jar" --base-url "$base" -n "$n" --server-pid "$server_pid" \
      --jdbc-url "$url" --jdbc-user "$user" --jdbc-password "$password" --schema "$schema" \
      --label "$label" --json "$out/$name.json" "$@" 2>&1 | tee "$out/$name.out" >&2
  fi
  echo "server log: $work/server.log" >&2
  stop
  echo "$out/$name.json"
}

need "$bench_jar"
case "$engine" in
  camunda|tern) run_one "$engine" "$@" ;;
  both)
    camunda_json=$(run_one camunda "$@")
    tern_json=$(run_one tern "$@")
    if [ "$scenario" = external-tasks ]; then
      java -jar "$bench_jar" external-tasks --compare "$camunda_json" "$tern_json" | tee "$out/compare-$scenario-$db-$n-$stamp.md"
    elif [ "$scenario" = diff ]; then
      java -jar "$bench_jar" diff --compare "$camunda_json" "$tern_json" | tee "$out/compare-diff-$db-$stamp.md"
    else
      java -jar "$bench_jar" compare "$camunda_json" "$tern_json" | tee "$out/compare-$db-$n-$stamp.md"
    fi
    ;;
  *) echo "engine must be camunda, tern or both" >&2; exit 2 ;;
esac
