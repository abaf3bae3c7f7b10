#!/usr/bin/env bash
# The cluster fault run (docs/reliability.md): PostgreSQL from $PG_BIN on a fresh data directory,
# then `tern-bench cluster` with N tern.jar nodes on it (kill -9, SIGSTOP past the lock duration,
# a pg_ctl restart, the killed node started again) and its audit. Everything it starts is stopped
# at the end. Usage, from the repository root, after
#   mvn -B -o -pl server,bench -am package -DskipTests
#   bench/run-cluster.sh [tern-bench cluster options, e.g. -n 3000 --feed-time PT60S --nodes 3]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench_jar=$repo/bench/target/tern-bench.jar
tern_jar=$repo/server/target/tern.jar
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_port=${PG_PORT:-5434}
for f in "$bench_jar" "$tern_jar"; do [ -f "$f" ] || { echo "missing $f: build it first" >&2; exit 2; }; done

work=$(mktemp -d /tmp/tern-cluster.XXXXXX); chmod 755 "$work"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
stop() { as_postgres "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null 2>&1 || true; }
trap stop EXIT

[ "$(id -u)" = 0 ] && chown postgres "$work"
as_postgres "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8" >"$work/initdb.log"
as_postgres "$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w \
  -o '-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300' start" >/dev/null
as_postgres "$pg_bin/psql -q -h 127.0.0.1 -p $pg_port -U postgres -c 'create database tern_cluster'"

restart="$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -m fast -w restart"
[ "$(id -u)" = 0 ] && restart="su postgres -c '$restart'"

mkdir -p "$work/nodes"
java -jar "$bench_jar" cluster --jar "$tern_jar" --work-dir "$work/nodes" \
  --jdbc-url "jdbc:postgresql://127.0.0.1:$pg_port/tern_cluster" --jdbc-user postgres \
  --db-restart-command "$restart >/dev/null" \
  "$@"
