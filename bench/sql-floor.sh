#!/usr/bin/env bash
# PostgreSQL's floor for a trivial job: how many start+job pairs per second PostgreSQL alone does on
# this machine with exactly the statements Tern sends, without the JVM (docs/benchmarks.md).
# Usage, from the repository root after building the server jar:
#   bench/sql-floor.sh
# It starts Tern on a fresh PostgreSQL 15 cluster (as statements.sh: PG_BIN, PG_PORT, HTTP_PORT, JAR),
# runs WARM trivial instances (default 200) to their end, then logs every statement (log_statement=all)
# while two more instances start and run their job. From that log it takes the start transaction,
# the executor's claim and the job transaction, in their order and with their parameters, and
# writes a pgbench script replaying them as one pair: the statement texts are Tern's, each id Tern
# generated becomes a fresh value per pair, every other parameter keeps the value Tern bound. Tern
# is stopped, and pgbench runs the pair on its schema with CLIENTS clients (default 16, as the job
# executor's workers) for DURATION seconds (default 30), first as is, then with
# synchronous_commit=off. After each run it checks that PostgreSQL saw exactly Tern's statement
# texts (pg_stat_statements; constants and parameter numbers masked) and prints pairs/s and PostgreSQL's CPU per
# pair (clock ticks of the postmaster and its children, reaped ones included, from /proc).
# Differences to Tern, by necessity: pgbench binds parameters untyped (the server infers their
# types from the statement); a NULL parameter is sent as a NULL literal (pgbench cannot bind NULL);
# the claim runs once per pair with its limit set to CLIENTS, so it takes every job not yet claimed
# (one per pair on average; Tern's claims take up to their batch under load) and every job is
# claimed before its job transaction but for rare races (counted; at most 1 % of the pairs);
# timestamps are the captured ones. KEEP=1 leaves the cluster running; its work directory holds pair.sql.
set -euo pipefail
export LC_ALL=C
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/bench/pg-cpu.sh"
jar=${JAR:-$repo/server/target/tern.jar}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}; port=${PG_PORT:-5455}; http=${HTTP_PORT:-18280}
warm=${WARM:-200}; clients=${CLIENTS:-16}; duration=${DURATION:-30}
work=$(mktemp -d /tmp/sqlfloor.XXXX); chmod 755 $work; chown postgres $work
su postgres -c "$pg_bin/initdb -D $work/pg -U postgres --auth=trust -E UTF8" >/dev/null
su postgres -c "$pg_bin/pg_ctl -D $work/pg -l $work/pg.log -w -o '-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top -c logging_collector=on -c log_destination=csvlog -c log_directory=$work/log -c log_filename=pg -c log_parameter_max_length=-1' start" >/dev/null
psql() { $pg_bin/psql -q -X -h 127.0.0.1 -p $port -U postgres -d tern "$@"; }
su postgres -c "$pg_bin/psql -q -h 127.0.0.1 -p $port -U postgres -c 'create database tern'"
psql -c 'create extension pg_stat_statements'
(cd $work && TERN_PORT=$http TERN_DB_URL=jdbc:postgresql://127.0.0.1:$port/tern TERN_DB_USER=postgres TERN_DB_PASSWORD= exec java -jar $jar >$work/server.log 2>&1) &
spid=$!
stop_server() { kill $spid 2>/dev/null || true; wait $spid 2>/dev/null || true; }
cleanup() { stop_server; su postgres -c "$pg_bin/pg_ctl -D $work/pg -m fast stop" >/dev/null || true; rm -rf "$work"; }
[ -n "${KEEP:-}" ] || trap cleanup EXIT; echo "work=$work" >&2
base=http://127.0.0.1:$http/engine-rest
executor() { curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"active\":$1}" http://127.0.0.1:$http/admin/job-executor >/dev/null; }
start() { for _ in $(seq $1); do curl -sf -X POST -H 'Content-Type: application/json' -d '{}' $base/process-definition/key/trivial/start >/dev/null; done; }
finished_reach() { while [ "$(curl -sf "$base/history/process-instance/count?finished=true" | sed 's/[^0-9]//g')" -lt $1 ]; do sleep 0.2; done; }
for _ in $(seq 120); do curl -sf $base/version >/dev/null && break; sleep 1; done
sed "s/PROCESS_KEY/trivial/" $repo/bench/src/main/resources/dev/tern/bench/trivial.bpmn > $work/trivial.bpmn
curl -sf -F deployment-name=t -F "data=@$work/trivial.bpmn" $base/deployment/create >/dev/null
executor false; start $warm; executor true; finished_reach $warm; executor false
psql -c "alter system set log_statement = 'all'" -c 'select pg_reload_conf()' >/dev/null
start 2; executor true; finished_reach $((warm + 2)); executor false
psql -c 'alter system reset log_statement' -c 'select pg_reload_conf()' >/dev/null
stop_server

# the pair script from the statement log (and the pair's statement texts, one a line, to check against)
python3 - "$work/log/pg.csv" "$work/pair.sql" "$work/defines" "$work/texts" $clients <<'PY'
import csv, re, sys
log, script, defines, texts, clients = sys.argv[1:]
uuid = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
stmt = re.compile(r'^(?:execute [^:]+|statement): (.*)$', re.S)
param = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
sessions = {}
for row in csv.reader(open(log, newline='')):
    m = stmt.match(row[13])
    if row[2] != 'tern' or not m:
        continue
    values = {int(n): None if v == 'NULL' else v[1:-1].replace("''", "'") for n, v in param.findall(row[14])}
    sessions.setdefault(row[5], []).append((row[0], int(row[6]), m.group(1), values))
transactions = []  # (time of BEGIN, [(sql, {n: value})])
for lines in sessions.values():
    current = None
    for time, _, sql, values in sorted(lines, key=lambda l: l[1]):
        word = sql.strip().upper()
        if word == 'BEGIN':
            current = (time, [])
        elif word in ('COMMIT', 'ROLLBACK'):
            if current is not None and word == 'COMMIT':
                transactions.append(current)
            current = None
        elif current is not None:
            current[1].append((sql, values))
transactions.sort(key=lambda t: t[0])
def having(prefix):
    return [t for t in transactions if any(s.lstrip().startswith(prefix) for s, _ in t[1])]
starts = having('INSERT INTO tern_process_instance ')
jobs = having('DELETE FROM tern_job WHERE ')
claims = having('WITH claimable AS')
if len(starts) != 2 or len(jobs) != 2 or not claims:
    sys.exit(f'expected 2 starts, 2 jobs and a claim in the statement log, found {len(starts)}, {len(jobs)}, {len(claims)}')
claim = [c for c in claims if c[0] <= jobs[0][0]][-1]  # the claim that took the jobs: the last before them
def values_of(t):
    return [v for sql, values in t[1] for _, v in sorted(values.items())]
def job_of(start, other):  # the job transaction naming a value only this start bound (its ids)
    own = set(values_of(start)) - set(values_of(other))
    return next(j for j in jobs if set(values_of(j)) & own)
pair1 = [starts[0], claim, job_of(starts[0], starts[1])]
pair2 = [starts[1], claim, job_of(starts[1], starts[0])]
if pair1[2] is pair2[2]:
    sys.exit('the two captured starts could not be told apart in the job transactions')
if [[s for s, _ in t[1]] for t in pair1] != [[s for s, _ in t[1]] for t in pair2]:
    sys.exit('the two captured pairs sent different statements')
flat1 = [v for t in pair1 for v in values_of(t)]
flat2 = [v for t in pair2 for v in values_of(t)]
# a parameter Tern generated per instance: it differs between the pairs and is (or holds) an id
fresh = {i for i, (a, b) in enumerate(zip(flat1, flat2)) if a != b and a is not None and uuid.search(a)}
def naming(flat):
    names = {}
    for i in sorted(fresh):
        names.setdefault(flat[i], f'id_{len(names) + 1}')
    return [names.get(v) if i in fresh else None for i, v in enumerate(flat)]
if naming(flat1) != naming(flat2):
    sys.exit('the generated ids of the two captured pairs are not used alike')
ids = naming(flat1)
if any(flat1[i].startswith('{') for i in fresh):
    sys.exit('a generated id is bound inside an array: pgbench cannot make that value fresh')
limit = re.compile(r'LIMIT \$(\d+)')
lines, consts, position, kept = [], {}, 0, []
ids_count = len(set(n for n in ids if n))
lines.append('\\set pair :pair + 1')
for k in range(1, ids_count + 1):
    lines.append(f'\\set id_{k} (:pair * 100 + :client_id) * {ids_count + 1} + {k}')
for t in pair1:
    lines.append('BEGIN;')
    for sql, values in t[1]:
        lim = {int(n) for n in limit.findall(sql)} if 'claimable' in sql else set()
        def replace(m):
            global position
            n = int(m.group(1)); value = values[n]; name = ids[position]; position += 1
            if name:
                return ':' + name
            if value is None:
                return 'NULL'
            if n in lim:  # at most one unclaimed job per client: each claim takes them all
                value = clients
            if flat1[position - 1] != flat2[position - 1]:
                kept.append(value)
            const = f'c_{len(consts) + 1}'; consts[const] = value
            return ':' + const
        body = re.sub(r'\$(\d+)', replace, sql)
        lines.append(' '.join(body.split()) + ';')
    lines.append('COMMIT;')
if position != len(flat1):
    sys.exit('parameters and placeholders do not line up')
open(script, 'w').write('\n'.join(lines) + '\n')
open(defines, 'w').write(''.join(f'{k}={v}\0' for k, v in consts.items()))
open(texts, 'w').write(''.join(' '.join(sql.split()) + '\n' for t in pair1 for sql, _ in t[1]))
print(f'pair: start {len(pair1[0][1])}, claim {len(pair1[1][1])}, job {len(pair1[2][1])} statements '
      f'(besides BEGIN/COMMIT); {ids_count} ids fresh per pair; {len(kept)} other values that differed '
      f'between the captured pairs kept as captured ({", ".join(sorted(set(kept))[:3])}, ...)')
PY

mapfile -d '' defs < $work/defines
dargs=(); for d in "${defs[@]}"; do dargs+=(-D "$d"); done
hz=$(getconf CLK_TCK)
run() { # label, extra PGOPTIONS
  psql -c 'select pg_stat_statements_reset()' >/dev/null
  local phase="pgbench-${1//[^a-z]/-}"; pg_perf_start $phase
  pg_cpu_snapshot >$work/p0
  PGOPTIONS="$2" $pg_bin/pgbench -n -M prepared -c $clients -j 2 -T $duration -h 127.0.0.1 -p $port -U postgres \
    -D pair=$(date +%s%3N) "${dargs[@]}" -f $work/pair.sql tern > $work/pgbench.out 2>&1 || { cat $work/pgbench.out; exit 1; }
  # pgbench's backends end as it exits: read the clock ticks only once the postmaster has reaped
  # them, or a backend read as a live child and reaped before its ticks were read counts nowhere
  # (this lost up to a fifth of the run's CPU before 2026-12-06's ninth session)
  local pm; pm=$(head -1 $work/pg/postmaster.pid)
  for _ in $(seq 100); do # a backend still running or ended and not yet reaped (a zombie)
    ps --ppid $pm -o stat=,args= | grep -qE '^Z|127[.]0[.]0[.]1[(]' || break
    sleep 0.05
  done
  pg_cpu_snapshot >$work/p1; pg_perf_stop $phase >$work/perf.txt
  local pairs tps; pairs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' $work/pgbench.out)
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' $work/pgbench.out)
  grep -q '^number of failed transactions: 0 ' $work/pgbench.out || { cat $work/pgbench.out; exit 1; }
  # PostgreSQL saw exactly the pair's texts, each as often per pair as Tern sends it
  psql -A -t -F$'\t' -c "select calls, regexp_replace(query, '\s+', ' ', 'g') from pg_stat_statements where query not like '%pg_stat_statements%' and query not in ('BEGIN', 'COMMIT')" > $work/seen
  local same; same=$(python3 - $work/texts $work/seen $pairs <<'PY'
import re, sys
texts, seen, pairs = open(sys.argv[1]).read().splitlines(), sys.argv[2], int(sys.argv[3])
def masked(sql):  # constants and parameters as pg_stat_statements shows them, numbers dropped
    sql = ' '.join(sql.split())
    sql = re.sub(r"'(?:[^']|'')*'|\$\d+|\b\d+(?:\.\d+)?\b|\b(?:TRUE|FALSE)\b|(?<!IS )(?<!NOT )\bNULL\b", '$', sql, flags=re.I)
    return sql
expected = {}
for t in texts:
    expected[masked(t)] = expected.get(masked(t), 0) + pairs
got = {}
for line in open(seen).read().split('\n'):
    if line.strip():
        calls, query = line.split('\t', 1)
        got[masked(query)] = got.get(masked(query), 0) + int(calls)
# a prepared utility statement (SET LOCAL) is counted at its first execution only: its text is checked
for d in (expected, got):
    for k in d:
        if k.upper().startswith('SET '):
            d[k] = 'n'
bad = [f'  {got.get(k)} calls, expected {expected.get(k)}: {k[:150]}' for k in sorted(set(expected) | set(got)) if got.get(k) != expected.get(k)]
print('yes' if not bad else 'no\n' + '\n'.join(bad))
PY
)
  local ms; ms=$(echo "$(pg_cpu_ticks $work/p0 $work/p1) * 1000 / $hz / $pairs" | bc -l)
  printf '%-22s %8.1f pairs/s   PostgreSQL CPU %.2f ms per pair (all %d cores: at most %.0f pairs/s)   %s pairs; texts are Tern'"'"'s: %s\n' \
    "$1" "$tps" "$ms" "$(nproc)" "$(echo "$(nproc) * 1000 / $ms" | bc -l)" "$pairs" "$same"
  [ "$same" = yes ] || exit 1
  echo "  PostgreSQL CPU per pair by process kind:"; pg_cpu_report $work/p0 $work/p1 $pairs | sed 's/^/  /'
  psql -A -t -c "select '  statement execution (pg_stat_statements) ' || round(sum(total_exec_time)::numeric / $pairs, 3) || ' ms per pair, planning ' || round(sum(total_plan_time)::numeric / $pairs, 3) || ' ms' from pg_stat_statements where query not like '%pg_stat_statements%'"
  sed 's/^/  /' $work/perf.txt
  # a job transaction deletes its job if a committed claim took it; one can come first when another
  # client's claim has locked the job and not yet committed (Tern runs a job only after its claim):
  # such pairs must stay rare
  local missed; missed=$(psql -A -t -c "select calls - rows from pg_stat_statements where query like 'DELETE FROM tern_job WHERE id = %'")
  echo "                       job transactions that found their job not yet claimed: $missed of $pairs"
  [ $((missed * 100)) -le $pairs ] || exit 1
}
echo "=== PostgreSQL's floor for a trivial start+job pair: $clients clients, $duration s a run ($(nproc) cores)"
run "synchronous_commit=on" ""
run "synchronous_commit=off" "-c synchronous_commit=off"
