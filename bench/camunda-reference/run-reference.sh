#!/usr/bin/env bash
# One reference run of the outage story against Camunda 7.24 on a fresh database, then everything is
# stopped again. Usage (from the repository root, after building both jars, see docs/benchmarks.md):
#   bench/camunda-reference/run-reference.sh h2|postgres N [more tern-bench options...]
# Results: bench-results/camunda-7.24-<db>-<N>-<time>.{json,out} under the current directory.
set -euo pipefail

db=${1:?h2 or postgres}; n=${2:?number of instances}; shift 2
repo=$(cd "$(dirname "$0")/../.." && pwd)
server_jar=$repo/bench/camunda-reference/target/camunda-reference.jar
bench_jar=$repo/bench/target/tern-bench.jar
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_port=${PG_PORT:-5433}
http_port=${HTTP_PORT:-8080}
for jar in "$server_jar" "$bench_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: build it first (docs/benchmarks.md)" >&2; exit 2; }
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$PWD/bench-results; mkdir -p "$out"
work=$(mktemp -d /tmp/camunda-reference.XXXXXX)
chmod 755 "$work"
server_pid=""
pg_started=""

stop() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_started" ] && su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null || true
}
trap stop EXIT

case "$db" in
  h2)
    url="jdbc:h2:file:$work/data/camunda-h2;AUTO_SERVER=TRUE"; user=sa; password=""
    ;;
  postgres)
    chown postgres "$work"
    su postgres -c "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8" >"$work/initdb.log"
    su postgres -c "$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w \
      -o '-p $pg_port -k $work -c listen_addresses=127.0.0.1' start" >/dev/null
    pg_started=yes
    su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $pg_port -U postgres -c 'create database camunda'"
    url="jdbc:postgresql://127.0.0.1:$pg_port/camunda"; user=postgres; password=""
    ;;
  *) echo "database must be h2 or postgres" >&2; exit 2 ;;
esac

(cd "$work" && exec java -jar "$server_jar" --server.port="$http_port" \
  --spring.datasource.url="$url" --spring.datasource.username="$user" \
  --spring.datasource.password="$password" >"$work/server.log" 2>&1) &
server_pid=$!
base="http://127.0.0.1:$http_port/engine-rest"
for _ in $(seq 180); do
  curl -sf "$base/version" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/version" >/dev/null || { echo "Camunda did not start within 180 s" >&2; exit 1; }

name="camunda-7.24-$db-$n-$stamp"
java -jar "$bench_jar" --base-url "$base" -n "$n" --server-pid "$server_pid" \
  --jdbc-url "$url" --jdbc-user "$user" --jdbc-password "$password" \
  --label "camunda-7.24-$db" --json "$out/$name.json" "$@" 2>&1 | tee "$out/$name.out"
echo "results: $out/$name.json (server log: $work/server.log)"
