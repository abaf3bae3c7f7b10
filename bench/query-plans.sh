#!/usr/bin/env bash
# EXPLAIN plans and timings of Tern's main query filters on a large PostgreSQL database
# (docs/query-plans.md). Usage, from the repository root, after
# `mvn -B -pl bench -am package -DskipTests`:
#   bench/query-plans.sh [--jdbc-url URL --jdbc-user U --jdbc-password P] [options...]
# Options: -n 1000000 (instances to load into an empty database), --out FILE.md, --baseline FILE.tsv,
# --label TEXT, --repeats 5, --timeout 60 (see --help).
# Without --jdbc-url, a throw-away PostgreSQL cluster (Debian's binaries in $PG_BIN) runs as user
# postgres in a temporary directory and is removed at the end. PG_KEEP=DIR keeps the cluster in DIR
# instead, and a later run with the same PG_KEEP reuses its data (e.g. to measure a new index
# migration without loading again); delete DIR when done.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench_jar=$repo/bench/target/tern-bench.jar
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_port=${PG_PORT:-5434}
work=""; pg_started=""
[ -f "$bench_jar" ] || { echo "missing $bench_jar: build it first (mvn -B -pl bench -am package -DskipTests)" >&2; exit 2; }

stop() {
  if [ -n "$pg_started" ]; then su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null || true; fi
  if [ -n "$work" ] && [ -z "${PG_KEEP:-}" ]; then rm -rf "$work"; fi
}
trap stop EXIT

args=("$@")
if [[ " $* " != *" --jdbc-url"* ]]; then
  if [ -n "${PG_KEEP:-}" ]; then work=$PG_KEEP; mkdir -p "$work"; else work=$(mktemp -d /tmp/query-plans.XXXXXX); fi
  chmod 755 "$work"; chown postgres "$work"
  if [ ! -f "$work/pg/PG_VERSION" ]; then
    su postgres -c "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$work/initdb.log"
  fi
  # memory sized for a 1M-instance database on a shared machine; durability off: the data is throw-away
  su postgres -c "nice -n 10 $pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w -o \"-p $pg_port -k $work \
    -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c effective_cache_size=8GB \
    -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off\" start" >/dev/null
  pg_started=yes
  su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $pg_port -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname = 'tern'\"" | grep -q 1 \
    || su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $pg_port -U postgres -c 'CREATE DATABASE tern'"
  args=(--jdbc-url "jdbc:postgresql://127.0.0.1:$pg_port/tern" --jdbc-user postgres "${args[@]}")
fi

# BENCH_MAIN=dev.tern.bench.tasks.TaskQueryBench runs the task query benchmark on the same cluster
nice -n 10 java -cp "$bench_jar" "${BENCH_MAIN:-dev.tern.bench.queryplans.QueryPlanReport}" "${args[@]}"
