#!/usr/bin/env bash
# Statements per start and per trivial job on PostgreSQL, via pg_stat_statements.
# Usage, from the repository root after building the server jar (docs/benchmarks.md):
#   bench/statements.sh [N]   (N instances of the trivial process; default 500)
# Needs PostgreSQL 15 binaries (PG_BIN) and runs the cluster as the postgres user, as run-story.sh.
# KEEP=1 leaves the cluster and server running (their work directory is printed). PROFILE=1 also
# records the server with JFR during the starts and the jobs and prints where its CPU went. Each
# phase prints PostgreSQL's CPU per operation by process kind (bench/pg-cpu.sh); PERF=1 adds a perf
# profile of the machine over the phase.
# JAR=path runs another server jar (e.g. a copy built before a change). After the jobs it prints the
# updates per history table and how many were HOT (pg_stat_user_tables n_tup_upd, n_tup_hot_upd).
set -euo pipefail
export LC_ALL=C
repo=$(cd "$(dirname "$0")/.." && pwd); n=${1:-500}
. "$repo/bench/pg-cpu.sh"
jar=${JAR:-$repo/server/target/tern.jar}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}; port=${PG_PORT:-5455}; http=${HTTP_PORT:-18280}
work=$(mktemp -d /tmp/perfpg.XXXX); chmod 755 $work; chown postgres $work
su postgres -c "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8" >/dev/null
su postgres -c "$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w -o '-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on' start" >/dev/null
psql() { $pg_bin/psql -q -h 127.0.0.1 -p $port -U postgres -d tern "$@"; }
su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $port -U postgres -c 'create database tern'"
psql -c 'create extension pg_stat_statements' 
(cd $work && TERN_PORT=$http TERN_DB_URL=jdbc:postgresql://127.0.0.1:$port/tern TERN_DB_USER=postgres TERN_DB_PASSWORD= exec java -jar $jar >$work/server.log 2>&1) &
spid=$!
cleanup() { kill $spid 2>/dev/null || true; wait $spid 2>/dev/null || true; su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null || true; rm -rf "$work"; }
[ -n "${KEEP:-}" ] || trap cleanup EXIT; echo "work=$work" >&2
base=http://127.0.0.1:$http/engine-rest
for _ in $(seq 120); do curl -sf $base/version >/dev/null && break; sleep 1; done
sed "s/PROCESS_KEY/trivial/" $repo/bench/src/main/resources/dev/tern/bench/trivial.bpmn > $work/trivial.bpmn
curl -sf -F deployment-name=t -F "data=@$work/trivial.bpmn" $base/deployment/create >/dev/null
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"active":false}' http://127.0.0.1:$http/admin/job-executor >/dev/null
# warm up (WARM=N: N instances started and run to their end first, so the JIT has compiled the
# hot paths and every pooled connection has prepared its statements; default 20, started only)
warm=${WARM:-20}
for i in $(seq $warm); do curl -sf -X POST -H 'Content-Type: application/json' -d '{}' $base/process-definition/key/trivial/start >/dev/null; done
if [ -n "${WARM:-}" ]; then
  curl -sf -X PUT -H 'Content-Type: application/json' -d '{"active":true}' http://127.0.0.1:$http/admin/job-executor >/dev/null
  while [ "$(curl -sf "$base/history/process-instance/count?finished=true" | sed 's/[^0-9]//g')" -lt $warm ]; do sleep 0.5; done
  curl -sf -X PUT -H 'Content-Type: application/json' -d '{"active":false}' http://127.0.0.1:$http/admin/job-executor >/dev/null
fi
cpu() { # clock ticks used by the cluster's processes and the server JVM
  local pm; pm=$(head -1 $work/pg/postmaster.pid)
  local pg=0; for p in $pm $(pgrep -P $pm); do pg=$((pg + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  local jv; jv=$(awk '{print $14+$15}' /proc/$(pgrep -f "jar $jar" | head -1)/stat)
  echo "$pg $jv"
}
# CPU ticks of the server's threads, by kind (digits dropped from thread names)
threads() {
  for t in /proc/$jpid/task/*; do
    printf '%s|%s\n' "$(tr -d '0-9' <$t/comm)" "$(sed 's/.*) //' $t/stat | awk '{print $12+$13}')"
  done | awk -F'|' '$1 != ""{a[$1]+=$2} END{for (k in a) print k "|" a[k]}' | sort
}
thread_delta() { # before-file after-file: the kinds that used CPU in between, most first
  join --nocheck-order -t'|' -a2 -e0 -o 0,1.2,2.2 "$1" "$2" | awk -F'|' '$3-$2>0{printf "%8d ticks  %s\n", $3-$2, $1}' | sort -nr
}
# PROFILE=1: a JFR recording of the server per phase, summarised by `tern-bench profile`
jpid=$(pgrep -f "jar $jar" | head -1)
# the JDK's profile settings without Jdbi's own statement event: while a recording runs, Jdbi
# renders every statement's bound values (toString of each bound record) for it: in one warm
# run 19 % of the request threads' allocation samples and 6 % of their CPU samples, which no
# production run pays
jfc=$work/profile.jfc
sed 's#</configuration>#<event name="jdbi.statement"><setting name="enabled">false</setting></event></configuration>#' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >$jfc
record() { [ -z "${PROFILE:-}" ] || jcmd $jpid JFR.start name=$1 settings=$jfc >/dev/null; }
summarise() {
  [ -z "${PROFILE:-}" ] || { jcmd $jpid JFR.stop name=$1 filename=$work/$1.jfr >/dev/null
    java -jar $repo/bench/target/tern-bench.jar profile $work/$1.jfr; }
}
psql -c 'select pg_stat_statements_reset()' >/dev/null
pg_perf_start starts; threads >$work/t0; s0=$(cpu); record starts; pg_cpu_snapshot >$work/p0
for i in $(seq $n); do curl -sf -X POST -H 'Content-Type: application/json' -d '{}' $base/process-definition/key/trivial/start >/dev/null; done
report() {
  # calls|plans|exec ms|rows|shared buffers touched per call (hit + read: load-independent)|statement
  psql -A -t -F'|' -c "select calls, plans, round(total_exec_time::numeric,1), rows, round((shared_blks_hit + shared_blks_read)::numeric / calls, 1), left(regexp_replace(query,'\s+',' ','g'),170) from pg_stat_statements where query not like '%pg_stat_statements%' order by calls desc, total_exec_time desc limit 45"
  psql -A -t -c "select 'TOTAL calls=' || sum(calls) || ' exec_ms=' || round(sum(total_exec_time)::numeric,0) || ' plans=' || sum(plans) || ' plan_ms=' || round(sum(total_plan_time)::numeric,0) from pg_stat_statements where query not like '%pg_stat_statements%'"
  # what Tern sends: without BEGIN/COMMIT and without the foreign-key actions PostgreSQL runs itself
  psql -A -t -c "select 'SENT statements=' || sum(calls) || ' per operation=' || round(sum(calls)::numeric / $1, 2) || ' buffers per operation=' || round(sum(shared_blks_hit + shared_blks_read)::numeric / $1, 1) from pg_stat_statements where query not like '%pg_stat_statements%' and query not like '%FROM ONLY%' and query not in ('BEGIN', 'COMMIT')"
}
s1=$(cpu); threads >$work/t1; pg_cpu_snapshot >$work/p1; pg_perf_stop starts; summarise starts
echo "=== cpu ticks (1/100 s) postgres+jvm before the starts: $s0 after: $s1"
echo "=== PostgreSQL CPU per start by process kind"; pg_cpu_report $work/p0 $work/p1 $n
echo "=== server CPU by thread kind during the starts"; thread_delta $work/t0 $work/t1
echo "=== starts: $n"; report $n
psql -c 'select pg_stat_statements_reset()' >/dev/null
total=$((n+warm))
pg_perf_start jobs; threads >$work/t2; c0=$(cpu); record jobs; pg_cpu_snapshot >$work/p2
t0=$(date +%s.%N)
curl -sf -X PUT -H 'Content-Type: application/json' -d '{"active":true}' http://127.0.0.1:$http/admin/job-executor >/dev/null
while true; do c=$(curl -sf "$base/history/process-instance/count?finished=true" | sed 's/[^0-9]//g'); [ "$c" -ge $total ] && break; sleep 0.2; done
t1=$(date +%s.%N)
c1=$(cpu); threads >$work/t3; pg_cpu_snapshot >$work/p3; pg_perf_stop jobs; summarise jobs
echo "=== server CPU by thread kind during the jobs"; thread_delta $work/t2 $work/t3
echo "=== cpu ticks (1/100 s) postgres+jvm before: $c0 after: $c1" 
jobs=$n; [ -n "${WARM:-}" ] || jobs=$total # without WARM the warm-up's instances wait at their job too
echo "=== jobs: $jobs in $(echo "$t1-$t0" | bc) s"; report $jobs
echo "=== PostgreSQL CPU per job by process kind"; pg_cpu_report $work/p2 $work/p3 $jobs
sleep 11 # an idle backend reports its table statistics within 10 s
echo "=== updates per table since start (HOT: rewrote no index entry)"
psql -A -t -F'|' -c "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, case when n_tup_upd > 0 then round(100.0 * n_tup_hot_upd / n_tup_upd) end || '%' from pg_stat_user_tables where n_tup_upd > 0 order by n_tup_upd desc"
psql -A -t -c "select 'HOT updates ' || sum(n_tup_hot_upd) || ' of ' || sum(n_tup_upd) from pg_stat_user_tables"
